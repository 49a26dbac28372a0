import type { NotificationKind } from "@/lib/domain/enums";

/*
 * Due-date reminders, in the organisation's calendar: "due soon" from two days
 * before the due date through the day itself, "overdue" from the day after.
 * Each is sent once: its key names the review, the part, the reminder and the
 * due date, and the database keeps keys unique.
 */
export const DUE_SOON_DAYS = 2;

export type ReviewPart = "self" | "manager";
export type Reminder = "due-soon" | "overdue";

/* ISO date arithmetic on calendar days, free of time zones. */
export function addDays(isoDate: string, days: number): string {
  const [y, m, d] = isoDate.split("-").map(Number) as [number, number, number];
  return new Date(Date.UTC(y, m - 1, d + days)).toISOString().slice(0, 10);
}

/* Which reminder, if any, a part that is still waiting gets on `today`. */
export function reminderDue(dueOn: string, today: string): Reminder | null {
  if (today > dueOn) return "overdue";
  return today >= addDays(dueOn, -DUE_SOON_DAYS) ? "due-soon" : null;
}

export function reminderKind(part: ReviewPart, reminder: Reminder): NotificationKind {
  return `review-${part}-${reminder}`;
}

/* The de-duplication key (the recipient is appended when the notification is written). */
export function reminderKey(part: ReviewPart, reminder: Reminder, reviewId: string, dueOn: string): string {
  return `reminder:${part}:${reminder}:${reviewId}:${dueOn}`;
}
