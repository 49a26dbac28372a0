import { and, eq, like } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { emailOutbox, notifications, people } from "@/db/schema";
import { buildOrg, type Org } from "@/lib/test/org";
import { queueDueReminders } from "./notification-reminders";
import { saveOrgTimeZone } from "./org-settings";
import { openCycle } from "./review-cycles";
import { listMyReviews, saveSelfAssessment, submitSelfAssessment } from "./reviews";

// No mail server in this file: reminders are in-app only.
let org: Org;
const CELLS = ["values", "technical", "leadership"].flatMap((c) => ["complexity", "influence", "multiplier"].map((t) => `${c}.${t}`));

const remindersOf = (personId: string) =>
  db()
    .select({ kind: notifications.kind, title: notifications.title, recordId: notifications.recordId })
    .from(notifications)
    .where(and(eq(notifications.recipientId, personId), like(notifications.kind, "review-%")))
    .all()
    .map((n) => `${n.kind}: ${n.title}`)
    .sort();

beforeAll(() => {
  org = buildOrg();
  const opened = openCycle(org.as.admin, { name: "Reminder cycle", selfDueOn: "2026-06-15", managerDueOn: "2026-06-30" }, "2026-01-01");
  if (!opened.ok) throw new Error("cycle refused");
  // Pat has submitted: nothing to remind them of.
  const peerReview = listMyReviews(org.as.peer)[0]!.id;
  saveSelfAssessment(org.as.peer, peerReview, 1, CELLS.map((cell) => ({ cell, rating: "meets", evidence: "", citations: [] })));
  submitSelfAssessment(org.as.peer, peerReview, 2);
});

describe("due-date reminders", () => {
  it("are worked out in the organisation's time zone", () => {
    // 12:30 UTC on 12 June is 00:30 on 13 June in Auckland: two days before the due date there, three in UTC.
    const instant = new Date("2026-06-12T12:30:00Z");
    expect(queueDueReminders(instant)).toBe(0);
    expect(saveOrgTimeZone(org.as.admin, "Pacific/Auckland", 0)).toMatchObject({ ok: true });
    expect(queueDueReminders(instant)).toBeGreaterThan(0);
    expect(remindersOf(org.people.engineer.id)).toEqual(["review-self-due-soon: Your self-assessment for Reminder cycle is due 15 Jun 2026"]);
  });

  it("are never written twice, however often the job runs", () => {
    const before = db().select({ id: notifications.id }).from(notifications).all().length;
    expect(queueDueReminders(new Date("2026-06-12T13:00:00Z"))).toBe(0);
    expect(queueDueReminders(new Date("2026-06-14T01:00:00Z"))).toBe(0);
    expect(db().select({ id: notifications.id }).from(notifications).all().length).toBe(before);
    expect(remindersOf(org.people.engineer.id)).toHaveLength(1);
  });

  it("skip a submitted self-assessment, and say 'overdue' once the day has passed, once", () => {
    expect(remindersOf(org.people.peer.id)).toEqual([]);
    expect(queueDueReminders(new Date("2026-06-15T13:00:00Z"))).toBeGreaterThan(0);
    expect(queueDueReminders(new Date("2026-06-16T13:00:00Z"))).toBe(0);
    expect(remindersOf(org.people.engineer.id)).toEqual([
      "review-self-due-soon: Your self-assessment for Reminder cycle is due 15 Jun 2026",
      "review-self-overdue: Your self-assessment for Reminder cycle is overdue",
    ]);
    expect(remindersOf(org.people.peer.id)).toEqual([]);
  });

  it("remind the direct manager of each review still to share, and nobody above", () => {
    expect(queueDueReminders(new Date("2026-06-28T01:00:00Z"))).toBeGreaterThan(0);
    const manager = remindersOf(org.people.manager.id).filter((r) => r.startsWith("review-manager"));
    expect(manager).toEqual([`review-manager-due-soon: ${org.people.engineer.name}'s review for Reminder cycle is due 30 Jun 2026`, `review-manager-due-soon: ${org.people.peer.name}'s review for Reminder cycle is due 30 Jun 2026`].sort());
    expect(remindersOf(org.people.director.id).filter((r) => r.startsWith("review-manager"))).toEqual([`review-manager-due-soon: ${org.people.manager.name}'s review for Reminder cycle is due 30 Jun 2026`]);
    expect(remindersOf(org.people.admin.id).filter((r) => r.startsWith("review-manager"))).toEqual([]);
  });

  it("leave out people who have left, and send no email without a mail server", () => {
    // Oscar leaves before his manager's review is overdue: Olga is not told it is, and Oscar hears nothing more.
    const before = remindersOf(org.people.outsider.id);
    db().update(people).set({ active: false }).where(eq(people.id, org.people.outsider.id)).run();
    queueDueReminders(new Date("2026-07-02T01:00:00Z"));
    expect(remindersOf(org.people.outsider.id)).toEqual(before);
    expect(remindersOf(org.people.otherManager.id).filter((r) => r.startsWith("review-manager-overdue"))).toEqual([]);
    expect(remindersOf(org.people.manager.id).filter((r) => r.startsWith("review-manager-overdue"))).toHaveLength(2);
    expect(db().select().from(notifications).where(eq(notifications.emailState, "none")).all().length).toBeGreaterThan(0);
    expect(db().select().from(emailOutbox).all()).toEqual([]);
  });
});
