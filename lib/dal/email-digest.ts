import "server-only";
import { and, eq, inArray, isNotNull, isNull, lte } from "drizzle-orm";
import { db } from "@/db";
import { emailOutbox, notifications, notificationSettings, people } from "@/db/schema";
import { config } from "@/lib/config";
import { formatDateTime } from "@/lib/format";
import { digestDay, digestKey, digestSubject, groupForDigest } from "@/lib/notifications/digest";
import { renderDigestEmail } from "@/lib/notifications/email";
import { recordPath } from "@/lib/notifications/kinds";
import { enqueueEmail } from "./email-outbox";
import { orgTimeZone } from "./org-settings";

/*
 * The daily digest: from 08:00 in the organisation's time zone, one email per
 * person who chose it, with the notifications they have not read and not yet
 * been emailed. The outbox keeps one row per person per day (a unique key), so
 * running this again the same day sends nothing more. A notification read in
 * the app before the digest goes out is left out; it has been seen.
 */
export function queueDueDigests(now = new Date()): number {
  const mail = config().mail;
  const origin = config().publicOrigin;
  if (!mail || !origin) return 0;
  const day = digestDay(now, orgTimeZone());
  if (!day) return 0;
  const waiting = db().selectDistinct({ id: notifications.recipientId }).from(notifications).where(and(eq(notifications.emailState, "digest"), lte(notifications.createdAt, now))).all();
  let queued = 0;
  for (const { id: personId } of waiting) {
    const sent = db().transaction(
      (tx) => {
        const key = digestKey(personId, day);
        if (tx.select({ id: emailOutbox.id }).from(emailOutbox).where(eq(emailOutbox.dedupeKey, key)).get()) return false;
        const person = tx.select({ name: people.name, email: people.email, active: people.active, preference: notificationSettings.email }).from(people).leftJoin(notificationSettings, eq(notificationSettings.personId, people.id)).where(eq(people.id, personId)).get()!;
        const pending = and(eq(notifications.recipientId, personId), eq(notifications.emailState, "digest"), lte(notifications.createdAt, now));
        const skip = (extra?: ReturnType<typeof and>) => tx.update(notifications).set({ emailState: "skipped" }).where(and(pending, extra)).run();
        if (!person.active || person.preference === "off") {
          skip();
          return false;
        }
        skip(isNotNull(notifications.readAt));
        const items = tx
          .select({ id: notifications.id, kind: notifications.kind, title: notifications.title, detail: notifications.detail, recordType: notifications.recordType, recordId: notifications.recordId, createdAt: notifications.createdAt })
          .from(notifications)
          .where(and(pending, isNull(notifications.readAt)))
          .all();
        if (items.length === 0) return false;
        const groups = groupForDigest(items.map((i) => ({ ...i, path: recordPath({ type: i.recordType, id: i.recordId }) })));
        const email = renderDigestEmail({ recipientName: person.name, subject: digestSubject(groups), groups, origin, formatWhen: formatDateTime });
        const outboxId = enqueueEmail(tx, { ...email, recipientId: personId, to: person.email, category: "digest", dedupeKey: key }, now);
        tx.update(notifications).set({ emailState: "digested", outboxId }).where(inArray(notifications.id, items.map((i) => i.id))).run();
        return true;
      },
      { behavior: "immediate" },
    );
    if (sent) queued += 1;
  }
  return queued;
}
