import type { BrowserContext, Request } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { evidenceEntries, packets, people, reviewCycles, reviews, stipendClaims, stipendSettings } from "@/db/schema";
import { DEMO, expect, SIGNED_OUT, storageStateFor, test, type DemoRole } from "./support/fixtures";
import { Form, pageAs } from "./support/pages";

/*
 * The page rows of the access-control table, over HTTP with each demo role's
 * session. Forbidden pages answer exactly like missing ones (404). The
 * DAL/action rows live in lib/access-control.test.ts.
 */
/* "ended": a real session cookie whose session was ended on the server, so the request passes the proxy and only the page's own check can refuse it. */
type Who = DemoRole | "anonymous" | "ended";
type Row = { path: (ids: Record<string, string>) => string; as: Who; expect: 200 | 404 | "sign-in" };

const rows: Row[] = [
  { path: () => "/", as: "anonymous", expect: "sign-in" },
  { path: () => "/", as: "ended", expect: "sign-in" },
  { path: () => "/account", as: "ended", expect: "sign-in" },
  { path: () => "/framework", as: "ended", expect: "sign-in" },
  { path: () => "/admin/people", as: "ended", expect: "sign-in" },
  { path: () => "/framework/export?version=1", as: "ended", expect: 404 },
  { path: () => "/admin/people/export", as: "ended", expect: 404 },
  { path: () => "/account", as: "anonymous", expect: "sign-in" },
  { path: () => "/about", as: "anonymous", expect: "sign-in" },
  { path: () => "/about", as: "ended", expect: "sign-in" },
  { path: () => "/about", as: "engineer", expect: 200 },
  { path: (id) => `/people/${id.engineer}`, as: "anonymous", expect: "sign-in" },
  { path: (id) => `/people/${id.engineer}`, as: "engineer", expect: 200 },
  { path: (id) => `/people/${id.engineerPeer}`, as: "engineer", expect: 404 },
  { path: (id) => `/people/${id.manager}`, as: "engineer", expect: 404 },
  { path: () => `/people/no-such-person`, as: "engineer", expect: 404 },
  { path: (id) => `/people/${id.engineer}`, as: "manager", expect: 200 },
  { path: (id) => `/people/${id.otherTeam}`, as: "manager", expect: 404 },
  { path: (id) => `/people/${id.otherTeam}`, as: "admin", expect: 200 },
  ...["/admin/people", "/admin/people/new", "/admin/people/import", "/admin/people/export", "/admin/org", "/admin/committee", "/admin/audit"].flatMap((adminPath) => [
    { path: () => adminPath, as: "engineer" as const, expect: 404 as const },
    { path: () => adminPath, as: "manager" as const, expect: 404 as const },
    { path: () => adminPath, as: "admin" as const, expect: 200 as const },
  ]),
  { path: (id) => `/admin/people/${id.engineer}`, as: "manager", expect: 404 },
  { path: (id) => `/admin/people/${id.engineer}`, as: "admin", expect: 200 },
  { path: () => "/stipend", as: "anonymous", expect: "sign-in" },
  { path: () => "/stipend", as: "engineer", expect: 200 },
  { path: () => "/stipend/new", as: "engineer", expect: 200 },
  { path: (id) => `/stipend/claims/${id.engineerClaim}`, as: "engineer", expect: 200 },
  { path: (id) => `/stipend/claims/${id.peerClaim}`, as: "engineer", expect: 404 },
  { path: (id) => `/stipend/claims/${id.peerClaim}`, as: "manager", expect: 200 },
  { path: (id) => `/stipend/claims/${id.otherTeamClaim}`, as: "manager", expect: 404 },
  { path: (id) => `/stipend/claims/${id.otherTeamClaim}`, as: "admin", expect: 200 },
  { path: () => `/stipend/claims/no-such-claim`, as: "admin", expect: 404 },
  { path: (id) => `/stipend/receipts/${id.engineerReceipt}`, as: "engineer", expect: 200 },
  { path: (id) => `/stipend/receipts/${id.engineerReceipt}`, as: "manager", expect: 200 },
  { path: (id) => `/stipend/receipts/${id.peerReceipt}`, as: "engineer", expect: 404 },
  { path: (id) => `/stipend/receipts/${id.otherTeamReceipt}`, as: "manager", expect: 404 },
  { path: () => "/stipend/approvals", as: "manager", expect: 200 },
  { path: () => "/stipend/team", as: "manager", expect: 200 },
  { path: () => "/stipend/admin", as: "engineer", expect: 404 },
  { path: () => "/stipend/admin", as: "manager", expect: 404 },
  { path: () => "/stipend/admin", as: "admin", expect: 200 },
  { path: () => `/stipend/admin/export?year=${new Date().getUTCFullYear()}`, as: "manager", expect: 404 },
  { path: () => `/stipend/admin/export?year=${new Date().getUTCFullYear()}`, as: "admin", expect: 200 },
  { path: () => "/evidence", as: "anonymous", expect: "sign-in" },
  ...(["engineer", "manager", "admin"] as const).flatMap((as) => [
    { path: () => "/evidence", as, expect: 200 as const },
    { path: () => "/evidence/new", as, expect: 200 as const },
    { path: () => "/reviews", as, expect: 200 as const },
  ]),
  { path: (id) => `/evidence?person=${id.engineerPeer}`, as: "engineer", expect: 404 },
  { path: (id) => `/evidence?person=${id.manager}`, as: "engineer", expect: 404 },
  { path: (id) => `/evidence?person=${id.engineer}`, as: "manager", expect: 200 },
  { path: (id) => `/evidence?person=${id.otherTeam}`, as: "manager", expect: 404 },
  { path: (id) => `/evidence?person=${id.otherTeam}`, as: "admin", expect: 200 },
  { path: (id) => `/evidence/${id.engineerEntry}`, as: "engineer", expect: 200 },
  { path: (id) => `/evidence/${id.engineerEntry}`, as: "manager", expect: 200 },
  { path: (id) => `/evidence/${id.engineerEntry}`, as: "admin", expect: 200 },
  { path: () => "/evidence/no-such-entry", as: "engineer", expect: 404 },
  { path: (id) => `/reviews/${id.engineerReview}`, as: "anonymous", expect: "sign-in" },
  { path: (id) => `/reviews/${id.engineerReview}`, as: "engineer", expect: 200 },
  { path: (id) => `/reviews/${id.engineerReview}`, as: "manager", expect: 200 },
  { path: (id) => `/reviews/${id.engineerReview}`, as: "admin", expect: 200 },
  { path: (id) => `/reviews/${id.peerReview}`, as: "engineer", expect: 404 },
  { path: (id) => `/reviews/${id.managerReview}`, as: "engineer", expect: 404 },
  { path: (id) => `/reviews/${id.otherTeamReview}`, as: "manager", expect: 404 },
  { path: (id) => `/reviews/${id.otherTeamReview}`, as: "admin", expect: 200 },
  { path: () => "/reviews/no-such-review", as: "admin", expect: 404 },
  { path: (id) => `/reviews/${id.peerReview}`, as: "manager", expect: 200 },
  ...["/reviews/team", "/reviews/calibration", "/reviews/calibration/export"].flatMap((teamPath) => [
    { path: () => teamPath, as: "anonymous" as const, expect: "sign-in" as const },
    { path: () => teamPath, as: "engineer" as const, expect: 404 as const },
    { path: () => teamPath, as: "manager" as const, expect: 200 as const },
    { path: () => teamPath, as: "admin" as const, expect: 200 as const },
  ]),
  { path: () => "/reviews/calibration?cycle=no-such-cycle", as: "manager", expect: 404 },
  { path: (id) => `/reviews/history/${id.engineer}`, as: "engineer", expect: 200 },
  { path: (id) => `/reviews/history/${id.engineerPeer}`, as: "engineer", expect: 404 },
  { path: (id) => `/reviews/history/${id.manager}`, as: "engineer", expect: 404 },
  { path: (id) => `/reviews/history/${id.engineer}`, as: "manager", expect: 200 },
  { path: (id) => `/reviews/history/${id.otherTeam}`, as: "manager", expect: 404 },
  { path: (id) => `/reviews/history/${id.otherTeam}`, as: "admin", expect: 200 },
  // The framework editor: admins only, Morgan's demo draft is version 3.
  ...["/admin/framework", "/admin/framework/import", "/admin/framework/3", "/admin/framework/3/matrix", "/admin/framework/3/levels", "/admin/framework/3/cells/ic2", "/admin/framework/3/publish"].flatMap((editorPath) => [
    { path: () => editorPath, as: "anonymous" as const, expect: "sign-in" as const },
    { path: () => editorPath, as: "engineer" as const, expect: 404 as const },
    { path: () => editorPath, as: "manager" as const, expect: 404 as const },
    { path: () => editorPath, as: "admin" as const, expect: 200 as const },
  ]),
  // A published version is frozen: it has no editor pages, even for admins.
  { path: () => "/admin/framework/2", as: "admin", expect: 404 },
  { path: () => "/admin/framework/2/publish", as: "admin", expect: 404 },
  { path: () => "/admin/framework/3/cells/no-such-level", as: "admin", expect: 404 },
  { path: () => "/framework/diff?from=1&to=2", as: "anonymous", expect: "sign-in" },
  { path: () => "/framework/diff?from=1&to=2", as: "engineer", expect: 200 },
  { path: () => "/framework/diff?from=2&to=3", as: "engineer", expect: 404 },
  { path: () => "/framework/diff?from=2&to=3", as: "admin", expect: 404 },
  { path: () => "/framework?version=3", as: "engineer", expect: 404 },
  { path: () => "/framework?version=3", as: "admin", expect: 200 },
  { path: () => "/framework/export?version=3", as: "engineer", expect: 404 },
  { path: () => "/framework/export?version=3", as: "admin", expect: 200 },
  { path: () => "/packets", as: "anonymous", expect: "sign-in" },
  { path: (id) => `/packets/${id.engineerPacket}`, as: "anonymous", expect: "sign-in" },
  { path: (id) => `/packets/${id.engineerPacket}`, as: "ended", expect: "sign-in" },
  ...(["engineer", "manager", "admin"] as const).flatMap((as) => [
    { path: () => "/packets", as, expect: 200 as const },
    { path: () => "/packets/new", as, expect: 200 as const },
    { path: (id: Record<string, string>) => `/packets/${id.engineerPacket}`, as, expect: 200 as const },
  ]),
  { path: (id) => `/packets/new?person=${id.engineerPeer}`, as: "engineer", expect: 404 },
  { path: (id) => `/packets/new?person=${id.engineerPeer}`, as: "manager", expect: 200 },
  { path: (id) => `/packets/new?person=${id.engineerPeer}`, as: "admin", expect: 404 },
  { path: (id) => `/packets/${id.peerPacket}`, as: "engineer", expect: 404 },
  { path: (id) => `/packets/${id.peerPacket}`, as: "manager", expect: 200 },
  { path: (id) => `/packets/${id.otherTeamPacket}`, as: "manager", expect: 404 },
  { path: (id) => `/packets/${id.otherTeamPacket}`, as: "admin", expect: 200 },
  { path: () => "/packets/no-such-packet", as: "admin", expect: 404 },
  { path: () => "/notifications", as: "anonymous", expect: "sign-in" },
  { path: () => "/notifications", as: "ended", expect: "sign-in" },
  ...(["engineer", "manager", "admin"] as const).map((as) => ({ path: () => "/notifications", as, expect: 200 as const })),
  ...["/admin/cycles", "/admin/settings", "/admin/packets"].flatMap((adminPath) => [
    { path: () => adminPath, as: "engineer" as const, expect: 404 as const },
    { path: () => adminPath, as: "manager" as const, expect: 404 as const },
    { path: () => adminPath, as: "admin" as const, expect: 200 as const },
  ]),
];

test.describe("access control over HTTP", () => {
  let ids: Record<string, string>;
  let endedState: Awaited<ReturnType<BrowserContext["storageState"]>>;
  test.beforeAll(async ({ db, browser, createPerson }) => {
    // An admin whose session is then ended by deactivation: the strongest cookie there is, made worthless.
    const person = await createPerson({ role: "admin", trackKey: "mgmt", levelKey: "m3" });
    const page = await pageAs(browser, person);
    endedState = await page.context().storageState();
    await page.context().close();
    db.update(people).set({ active: false }).where(eq(people.id, person.id)).run();
    const idOf = (email: string) => db.select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
    ids = { engineer: idOf(DEMO.engineer.email), engineerPeer: idOf("alex@example.com"), manager: idOf(DEMO.manager.email), otherTeam: idOf("noor@example.com") };
    // Demo stipend claims with an uploaded receipt: Jordan's, Alex's (Jordan's peer) and Noor's (outside Sam's org).
    const claimOf = (personId: string) =>
      db.select({ id: stipendClaims.id, receiptId: stipendClaims.receiptId }).from(stipendClaims).where(and(eq(stipendClaims.personId, personId), eq(stipendClaims.status, "pending"))).get()!;
    const [engineerClaim, peerClaim, otherTeamClaim] = [claimOf(ids.engineer!), claimOf(ids.engineerPeer!), claimOf(ids.otherTeam!)];
    Object.assign(ids, {
      engineerClaim: engineerClaim.id,
      engineerReceipt: engineerClaim.receiptId!,
      peerClaim: peerClaim.id,
      peerReceipt: peerClaim.receiptId!,
      otherTeamClaim: otherTeamClaim.id,
      otherTeamReceipt: otherTeamClaim.receiptId!,
    });
    // Demo evidence and reviews in the open cycle: Jordan's, Alex's (a peer), Sam's (Jordan's manager) and Noor's (outside Sam's org).
    const openReviewOf = (personId: string) =>
      db.select({ id: reviews.id }).from(reviews).innerJoin(reviewCycles, eq(reviewCycles.id, reviews.cycleId)).where(and(eq(reviews.personId, personId), eq(reviewCycles.status, "open"))).get()!.id;
    Object.assign(ids, {
      engineerEntry: db.select({ id: evidenceEntries.id }).from(evidenceEntries).where(eq(evidenceEntries.personId, ids.engineer!)).get()!.id,
      engineerReview: openReviewOf(ids.engineer!),
      peerReview: openReviewOf(ids.engineerPeer!),
      managerReview: openReviewOf(ids.manager!),
      otherTeamReview: openReviewOf(ids.otherTeam!),
    });
    // Demo packets: Jordan's (returned to him), Alex's (submitted to Sam) and Noor's (outside Sam's org).
    const packetOf = (personId: string) => db.select({ id: packets.id }).from(packets).where(eq(packets.personId, personId)).get()!.id;
    Object.assign(ids, { engineerPacket: packetOf(ids.engineer!), peerPacket: packetOf(ids.engineerPeer!), otherTeamPacket: packetOf(ids.otherTeam!) });
  });

  for (const [i, row] of rows.entries()) {
    test(`#${i + 1} ${row.as} -> ${row.expect}`, async ({ playwright, baseURL }) => {
      const request = await playwright.request.newContext({
        baseURL,
        storageState: row.as === "anonymous" ? SIGNED_OUT : row.as === "ended" ? endedState : storageStateFor(row.as),
        maxRedirects: 0,
      });
      const path = row.path(ids);
      const response = await request.get(path);
      if (row.expect === "sign-in") {
        expect(response.status()).toBe(307);
        expect(response.headers().location).toBe(`/signin?callbackUrl=${encodeURIComponent(path)}${row.as === "ended" ? "&ended=deactivated" : ""}`);
      } else {
        expect(response.status(), path).toBe(row.expect);
      }
      await request.dispose();
    });
  }

  test("a refused page looks like a missing one to the person", async ({ browser }) => {
    const page = await pageAs(browser, "engineer");
    await page.goto(`/people/${ids.manager}`);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText(DEMO.manager.name)).toHaveCount(0);
    await page.context().close();
  });
});

test("a non-admin cannot set the receipt retention, even by replaying an admin's request", async ({ browser, db, playwright, baseURL }) => {
  const page = await pageAs(browser, "admin");
  await page.goto("/stipend/admin");
  // The admin's own submission is captured and stopped, so only the replays below could change anything.
  let submission: Request | undefined;
  await page.route("**/stipend/admin**", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    submission = route.request();
    await route.abort();
  });
  await new Form(page, "Save retention").fillAndSubmit({ "Keep receipts of rejected claims for (days)": "7" });
  await expect.poll(() => submission).toBeDefined();
  const headers = await submission!.allHeaders();
  delete headers.cookie;
  for (const role of ["engineer", "manager"] as const) {
    const request = await playwright.request.newContext({ baseURL, storageState: storageStateFor(role) });
    const response = await request.post(submission!.url(), { headers, data: submission!.postDataBuffer()!, maxRedirects: 0 });
    expect(response.status(), role).toBeLessThan(500);
    // The action ran and its DAL call refused, the same way as for a missing record.
    expect(await response.text()).toContain("That setting does not exist or you do not have access to it.");
    await request.dispose();
  }
  expect(db.select({ days: stipendSettings.rejectedReceiptRetentionDays }).from(stipendSettings).get()?.days).not.toBe(7);
  await page.context().close();
});
