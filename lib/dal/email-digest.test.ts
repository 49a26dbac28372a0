import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { emailOutbox, notifications } from "@/db/schema";
import type { NotificationKind } from "@/lib/domain/enums";
import { buildOrg, newViewer } from "@/lib/test/org";
import { queueDueDigests } from "./email-digest";
import { saveEmailPreference } from "./notification-settings";
import { markNotificationRead, notify } from "./notifications";
import { saveOrgTimeZone } from "./org-settings";

process.env.SMTP_URL = "smtp://127.0.0.1:2598";
process.env.SMTP_FROM = "Trellis <trellis@test.example>";
process.env.AUTH_URL = "https://trellis.test.example";

const at = (iso: string) => new Date(iso);

/* A person on the daily digest, told about a few things at given times. */
function digestReader(items: [NotificationKind, string, string][]) {
  const { person, viewer } = newViewer();
  saveEmailPreference(viewer, "digest", 0);
  const ids = items.map(([kind, title, when]) => {
    db().transaction((tx) => notify(tx, { kind, recipients: [person.id], record: { type: kind.startsWith("claim") ? "stipend-claim" : "review", id: `rec-${title}`, ownerId: person.id }, actorId: null, title, detail: `About ${title}` }, at(when)));
    return db().select({ id: notifications.id }).from(notifications).where(and(eq(notifications.recipientId, person.id), eq(notifications.title, title))).get()!.id;
  });
  return { person, viewer, ids };
}
function digestReaderAdd(personId: string, title: string, when: string) {
  db().transaction((tx) => notify(tx, { kind: "claim-approved", recipients: [personId], record: { type: "stipend-claim", id: `rec-${title}`, ownerId: personId }, actorId: null, title }, at(when)));
}
const digestsOf = (personId: string) => db().select().from(emailOutbox).where(and(eq(emailOutbox.recipientId, personId), eq(emailOutbox.category, "digest"))).all();
const stateOf = (id: string) => db().select({ s: notifications.emailState }).from(notifications).where(eq(notifications.id, id)).get()!.s;

let org: ReturnType<typeof buildOrg>;
beforeAll(() => {
  org = buildOrg();
  saveOrgTimeZone(org.as.admin, "Europe/Amsterdam", 0);
});

describe("the daily digest", () => {
  it("goes out once a day from 08:00 in the org's time zone, grouping what is unread and leaving out what was read", () => {
    const { person, viewer, ids } = digestReader([
      ["claim-filed", "Claim one", "2026-05-01T09:00:00Z"],
      ["review-shared", "Review shared", "2026-05-01T10:00:00Z"],
      ["claim-rejected", "Claim two", "2026-05-01T11:00:00Z"],
    ]);
    markNotificationRead(viewer, ids[2]!);
    // 05:30 UTC is 07:30 in Amsterdam (summer time): not yet.
    expect(queueDueDigests(at("2026-05-02T05:30:00Z"))).toBe(0);
    expect(digestsOf(person.id)).toEqual([]);
    // 06:05 UTC is 08:05 there.
    expect(queueDueDigests(at("2026-05-02T06:05:00Z"))).toBeGreaterThanOrEqual(1);
    const [digest] = digestsOf(person.id);
    expect(digest).toMatchObject({ dedupeKey: `digest:${person.id}:2026-05-02`, subject: "Trellis: 2 updates waiting (Reviews: 1, Stipend: 1)", toAddress: person.email, status: "pending" });
    expect(digest!.textBody).toMatch(/REVIEWS\n- Review shared[^\n]*\n {2}About Review shared\n {2}https:\/\/trellis\.test\.example\/reviews\/rec-Review%20shared/);
    expect(digest!.textBody).toContain("STIPEND\n- Claim one");
    expect(digest!.textBody).not.toContain("Claim two");
    expect(ids.map(stateOf)).toEqual(["digested", "digested", "skipped"]);

    // Again that day: nothing more, even with something new.
    digestReaderAdd(person.id, "Later that day", "2026-05-02T12:00:00Z");
    expect(queueDueDigests(at("2026-05-02T15:00:00Z"))).toBe(0);
    expect(digestsOf(person.id)).toHaveLength(1);
    // The next morning it comes in the next digest.
    queueDueDigests(at("2026-05-03T06:30:00Z"));
    const next = digestsOf(person.id).find((d) => d.dedupeKey === `digest:${person.id}:2026-05-03`)!;
    expect(next.subject).toBe("Trellis: 1 update waiting (Stipend: 1)");
    expect(next.textBody).toContain("Later that day");
  });

  it("sends nothing to someone who turned email off since, or who read everything", () => {
    const off = digestReader([["claim-filed", "Off claim", "2026-06-01T09:00:00Z"]]);
    saveEmailPreference(off.viewer, "off", 1);
    const reader = digestReader([["claim-filed", "Read claim", "2026-06-01T09:00:00Z"]]);
    markNotificationRead(reader.viewer, reader.ids[0]!);
    queueDueDigests(at("2026-06-02T07:00:00Z"));
    expect(digestsOf(off.person.id)).toEqual([]);
    expect(digestsOf(reader.person.id)).toEqual([]);
    expect(stateOf(off.ids[0]!)).toBe("skipped");
    expect(stateOf(reader.ids[0]!)).toBe("skipped");
  });
});
