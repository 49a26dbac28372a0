import { and, eq } from "drizzle-orm";
import { endorsementRequests, evidenceEntries, packets, people, reviewCycles, reviews, stipendClaims } from "@/db/schema";
import { DEMO, expect, storageStateFor, test, type DemoRole } from "./support/fixtures";

/*
 * Every page at 390 px wide (a phone): no page-level horizontal scroll. Wide
 * tables scroll inside their own box. New pages join this list; each is a test of its own.
 */
type Ids = Record<string, string>;
const PAGES: { role: DemoRole; path: (id: Ids) => string }[] = [
  { role: "engineer", path: () => "/" },
  { role: "engineer", path: () => "/framework" },
  { role: "engineer", path: () => "/framework?level=ic2&cell=technical.complexity" },
  { role: "engineer", path: () => "/framework/compare?from=ic2&to=ic3" },
  { role: "engineer", path: () => "/framework/next" },
  { role: "engineer", path: (id) => `/people/${id.engineer}` },
  { role: "engineer", path: () => "/account" },
  { role: "engineer", path: () => "/notifications" },
  { role: "engineer", path: () => "/notifications?show=unread" },
  { role: "engineer", path: () => "/stipend" },
  { role: "engineer", path: () => "/stipend/new" },
  { role: "engineer", path: (id) => `/stipend/claims/${id.claim}` },
  { role: "engineer", path: () => "/evidence" },
  { role: "engineer", path: () => "/evidence/new" },
  { role: "engineer", path: (id) => `/evidence/${id.entry}` },
  { role: "engineer", path: () => "/reviews" },
  { role: "engineer", path: (id) => `/reviews/${id.openReview}` },
  { role: "engineer", path: (id) => `/reviews/${id.pastReview}` },
  { role: "manager", path: () => "/" },
  { role: "manager", path: () => "/about" },
  { role: "manager", path: () => "/notifications" },
  { role: "manager", path: () => "/stipend/approvals" },
  { role: "manager", path: () => "/stipend/team" },
  { role: "manager", path: (id) => `/evidence?person=${id.engineer}` },
  { role: "manager", path: () => "/reviews" },
  { role: "manager", path: () => "/reviews/team" },
  { role: "manager", path: () => "/reviews/team?status=overdue&sort=due" },
  { role: "manager", path: () => "/reviews/calibration" },
  { role: "manager", path: (id) => `/reviews/${id.peerOpenReview}` },
  { role: "manager", path: (id) => `/reviews/${id.pastReview}` },
  { role: "manager", path: (id) => `/reviews/history/${id.engineer}` },
  { role: "engineer", path: (id) => `/reviews/history/${id.engineer}` },
  { role: "admin", path: () => "/reviews/calibration" },
  { role: "admin", path: () => "/reviews/team" },
  { role: "admin", path: () => "/admin/people" },
  { role: "admin", path: () => "/admin/people/new" },
  { role: "admin", path: () => "/admin/people/import" },
  { role: "admin", path: (id) => `/admin/people/${id.engineer}` },
  { role: "admin", path: () => "/admin/org" },
  { role: "admin", path: () => "/admin/committee" },
  { role: "admin", path: () => "/admin/audit" },
  { role: "admin", path: () => "/admin/cycles" },
  { role: "admin", path: () => "/admin/settings" },
  { role: "admin", path: () => "/notifications" },
  { role: "admin", path: () => "/stipend/admin" },
  { role: "admin", path: () => "/admin/framework" },
  { role: "admin", path: () => "/admin/framework/import" },
  { role: "admin", path: () => "/admin/framework/3" },
  { role: "admin", path: () => "/admin/framework/3/matrix" },
  { role: "admin", path: () => "/admin/framework/3/levels" },
  { role: "admin", path: () => "/admin/framework/3/cells/ic7" },
  { role: "admin", path: () => "/admin/framework/3/publish" },
  { role: "admin", path: () => "/framework?version=3" },
  { role: "engineer", path: () => "/framework/diff" },
  { role: "engineer", path: () => "/framework/diff?from=1&to=2" },
  { role: "engineer", path: () => "/packets" },
  { role: "engineer", path: () => "/packets/new" },
  { role: "engineer", path: (id) => `/packets/${id.engineerPacket}` },
  { role: "manager", path: () => "/packets" },
  { role: "manager", path: () => "/packets/new" },
  { role: "manager", path: (id) => `/packets/${id.peerPacket}` },
  { role: "manager", path: (id) => `/packets/${id.engineerPacket}` },
  { role: "admin", path: () => "/packets" },
  { role: "admin", path: () => "/admin/packets" },
  { role: "admin", path: (id) => `/packets/${id.otherTeamPacket}` },
  { role: "engineer", path: () => "/endorsements" },
  { role: "engineer", path: (id) => `/endorsements/${id.engineerEndorsement}` },
  { role: "manager", path: (id) => `/packets/${id.declinedPacket}` },
  { role: "admin", path: () => "/committee" },
  { role: "admin", path: (id) => `/committee/${id.otherTeamPacket}` },
  { role: "admin", path: (id) => `/committee/${id.approvedPacket}` },
  { role: "admin", path: (id) => `/packets/${id.approvedPacket}` },
  { role: "engineer", path: (id) => `/packets/${id.engineerPacket}/print` },
  { role: "manager", path: (id) => `/packets/${id.peerPacket}/print` },
  { role: "admin", path: (id) => `/packets/${id.otherTeamPacket}/print` },
];

let ids: Ids;
test.beforeAll(({ db }) => {
  const engineer = db.select({ id: people.id }).from(people).where(eq(people.email, DEMO.engineer.email)).get()!.id;
  const idOf = (email: string) => db.select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
  const packetOf = (personId: string) => db.select({ id: packets.id }).from(packets).where(eq(packets.personId, personId)).get()!.id;
  const reviewIn = (status: "open" | "closed", personId = engineer) =>
    db.select({ id: reviews.id }).from(reviews).innerJoin(reviewCycles, eq(reviewCycles.id, reviews.cycleId)).where(and(eq(reviews.personId, personId), eq(reviewCycles.status, status))).get()!.id;
  ids = {
    engineer,
    claim: db.select({ id: stipendClaims.id }).from(stipendClaims).where(eq(stipendClaims.personId, engineer)).get()!.id,
    entry: db.select({ id: evidenceEntries.id }).from(evidenceEntries).where(eq(evidenceEntries.personId, engineer)).get()!.id,
    openReview: reviewIn("open"),
    pastReview: reviewIn("closed"),
    // Alex's manager review is a draft with a disagreement and private notes: the manager's writing view.
    peerOpenReview: reviewIn("open", idOf("alex@example.com")),
    // Demo packets: Jordan's returned draft, Alex's submitted to Sam (the review view), Noor's endorsed track move.
    engineerPacket: packetOf(engineer),
    peerPacket: packetOf(idOf("alex@example.com")),
    otherTeamPacket: packetOf(idOf("noor@example.com")),
    // Riley's declined packet (Sam's report), Taylor's approved one, and the request Alex sent Jordan (pending).
    declinedPacket: packetOf(idOf("riley@example.com")),
    approvedPacket: packetOf(idOf("taylor@example.com")),
    engineerEndorsement: db.select({ id: endorsementRequests.id }).from(endorsementRequests).where(eq(endorsementRequests.endorserId, engineer)).get()!.id,
  };
});

test("the sign-in page fits 390 px", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto("/signin");
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});

/* A page's path with its ids as placeholders, for the test's name ("/packets/:engineerPacket"). */
const pattern = (entry: (typeof PAGES)[number]) => entry.path(new Proxy({}, { get: (_, key) => `:${String(key)}` }) as Ids);

// One test per page, so each has its own time budget as the list grows.
for (const role of ["engineer", "manager", "admin"] as const) {
  test.describe(`as the ${role}`, () => {
    test.use({ storageState: storageStateFor(role) });
    for (const entry of PAGES.filter((p) => p.role === role)) {
      test(`${pattern(entry)} fits 390 px`, async ({ page }) => {
        await page.setViewportSize({ width: 390, height: 844 });
        const path = entry.path(ids);
        const response = await page.goto(path);
        expect(response?.status(), path).toBe(200);
        expect(await page.evaluate(() => document.documentElement.scrollWidth), path).toBeLessThanOrEqual(390);
      });
    }
  });
}
