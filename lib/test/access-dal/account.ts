import crypto from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db";
import { notifications, notificationSettings, stipendClaims } from "@/db/schema";
import { endOtherSessions } from "@/lib/dal/account";
import { exportMyData } from "@/lib/dal/data-export";
import { getOutboxStatus } from "@/lib/dal/email-outbox";
import { createEvidence } from "@/lib/dal/evidence";
import { getEmailPreference, saveEmailPreference } from "@/lib/dal/notification-settings";
import { listNotifications, markAllNotificationsRead, markNotificationRead, notify } from "@/lib/dal/notifications";
import { changePassword } from "@/lib/dal/people";
import { checkSession, createSession } from "@/lib/dal/sessions";
import { verifyPassword } from "@/lib/security/password";
import { fileClaim, TEST_TODAY } from "@/lib/test/builders";
import type { Actor, Org } from "@/lib/test/org";
import { action, fileTeamViewClaims, personRow, type Row } from "./harness";
import { entryRow } from "./evidence-reviews";

/* ---------- What everyone does for themselves ---------- */

const EVERY_ACTOR = ["engineer", "peer", "manager", "director", "otherManager", "admin"] as const;
const changeOwnPassword = action(
  async (org, a) => {
    const [kept, other] = [createSession(org.people[a].id, "credentials"), createSession(org.people[a].id, "credentials")];
    return { kept, other, result: await changePassword(org.as[a], kept, "", `new passphrase for ${a} 1`) };
  },
  async ({ kept, other, result }, org, a) => {
    expect(result).toEqual({ ok: true });
    await expect(verifyPassword(`new passphrase for ${a} 1`, personRow(org.people[a].id).passwordHash)).resolves.toBe(true);
    expect(checkSession(kept).valid).toBe(true);
    expect(checkSession(other)).toMatchObject({ valid: false, reason: "password-changed" });
  },
);
const endOwnOtherSessions = action(
  (org, a) => {
    const [kept, other] = [createSession(org.people[a].id, "credentials"), createSession(org.people[a].id, "credentials")];
    endOtherSessions(org.as[a], kept);
    return { kept, other };
  },
  ({ kept, other }) => {
    expect(checkSession(kept).valid).toBe(true);
    expect(checkSession(other)).toEqual({ valid: false, reason: "ended-by-owner" });
  },
);
const fileOwnClaim = action(
  (org, a) => fileClaim(org.as[a], { item: `Own claim of ${a}`, amountPaidMinor: 100 }, TEST_TODAY),
  (id, org, a) => expect(db().select().from(stipendClaims).where(eq(stipendClaims.id, id)).get()).toMatchObject({ personId: org.people[a].id, item: `Own claim of ${a}`, status: "pending" }),
);
const logOwnEvidence = action(
  (org, a) => createEvidence(org.as[a], { title: `Own win of ${a}`, occurredOn: "2026-01-15", description: "", links: [], cells: [{ competencyKey: "values", themeKey: "complexity" }] }),
  (result, org, a) => {
    expect(result.ok).toBe(true);
    expect(entryRow((result as { value: string }).value)).toMatchObject({ personId: org.people[a].id, title: `Own win of ${a}` });
  },
);

/* ---------- Notifications ---------- */

/* A new notification for `who` about a claim of theirs; returns its id. */
const notificationFor = (org: Org, who: Actor) => {
  const title = `Access-control notice ${crypto.randomUUID()}`;
  const record = { type: "stipend-claim" as const, id: `ac-${crypto.randomUUID()}`, ownerId: org.people[who].id };
  db().transaction((tx) => notify(tx, { kind: "claim-approved", recipients: [org.people[who].id], record, actorId: null, title }));
  return db().select({ id: notifications.id }).from(notifications).where(eq(notifications.title, title)).get()!.id;
};
const readAtOf = (id: string) => db().select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, id)).get()!.readAt;
/* Someone else has a notification too, so "only those" is tested even on the first row of this file's database. */
const listOwnNotifications = action(
  (org, a) => ({ others: notificationFor(org, a === "engineer" ? "peer" : "engineer"), id: notificationFor(org, a), list: listNotifications(org.as[a]) }),
  ({ others, id, list }, org, a) => {
    expect(list.items.map((n) => n.id)).toContain(id);
    expect(list.items.map((n) => n.id)).not.toContain(others);
    expect(db().select({ to: notifications.recipientId }).from(notifications).where(inArray(notifications.id, list.items.map((n) => n.id))).all().every((n) => n.to === org.people[a].id)).toBe(true);
  },
);
const markOwnRead = action(
  (org, a) => {
    const id = notificationFor(org, a);
    return { id, path: markNotificationRead(org.as[a], id) };
  },
  ({ id, path }) => {
    expect(path).toMatch(/^\/stipend\/claims\/ac-/);
    expect(readAtOf(id)).toEqual(expect.any(Date));
  },
);
/* Marks the engineer's notification read as whoever acts: only the engineer may. */
const markEngineersRead = action(
  (org, a) => {
    const id = notificationFor(org, "engineer");
    return { id, path: markNotificationRead(org.as[a], id) };
  },
  ({ id }) => expect(readAtOf(id)).toEqual(expect.any(Date)),
);
/* "Mark all read" reaches the viewer's own notifications and nobody else's. */
const markAllOnlyOwn = action(
  (org, a) => {
    const others = notificationFor(org, a === "engineer" ? "peer" : "engineer");
    const own = notificationFor(org, a);
    return { others, own, marked: markAllNotificationsRead(org.as[a]) };
  },
  ({ others, own, marked }) => {
    expect(marked).toBeGreaterThanOrEqual(1);
    expect(readAtOf(own)).toEqual(expect.any(Date));
    expect(readAtOf(others)).toBeNull();
  },
);
const saveOwnEmailSetting = action(
  (org, a) => saveEmailPreference(org.as[a], "digest", getEmailPreference(org.as[a]).version),
  (result, org, a) => {
    expect(result).toMatchObject({ ok: true });
    expect(db().select({ email: notificationSettings.email }).from(notificationSettings).where(eq(notificationSettings.personId, org.people[a].id)).get()).toEqual({ email: "digest" });
  },
);
const outboxStatus = action(
  (org, a) => getOutboxStatus(org.as[a]),
  (status) => expect(status).toMatchObject({ counts: expect.any(Object), failed: expect.any(Array) }),
);

/* ---------- Data export ---------- */

/*
 * "Download my data" takes no person: whoever asks gets their own, so there
 * is no one to refuse. The proof is that the file is the asker's and names
 * nobody else's records (the engineer's claim is in the engineer's file only).
 */
const exportOwnData = action(
  (org, a) => exportMyData(org.as[a]),
  (data, org, a) => {
    expect(data.person).toMatchObject({ id: org.people[a].id, email: org.people[a].email });
    const file = JSON.stringify(data);
    expect(file.includes("Team view engineer")).toBe(a === "engineer");
    expect(file.includes("Team view outsider")).toBe(a === "outsider");
  },
);

const EVERYONE = ["admin", "director", "manager", "engineer", "peer", "otherManager", "outsider"] as const;
export const accountRows: Row[] = [
  ...EVERY_ACTOR.flatMap((as) => [
    { what: "change own password", as, expect: "allowed" as const, action: changeOwnPassword },
    { what: "end own other sessions", as, expect: "allowed" as const, action: endOwnOtherSessions },
    { what: "file own claim", as, expect: "allowed" as const, action: fileOwnClaim },
    { what: "log own evidence", as, expect: "allowed" as const, action: logOwnEvidence },
  ]),
  ...EVERYONE.flatMap((as) => [
    { what: "list own notifications (and only those)", as, expect: "allowed" as const, action: listOwnNotifications },
    { what: "mark own notification read", as, expect: "allowed" as const, action: markOwnRead },
    { what: "mark all own notifications read, nobody else's", as, expect: "allowed" as const, action: markAllOnlyOwn },
    { what: "choose own email setting", as, expect: "allowed" as const, action: saveOwnEmailSetting },
    { what: "download own data (and only their own)", as, expect: "allowed" as const, action: exportOwnData },
  ]),
  { what: "mark the engineer's notification read", as: "engineer", expect: "allowed", action: markEngineersRead },
  ...EVERYONE.filter((as) => as !== "engineer").map((as) => ({ what: "mark the engineer's notification read", as, expect: "refused" as const, action: markEngineersRead })),
  { what: "see the email outbox's status", as: "admin", expect: "allowed", action: outboxStatus },
  ...EVERYONE.filter((as) => as !== "admin").map((as) => ({ what: "see the email outbox's status", as, expect: "refused" as const, action: outboxStatus })),
];

/* The engineer's and the outsider's claims, which only their own data export may name. */
export async function setupAccount(org: Org) {
  await fileTeamViewClaims(org, ["engineer", "outsider"]);
}
