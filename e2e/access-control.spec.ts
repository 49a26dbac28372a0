import type { APIRequestContext, BrowserContext, Request } from "@playwright/test";
import { and, asc, desc, eq, isNull } from "drizzle-orm";
import type { Db } from "@/db";
import { endorsementRequests, evidenceEntries, notifications, notificationSettings, orgSettings, packetPrivateNotes, packets, packetSettings, people, reviewCycles, reviewPrivateNotes, reviews, stipendClaims, stipendSettings } from "@/db/schema";
import { draftIds, levelLabelIn } from "./support/framework-ids";
import { ACCESS_TABLE, PACKET_ROLES, ROLES, rolesOf, rowName, type AccessRow, type AnyRole, type Ids } from "@/lib/test/access-table";
import { DEMO, expect, SIGNED_OUT, storageStateFor, test } from "./support/fixtures";
import { Form, pageAs } from "./support/pages";
import { builtActionKeys, callAction, replyCode } from "./support/server-actions";

/*
 * The access-control table (lib/test/access-table) over HTTP: every cell, each
 * role with its own session, against Jordan's records in the demo data. Pages
 * and downloads are fetched; server actions are called directly, with input
 * their schema accepts. Refused looks exactly like missing (404, or the
 * action's "not found"); allowed pages show the record. The DAL rows in
 * lib/test/access-dal/ (run by lib/access-control/*.test.ts) prove what
 * allowed actions do.
 */
/* The packet roles: Noor (asked to endorse Jordan's packet), Avery (on the committee), Priya (on it too, recused from Noor's packet; Jordan's manager above). */
const SESSION: Record<Exclude<AnyRole, "signedOut">, keyof typeof DEMO> = {
  engineer: "engineer",
  peer: "peer",
  manager: "manager",
  director: "director",
  otherManager: "otherManager",
  admin: "admin",
  endorser: "endorser",
  committeeMember: "committeeMember",
  recusedMember: "director",
};

function readIds(db: Db): Ids {
  const person = (email: string) => db.select().from(people).where(eq(people.email, email)).get()!;
  const jordan = person(DEMO.engineer.email);
  const cycle = db.select().from(reviewCycles).where(eq(reviewCycles.status, "open")).orderBy(asc(reviewCycles.openedAt)).get()!;
  const review = db.select().from(reviews).where(and(eq(reviews.personId, jordan.id), eq(reviews.cycleId, cycle.id))).get()!;
  const notes = db.select({ version: reviewPrivateNotes.version }).from(reviewPrivateNotes).where(eq(reviewPrivateNotes.reviewId, review.id)).get();
  const claimIn = (status: "pending" | "approved") => db.select().from(stipendClaims).where(and(eq(stipendClaims.personId, jordan.id), eq(stipendClaims.status, status))).get()!;
  const [pending, approved] = [claimIn("pending"), claimIn("approved")];
  const entry = db.select().from(evidenceEntries).where(and(eq(evidenceEntries.personId, jordan.id), isNull(evidenceEntries.removedAt))).get()!;
  return {
    engineer: jordan.id,
    engineerName: jordan.name,
    engineerEmail: jordan.email,
    engineerVersion: String(jordan.version),
    engineerStart: jordan.startDate,
    peer: person(DEMO.peer.email).id,
    manager: person(DEMO.manager.email).id,
    entry: entry.id,
    entryTitle: entry.title,
    entryVersion: String(entry.version),
    cycle: cycle.id,
    cycleVersion: String(cycle.version),
    review: review.id,
    selfVersion: String(review.selfVersion),
    managerVersion: String(review.managerVersion),
    notesVersion: String(notes?.version ?? 0),
    claim: pending.id,
    claimItem: pending.item,
    claimVersion: String(pending.version),
    receipt: pending.receiptId!,
    approvedClaim: approved.id,
    approvedClaimVersion: String(approved.version),
    year: String(pending.year),
    settingsVersion: String(db.select({ version: orgSettings.version }).from(orgSettings).get()?.version ?? 0),
    retentionVersion: String(db.select({ version: stipendSettings.version }).from(stipendSettings).get()?.version ?? 0),
    ...packetIds(db, jordan.id),
    notification: db.select({ id: notifications.id }).from(notifications).where(and(eq(notifications.recipientId, jordan.id), isNull(notifications.readAt))).orderBy(desc(notifications.createdAt)).get()!.id,
    emailPreferenceVersion: String(db.select({ version: notificationSettings.version }).from(notificationSettings).where(eq(notificationSettings.personId, jordan.id)).get()?.version ?? 0),
    ...draftIds(db),
    ...committeeIds(db, jordan.id),
  };
}

/* Endorsements and the committee in the demo (lib/test/access-table/committee.ts says who plays what). */
function committeeIds(db: Db, jordanId: string): Ids {
  const person = (email: string) => db.select().from(people).where(eq(people.email, email)).get()!;
  const packetOf = (personId: string) => db.select().from(packets).where(eq(packets.personId, personId)).orderBy(desc(packets.createdAt)).get()!;
  const toJordan = db.select().from(endorsementRequests).where(and(eq(endorsementRequests.endorserId, jordanId), eq(endorsementRequests.status, "pending"))).get()!;
  const jordansPacket = packetOf(jordanId);
  const pendingOnJordans = db.select().from(endorsementRequests).where(and(eq(endorsementRequests.packetId, jordansPacket.id), eq(endorsementRequests.status, "pending"))).get()!;
  const noor = person("noor@example.com");
  return {
    endorsementRequest: toJordan.id,
    endorsementVersion: String(toJordan.version),
    endorsementAuthor: person(DEMO.peer.email).name,
    packetRequest: pendingOnJordans.id,
    packetRequestVersion: String(pendingOnJordans.version),
    committeePacket: packetOf(noor.id).id,
    committeePerson: noor.name,
    committeePersonId: noor.id,
    declinedPacket: packetOf(person("riley@example.com").id).id,
  };
}

/* Jordan's demo packet (returned to him, so a draft) and the versions its forms send. */
function packetIds(db: Db, personId: string): Ids {
  const packet = db.select().from(packets).where(eq(packets.personId, personId)).orderBy(desc(packets.createdAt)).get()!;
  const notes = db.select({ version: packetPrivateNotes.version }).from(packetPrivateNotes).where(eq(packetPrivateNotes.packetId, packet.id)).get();
  return {
    packet: packet.id,
    packetTargetKey: packet.targetLevelKey,
    packetTarget: levelLabelIn(db, packet.frameworkVersionId, packet.targetLevelKey),
    packetCaseVersion: String(packet.caseVersion),
    packetManagerVersion: String(packet.managerVersion),
    packetNotesVersion: String(notes?.version ?? 0),
    packetSettingsVersion: String(db.select({ version: packetSettings.version }).from(packetSettings).get()?.version ?? 0),
  };
}

/* What a silent action (a bare <form action>, which answers nothing) would change if a refused call got through: read before and after the call. */
const readAtOf = (db: Db, ids: Ids) => db.select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, ids.notification!)).get()!.readAt;
const WATCH: Record<string, (db: Db, ids: Ids) => unknown> = {
  "action app/(app)/notifications/actions.ts#openNotificationAction": readAtOf,
  "action app/(app)/notifications/actions.ts#markNotificationReadAction": readAtOf,
};

test.describe("the access-control table over HTTP", () => {
  let ids: Ids;
  const sessions = new Map<AnyRole, APIRequestContext>();

  test.beforeAll(async ({ db, playwright, baseURL }) => {
    ids = readIds(db);
    for (const role of [...ROLES, ...PACKET_ROLES]) {
      sessions.set(role, await playwright.request.newContext({ baseURL, storageState: role === "signedOut" ? SIGNED_OUT : storageStateFor(SESSION[role]) }));
    }
  });
  test.afterAll(async () => {
    for (const session of sessions.values()) await session.dispose();
  });

  const sessionOf = (role: AnyRole) => sessions.get(role)!;

  async function checkPage(row: AccessRow, role: AnyRole) {
    const request = sessionOf(role);
    const path = row.path!(ids);
    const follow = row.follows && row.cells[role] === "allowed";
    const response = row.method === "POST" ? await request.post(path, { form: {}, maxRedirects: 0 }) : await request.get(path, { maxRedirects: follow ? 5 : 0 });
    const expected = row.cells[role];
    const where = `${rowName(row)} as ${role}`;
    if (expected === "sign-in") {
      expect(response.status(), where).toBe(307);
      expect(response.headers().location, where).toBe(`/signin?callbackUrl=${encodeURIComponent(path)}`);
    } else if (expected === "refused") {
      expect(response.status(), where).toBe(404);
    } else if (expected === "public") {
      expect(response.status(), where).toBeLessThan(400);
    } else {
      expect(response.status(), where).toBe(200);
      if (row.shows) expect(await response.text(), where).toContain(row.shows(ids));
    }
  }

  async function checkAction(row: AccessRow, role: AnyRole, baseURL: string, db: Db) {
    const expected = row.cells[role];
    if (expected === "allowed") return; // proven by its DAL row: running it here would change the demo data other tests read
    const where = `${rowName(row)} as ${role}`;
    const watch = WATCH[row.entry];
    if (row.silent && expected === "refused" && !watch) throw new Error(`${where}: a silent action answers nothing, so its refusal needs a WATCH entry that reads what it would change`);
    const before = watch?.(db, ids);
    const key = row.entry.replace(/^action /, "");
    // Sign-in attempts each claim an address of their own, so the shared localhost address is never slowed.
    const headers = { "X-Forwarded-For": `203.0.113.${Math.floor(Math.random() * 250) + 1}` };
    const response = await callAction(sessionOf(role), baseURL, key, row.input!(ids), { encoding: row.encoding, headers });
    expect(response.status(), where).toBeLessThan(500);
    if (watch) expect(watch(db, ids), `${where} changed what it must not`).toEqual(before);
    const code = replyCode(await response.text());
    if (row.silent) expect(code, where).not.toBe("ok");
    else if (expected === "sign-in") expect(code, where).toBe("session-ended");
    else if (expected === "refused") expect(["not-found", "refused"], `${where} answered ${code}`).toContain(code);
    else expect(code, where).not.toBe("session-ended");
  }

  for (const row of ACCESS_TABLE) {
    test(rowName(row), async ({ baseURL, db }) => {
      for (const role of rolesOf(row)) {
        if (row.entry.startsWith("action ")) await checkAction(row, role, baseURL!, db);
        else await checkPage(row, role);
      }
    });
  }

  test("every server action in the build has a row", () => {
    const rows = new Set(ACCESS_TABLE.map((r) => r.entry));
    const built = builtActionKeys();
    expect(built.length).toBeGreaterThan(25);
    expect(built.filter((key) => !rows.has(`action ${key}`))).toEqual([]);
  });
});

/* Beyond the roles: a session ended on the server, and records that do not exist. */
test.describe("ended sessions and missing records", () => {
  let endedState: Awaited<ReturnType<BrowserContext["storageState"]>>;
  let ids: Ids;
  test.beforeAll(async ({ db, browser, createPerson }) => {
    ids = { packet: packetIds(db, db.select().from(people).where(eq(people.email, DEMO.engineer.email)).get()!.id).packet!, ...draftIds(db) };
    // An admin whose session is then ended by deactivation: the strongest cookie there is, made worthless.
    const person = await createPerson({ role: "admin", trackKey: "mgmt", levelKey: "m3" });
    const page = await pageAs(browser, person);
    endedState = await page.context().storageState();
    await page.context().close();
    db.update(people).set({ active: false }).where(eq(people.id, person.id)).run();
  });

  for (const [name, pathOf, expected] of [
    ["/", () => "/", "sign-in"],
    ["/account", () => "/account", "sign-in"],
    ["/admin/people", () => "/admin/people", "sign-in"],
    ["/notifications", () => "/notifications", "sign-in"],
    ["Jordan's packet", (ids: Ids) => `/packets/${ids.packet}`, "sign-in"],
    ["/framework/export?version=1", () => "/framework/export?version=1", 404],
    ["/admin/people/export", () => "/admin/people/export", 404],
    ["Jordan's packet as a PDF", (ids: Ids) => `/packets/${ids.packet}/pdf`, 404],
    ["/account/export", () => "/account/export", 404],
  ] as const) {
    test(`an ended session gets ${name}: ${expected}`, async ({ playwright, baseURL }) => {
      const path = pathOf(ids);
      const request = await playwright.request.newContext({ baseURL, storageState: endedState, maxRedirects: 0 });
      const response = await request.get(path);
      if (expected === "sign-in") {
        expect(response.status()).toBe(307);
        expect(response.headers().location).toBe(`/signin?callbackUrl=${encodeURIComponent(path)}&ended=deactivated`);
      } else expect(response.status()).toBe(expected);
      await request.dispose();
    });
  }

  const missing = ["/people/no-such-person", "/stipend/claims/no-such-claim", "/evidence/no-such-entry", "/reviews/no-such-review", "/reviews/calibration?cycle=no-such-cycle", "/stipend/receipts/no-such-receipt", "/packets/no-such-packet", "/packets/no-such-packet/print", "/packets/no-such-packet/pdf"];
  for (const [name, pathOf] of [...missing.map((path) => [path, () => path] as const), ["a draft's level that does not exist", (ids: Ids) => `/admin/framework/${ids.draftNumber}/cells/no-such-level`] as const]) {
    test(`a missing record is 404: ${name}`, async ({ playwright, baseURL }) => {
      const request = await playwright.request.newContext({ baseURL, storageState: storageStateFor("admin"), maxRedirects: 0 });
      expect((await request.get(pathOf(ids))).status()).toBe(404);
      await request.dispose();
    });
  }
});

test("a refused page looks like a missing one to the person", async ({ browser, db }) => {
  const manager = db.select({ id: people.id }).from(people).where(eq(people.email, DEMO.manager.email)).get()!;
  const page = await pageAs(browser, "engineer");
  await page.goto(`/people/${manager.id}`);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByText(DEMO.manager.name)).toHaveCount(0);
  await page.context().close();
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
