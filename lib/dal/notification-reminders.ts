import "server-only";
import { and, eq, inArray, lte, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db } from "@/db";
import { notifications, people, reviewCycles, reviews } from "@/db/schema";
import { formatDate } from "@/lib/format";
import { addDays, DUE_SOON_DAYS, reminderDue, reminderKey, reminderKind, type Reminder, type ReviewPart } from "@/lib/notifications/reminders";
import { notify } from "./notifications";
import { orgToday } from "./org-settings";

/*
 * Due-date reminders for reviews, computed in the organisation's time zone.
 * Run from the in-process scheduler (lib/jobs/background.ts) as often as it
 * likes: each reminder has a key the database keeps unique, so none is ever
 * written, or emailed, twice.
 */
type Candidate = { part: ReviewPart; reviewId: string; ownerId: string; recipientId: string; personName: string; cycleName: string; dueOn: string };

function waitingParts(today: string): Candidate[] {
  const horizon = addDays(today, DUE_SOON_DAYS);
  const manager = alias(people, "manager");
  const self = db()
    .select({ reviewId: reviews.id, ownerId: reviews.personId, personName: people.name, cycleName: reviewCycles.name, dueOn: reviewCycles.selfDueOn })
    .from(reviews)
    .innerJoin(reviewCycles, eq(reviewCycles.id, reviews.cycleId))
    .innerJoin(people, eq(people.id, reviews.personId))
    .where(and(eq(reviewCycles.status, "open"), ne(reviews.selfStatus, "submitted"), eq(people.active, true), lte(reviewCycles.selfDueOn, horizon)))
    .all()
    .map((r): Candidate => ({ ...r, part: "self", recipientId: r.ownerId }));
  const managerPart = db()
    .select({ reviewId: reviews.id, ownerId: reviews.personId, recipientId: manager.id, personName: people.name, cycleName: reviewCycles.name, dueOn: reviewCycles.managerDueOn })
    .from(reviews)
    .innerJoin(reviewCycles, eq(reviewCycles.id, reviews.cycleId))
    .innerJoin(people, eq(people.id, reviews.personId))
    .innerJoin(manager, eq(manager.id, people.managerId))
    .where(and(eq(reviewCycles.status, "open"), inArray(reviews.managerStatus, ["not-started", "draft"]), eq(people.active, true), eq(manager.active, true), lte(reviewCycles.managerDueOn, horizon)))
    .all()
    .map((r): Candidate => ({ ...r, part: "manager" }));
  return [...self, ...managerPart];
}

function words(c: Candidate, reminder: Reminder, today: string) {
  const due = c.dueOn === today ? "today" : formatDate(c.dueOn);
  if (c.part === "self") {
    return reminder === "overdue"
      ? { title: `Your self-assessment for ${c.cycleName} is overdue`, detail: `It was due ${formatDate(c.dueOn)}. Your manager is waiting to read it.` }
      : { title: `Your self-assessment for ${c.cycleName} is due ${due}`, detail: "Rate each of the nine cells and submit it by then." };
  }
  return reminder === "overdue"
    ? { title: `${c.personName}'s review for ${c.cycleName} is overdue`, detail: `It was due ${formatDate(c.dueOn)}.` }
    : { title: `${c.personName}'s review for ${c.cycleName} is due ${due}`, detail: "Rate each cell, write a summary and share it." };
}

/* Writes every reminder due at `now` that has not been written before; returns how many it wrote. */
export function queueDueReminders(now = new Date()): number {
  const today = orgToday(now);
  const due = waitingParts(today).map((c) => {
    const reminder = reminderDue(c.dueOn, today)!;
    const key = reminderKey(c.part, reminder, c.reviewId, c.dueOn);
    return { c, reminder, key, fullKey: `${key}:${c.recipientId}` };
  });
  const sent = new Set<string>();
  for (let i = 0; i < due.length; i += 500) {
    const keys = due.slice(i, i + 500).map((d) => d.fullKey);
    for (const row of db().select({ key: notifications.dedupeKey }).from(notifications).where(inArray(notifications.dedupeKey, keys)).all()) sent.add(row.key!);
  }
  const todo = due.filter((d) => !sent.has(d.fullKey));
  if (todo.length === 0) return 0;
  return db().transaction(
    (tx) =>
      todo.reduce((written, { c, reminder, key }) => {
        const text = words(c, reminder, today);
        const notified = notify(tx, { kind: reminderKind(c.part, reminder), recipients: [c.recipientId], record: { type: "review", id: c.reviewId, ownerId: c.ownerId }, actorId: null, dedupeKey: key, ...text }, now);
        return written + notified.length;
      }, 0),
    { behavior: "immediate" },
  );
}
