import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { emailOutbox, notifications, people } from "@/db/schema";
import type { NotificationKind } from "@/lib/domain/enums";
import { NotFoundError } from "@/lib/errors";
import { fileClaim, TEST_TODAY } from "@/lib/test/builders";
import { insertPerson } from "@/lib/test/factory";
import { buildOrg, newViewer, type Org } from "@/lib/test/org";
import { acknowledgeReview, saveManagerReview, shareManagerReview, type ManagerCell } from "./manager-reviews";
import { saveEmailPreference } from "./notification-settings";
import { countUnread, listNotifications, markAllNotificationsRead, markNotificationRead, notify, NOTIFICATIONS_PAGE_SIZE } from "./notifications";
import { getViewerById } from "./people";
import { openCycle } from "./review-cycles";
import { listMyReviews, saveSelfAssessment, submitSelfAssessment, type SelfCell } from "./reviews";
import { transitionClaim } from "./stipend-claims";
import { withdrawPacket } from "./packet-case";
import { packetIn, packetRow, startedPacket } from "@/lib/test/packets";

// A mail server is configured for this file, so immediate notifications also go to the outbox.
process.env.SMTP_URL = "smtp://127.0.0.1:2599";
process.env.SMTP_FROM = "Trellis <trellis@test.example>";
process.env.AUTH_URL = "https://trellis.test.example";

let org: Org;
const CELLS = ["values", "technical", "leadership"].flatMap((c) => ["complexity", "influence", "multiplier"].map((t) => `${c}.${t}`));

/* Who was told what about a record: [recipient name, kind], sorted. */
function told(recordId: string, kind?: NotificationKind) {
  return db()
    .select({ name: people.name, kind: notifications.kind })
    .from(notifications)
    .innerJoin(people, eq(people.id, notifications.recipientId))
    .where(and(eq(notifications.recordId, recordId), kind ? eq(notifications.kind, kind) : undefined))
    .all()
    .map((r) => [r.name, r.kind])
    .sort();
}
const countFor = (recordId: string) => db().select({ id: notifications.id }).from(notifications).where(eq(notifications.recordId, recordId)).all().length;

beforeAll(() => {
  org = buildOrg();
});

describe("stipend claims notify whoever must act, and the owner when it is answered", () => {
  it("a filed claim goes to the direct manager only, with an email in the outbox", async () => {
    const id = await fileClaim(org.as.engineer, { item: "Notify: filed" }, TEST_TODAY);
    expect(told(id)).toEqual([[org.people.manager.name, "claim-filed"]]);
    const row = db().select().from(notifications).where(eq(notifications.recordId, id)).get()!;
    expect(row).toMatchObject({ title: `${org.people.engineer.name} filed a stipend claim: Notify: filed`, detail: "$49.99 · Books", emailState: "queued", readAt: null });
    const email = db().select().from(emailOutbox).where(eq(emailOutbox.id, row.outboxId!)).get()!;
    expect(email).toMatchObject({ toAddress: org.people.manager.email, category: "notification", status: "pending", subject: row.title });
    expect(email.textBody).toContain(`Review the claim: https://trellis.test.example/stipend/claims/${id}`);
  });

  it("a claim by someone without a manager goes to every admin but never to the filer", async () => {
    const second = insertPerson(db(), { role: "admin", trackKey: "mgmt", levelKey: "m3", name: "Second Admin" });
    const byDirector = await fileClaim(org.as.director, { item: "Notify: managerless" }, TEST_TODAY);
    expect(told(byDirector)).toEqual([[org.people.admin.name, "claim-filed"], [second.name, "claim-filed"]].sort());
    const byAdmin = await fileClaim(org.as.admin, { item: "Notify: admin's own" }, TEST_TODAY);
    expect(told(byAdmin)).toEqual([[second.name, "claim-filed"]]);
    db().update(people).set({ active: false }).where(eq(people.id, second.id)).run();
  });

  it("approval tells the owner and the admins who reimburse, not the approver; rejection and reimbursement tell the owner", async () => {
    const approved = await fileClaim(org.as.engineer, { item: "Notify: approved" }, TEST_TODAY);
    expect(transitionClaim(org.as.manager, approved, "approve", 1, "Good pick")).toEqual({ ok: true, value: undefined });
    expect(told(approved, "claim-approved")).toEqual([[org.people.engineer.name, "claim-approved"]]);
    expect(told(approved, "claim-to-reimburse")).toEqual([[org.people.admin.name, "claim-to-reimburse"]]);
    expect(transitionClaim(org.as.admin, approved, "reimburse", 2, "")).toEqual({ ok: true, value: undefined });
    expect(told(approved, "claim-reimbursed")).toEqual([[org.people.engineer.name, "claim-reimbursed"]]);
    // The manager was told once (filed), the admin once (to reimburse): nobody hears of their own step.
    expect(countFor(approved)).toBe(4);

    const rejected = await fileClaim(org.as.peer, { item: "Notify: rejected" }, TEST_TODAY);
    expect(transitionClaim(org.as.manager, rejected, "reject", 1, "Not covered")).toEqual({ ok: true, value: undefined });
    expect(told(rejected, "claim-rejected")).toEqual([[org.people.peer.name, "claim-rejected"]]);
    expect(db().select({ detail: notifications.detail }).from(notifications).where(and(eq(notifications.recordId, rejected), eq(notifications.kind, "claim-rejected"))).get()?.detail).toBe("Reason: Not covered");

    const withdrawn = await fileClaim(org.as.peer, { item: "Notify: withdrawn" }, TEST_TODAY);
    transitionClaim(org.as.peer, withdrawn, "withdraw", 1, "");
    expect(told(withdrawn)).toEqual([[org.people.manager.name, "claim-filed"]]);
  });
});

describe("review steps notify the next person in line", () => {
  it("submitted goes to the manager, shared to the engineer, acknowledged back to the manager", () => {
    const opened = openCycle(org.as.admin, { name: "Notify cycle", selfDueOn: "2026-10-31", managerDueOn: "2026-11-30" }, "2026-01-01");
    if (!opened.ok) throw new Error("cycle refused");
    const id = listMyReviews(org.as.engineer).find((r) => r.cycleName === "Notify cycle")!.id;
    const cells: SelfCell[] = CELLS.map((cell) => ({ cell, rating: "meets", evidence: "", citations: [] }));
    saveSelfAssessment(org.as.engineer, id, 1, cells);
    expect(submitSelfAssessment(org.as.engineer, id, 2)).toEqual({ ok: true, value: undefined });
    expect(told(id)).toEqual([[org.people.manager.name, "review-self-submitted"]]);

    const managerCells: ManagerCell[] = CELLS.map((cell) => ({ cell, rating: "meets", comment: "" }));
    saveManagerReview(org.as.manager, id, 1, { summary: "Solid half", cells: managerCells });
    shareManagerReview(org.as.manager, id, 2);
    expect(told(id, "review-shared")).toEqual([[org.people.engineer.name, "review-shared"]]);
    acknowledgeReview(org.as.engineer, id, "Thanks");
    expect(told(id, "review-acknowledged")).toEqual([[org.people.manager.name, "review-acknowledged"]]);
    // Nobody above the direct manager, no peer and no admin hears of these steps.
    expect(told(id).map(([name]) => name)).not.toContain(org.people.director.name);
    expect(countFor(id)).toBe(3);
  });
});

describe("packet steps notify the other side", () => {
  it("submitted goes to the direct manager; returned (with the feedback) and endorsed to the author; nobody else", () => {
    const { person, viewer } = newViewer({ managerId: org.people.manager.id, name: "Paula Packet" });
    const returned = packetIn("returned", viewer, org.as.manager);
    expect(told(returned)).toEqual([[org.people.manager.name, "packet-submitted"], [person.name, "packet-returned"]]);
    expect(db().select({ title: notifications.title, detail: notifications.detail }).from(notifications).where(and(eq(notifications.recordId, returned), eq(notifications.kind, "packet-returned"))).get()).toEqual({
      title: `${org.people.manager.name} returned your promotion packet with feedback`,
      detail: "Say more about the migration.",
    });
    expect(db().select({ email: emailOutbox.textBody }).from(emailOutbox).innerJoin(notifications, eq(notifications.outboxId, emailOutbox.id)).where(and(eq(notifications.recordId, returned), eq(notifications.kind, "packet-returned"))).get()!.email).toContain(`Read the feedback: https://trellis.test.example/packets/${returned}`);
    withdrawPacket(viewer, returned, "Trying again next half");
    expect(told(returned, "packet-withdrawn")).toEqual([[org.people.manager.name, "packet-withdrawn"]]);

    const second = newViewer({ managerId: org.people.manager.id });
    const endorsed = packetIn("endorsed", second.viewer, org.as.manager);
    // Endorsing sends it to the committee: the admins, who record the decision, are told through the committee's view.
    expect(told(endorsed)).toEqual([[org.people.admin.name, "packet-in-committee"], [org.people.manager.name, "packet-submitted"], [second.person.name, "packet-endorsed"]].sort());
    // The manager above may read packets, but nothing waits on them: they are not told.
    expect(told(endorsed).map(([name]) => name)).not.toContain(org.people.director.name);
  });

  it("a packet a manager starts for a report tells the report; one they start themselves tells nobody", () => {
    const { person } = newViewer({ managerId: org.people.manager.id });
    const byManager = startedPacket(org.as.manager, person.id);
    expect(told(byManager)).toEqual([[person.name, "packet-started"]]);
    const own = newViewer({ managerId: org.people.manager.id });
    expect(told(startedPacket(own.viewer, own.person.id))).toEqual([]);
    expect(packetRow(byManager).startedById).toBe(org.people.manager.id);
  });
});

describe("notify()", () => {
  it("never tells someone who may not see the record, someone inactive, or the person who acted", async () => {
    const claimId = await fileClaim(org.as.peer, { item: "Notify: audience" }, TEST_TODAY);
    const leaver = insertPerson(db(), { role: "admin", trackKey: "mgmt", levelKey: "m3", active: false });
    const record = { type: "stipend-claim" as const, id: claimId, ownerId: org.people.peer.id };
    const everyone = [org.people.outsider.id, org.people.otherManager.id, org.people.engineer.id, org.people.director.id, org.people.admin.id, org.people.peer.id, leaver.id];
    const notified = db().transaction((tx) => notify(tx, { kind: "claim-approved", recipients: everyone, record, actorId: org.people.peer.id, title: "Audience check" }));
    // Peer's claim: the manager chain (director) and admins may see it; the peer acted; the rest may not see it.
    expect(notified.sort()).toEqual([org.people.director.id, org.people.admin.id].sort());
  });

  it("follows each person's email setting: immediate queues an email, digest waits for the digest, off sends none", () => {
    const { person, viewer } = newViewer({ name: "Setting Person" });
    const record = { type: "stipend-claim" as const, id: `setting-${person.id}`, ownerId: person.id };
    const tell = (title: string) => {
      db().transaction((tx) => notify(tx, { kind: "claim-approved", recipients: [person.id], record, actorId: null, title }));
      return db().select().from(notifications).where(and(eq(notifications.recipientId, person.id), eq(notifications.title, title))).get()!;
    };
    expect(tell("Immediate")).toMatchObject({ emailState: "queued", outboxId: expect.any(String) });
    expect(saveEmailPreference(viewer, "digest", 0)).toEqual({ ok: true, value: 1 });
    expect(tell("Digest")).toMatchObject({ emailState: "digest", outboxId: null });
    expect(saveEmailPreference(viewer, "off", 1)).toEqual({ ok: true, value: 2 });
    expect(tell("Off")).toMatchObject({ emailState: "none", outboxId: null });
    expect(db().select().from(emailOutbox).where(eq(emailOutbox.recipientId, person.id)).all()).toHaveLength(1);
    expect(saveEmailPreference(viewer, "immediate", 1)).toMatchObject({ ok: false, conflict: { version: 2, current: "off" } });
  });

  it("writes a reminder once per key and recipient", () => {
    const { person } = newViewer();
    const event = { kind: "review-self-due-soon" as const, recipients: [person.id], record: { type: "review" as const, id: `r-${person.id}`, ownerId: person.id }, actorId: null, title: "Due soon", dedupeKey: `reminder:test:${person.id}` };
    expect(db().transaction((tx) => notify(tx, event))).toEqual([person.id]);
    expect(db().transaction((tx) => notify(tx, event))).toEqual([]);
    expect(db().select().from(notifications).where(eq(notifications.recipientId, person.id)).all()).toHaveLength(1);
  });
});

describe("a person's own list", () => {
  it("counts, lists and marks only their own notifications", () => {
    const { person, viewer } = newViewer();
    const other = newViewer();
    const record = { type: "stipend-claim" as const, id: "list-claim", ownerId: person.id };
    ["First", "Second", "Third"].forEach((title, i) => db().transaction((tx) => notify(tx, { kind: "claim-approved", recipients: [person.id], record, actorId: null, title }, new Date(Date.UTC(2026, 4, 1, 9 + i)))));
    db().transaction((tx) => notify(tx, { kind: "claim-approved", recipients: [other.person.id], record: { ...record, ownerId: other.person.id }, actorId: null, title: "Someone else's" }));
    expect(countUnread(viewer)).toBe(3);
    const list = listNotifications(viewer);
    // Newest first, whatever order the ids fall in.
    expect(list.items.map((n) => n.title)).toEqual(["Third", "Second", "First"]);
    expect(list.items[0]).toMatchObject({ path: "/stipend/claims/list-claim", area: "Stipend", label: "Approved" });

    const first = list.items.find((n) => n.title === "First")!;
    // Someone else, even an admin, cannot read or mark it: it looks missing.
    expect(() => markNotificationRead(other.viewer, first.id)).toThrow(NotFoundError);
    expect(() => markNotificationRead(getViewerById(org.people.admin.id)!, first.id)).toThrow(NotFoundError);
    expect(countUnread(viewer)).toBe(3);

    expect(markNotificationRead(viewer, first.id)).toBe("/stipend/claims/list-claim");
    expect(countUnread(viewer)).toBe(2);
    expect(listNotifications(viewer, { unreadOnly: true }).items.map((n) => n.title).sort()).toEqual(["Second", "Third"]);
    expect(markAllNotificationsRead(viewer)).toBe(2);
    expect(countUnread(viewer)).toBe(0);
    expect(countUnread(other.viewer)).toBe(1);
  });

  it("pages from the newest, the oldest one page past the first", () => {
    const { person, viewer } = newViewer();
    const record = { type: "stipend-claim" as const, id: "paged-claim", ownerId: person.id };
    for (let i = 0; i <= NOTIFICATIONS_PAGE_SIZE; i++) db().transaction((tx) => notify(tx, { kind: "claim-approved", recipients: [person.id], record, actorId: null, title: `Notice ${i}` }, new Date(Date.UTC(2026, 4, 1, 0, i))));
    const first = listNotifications(viewer);
    expect(first).toMatchObject({ page: 1, hasMore: true, unread: NOTIFICATIONS_PAGE_SIZE + 1 });
    expect(first.items).toHaveLength(NOTIFICATIONS_PAGE_SIZE);
    expect(first.items[0]!.title).toBe(`Notice ${NOTIFICATIONS_PAGE_SIZE}`);
    const second = listNotifications(viewer, { page: 2 });
    expect(second).toMatchObject({ page: 2, hasMore: false });
    expect(second.items.map((n) => n.title)).toEqual(["Notice 0"]);
    expect(listNotifications(viewer, { page: 3 }).items).toEqual([]);
  });
});
