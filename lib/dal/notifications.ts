import "server-only";
import crypto from "node:crypto";
import { and, count, desc, eq, inArray, isNull } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { notifications, notificationSettings, people } from "@/db/schema";
import { config } from "@/lib/config";
import type { NotificationEmailState, NotificationKind } from "@/lib/domain/enums";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { renderNotificationEmail } from "@/lib/notifications/email";
import { KINDS, recordPath } from "@/lib/notifications/kinds";
import { canReadNotification, mayBeNotifiedOf, type NotifiedRecord } from "@/lib/policies/notifications";
import { enqueueEmail } from "./email-outbox";
import { relationshipTo } from "./people";

/*
 * Telling people about events. A feature calls notify() inside the
 * transaction that makes the change, so the notification (and its email in
 * the outbox) exists exactly when the change committed. Recipients who are
 * inactive, who acted themselves, or who may not see the record are left out.
 */
export type NotifyEvent = {
  kind: NotificationKind;
  recipients: string[];
  record: NotifiedRecord;
  actorId: string | null;
  /* Plain text, written for the recipient: "Sam Okafor approved your claim: PlatformCon ticket". */
  title: string;
  detail?: string;
  /* Reminders: a key that makes the notification once-only (per recipient). */
  dedupeKey?: string;
};

export function notify(tx: Executor, event: NotifyEvent, now = new Date()): string[] {
  const ids = [...new Set(event.recipients)].filter((id) => id !== event.actorId);
  if (ids.length === 0) return [];
  const recipients = tx
    .select({ id: people.id, name: people.name, email: people.email, role: people.role, active: people.active, preference: notificationSettings.email })
    .from(people)
    .leftJoin(notificationSettings, eq(notificationSettings.personId, people.id))
    .where(inArray(people.id, ids))
    .all();
  const mail = config().mail;
  const notified: string[] = [];
  for (const recipient of recipients) {
    if (!recipient.active) continue;
    if (!mayBeNotifiedOf(recipient, relationshipTo(recipient.id, event.record.ownerId), event.record)) {
      console.info(`[trellis] notification withheld: ${event.kind} on ${event.record.type} ${event.record.id} for ${recipient.id}, who may not see it`);
      continue;
    }
    const preference = recipient.preference ?? "immediate";
    const emailState: NotificationEmailState = !mail || preference === "off" ? "none" : preference === "digest" ? "digest" : "queued";
    const id = crypto.randomUUID();
    const inserted = tx
      .insert(notifications)
      .values({
        id,
        recipientId: recipient.id,
        kind: event.kind,
        recordType: event.record.type,
        recordId: event.record.id,
        actorId: event.actorId,
        title: event.title.slice(0, 300),
        detail: (event.detail ?? "").slice(0, 1000),
        dedupeKey: event.dedupeKey ? `${event.dedupeKey}:${recipient.id}` : null,
        createdAt: now,
        emailState,
      })
      .onConflictDoNothing()
      .run();
    if (inserted.changes !== 1) continue;
    notified.push(recipient.id);
    if (emailState !== "queued") continue;
    const origin = config().publicOrigin!;
    const email = renderNotificationEmail({ recipientName: recipient.name, title: event.title, detail: event.detail ?? "", url: origin + recordPath(event.record), cta: KINDS[event.kind].cta, origin });
    const outboxId = enqueueEmail(tx, { ...email, recipientId: recipient.id, to: recipient.email, category: "notification" }, now);
    tx.update(notifications).set({ outboxId }).where(eq(notifications.id, id)).run();
  }
  return notified;
}

/* ---------- The person's own list ---------- */

export const NOTIFICATIONS_PAGE_SIZE = 30;

export function countUnread(viewer: Viewer): number {
  return db().select({ n: count() }).from(notifications).where(and(eq(notifications.recipientId, viewer.id), isNull(notifications.readAt))).get()?.n ?? 0;
}

export function listNotifications(viewer: Viewer, options: { unreadOnly?: boolean; page?: number } = {}) {
  const page = Math.max(1, options.page ?? 1);
  const where = and(eq(notifications.recipientId, viewer.id), options.unreadOnly ? isNull(notifications.readAt) : undefined);
  const rows = db()
    .select({ id: notifications.id, kind: notifications.kind, recordType: notifications.recordType, recordId: notifications.recordId, title: notifications.title, detail: notifications.detail, createdAt: notifications.createdAt, readAt: notifications.readAt })
    .from(notifications)
    .where(where)
    .orderBy(desc(notifications.createdAt), desc(notifications.id))
    .limit(NOTIFICATIONS_PAGE_SIZE + 1)
    .offset((page - 1) * NOTIFICATIONS_PAGE_SIZE)
    .all();
  return {
    items: rows.slice(0, NOTIFICATIONS_PAGE_SIZE).map((r) => ({ ...r, path: recordPath({ type: r.recordType, id: r.recordId }), area: KINDS[r.kind].area, label: KINDS[r.kind].label })),
    page,
    hasMore: rows.length > NOTIFICATIONS_PAGE_SIZE,
    unread: countUnread(viewer),
  };
}

function ownNotification(viewer: Viewer, id: string) {
  const row = db().select({ id: notifications.id, recipientId: notifications.recipientId, recordType: notifications.recordType, recordId: notifications.recordId, readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, id)).get();
  if (!row || !canReadNotification(viewer, row)) throw new NotFoundError("notification");
  return row;
}

/* Marks one of the viewer's notifications read; returns the path of its record (opening it reads it). */
export function markNotificationRead(viewer: Viewer, id: string, now = new Date()): string {
  const row = ownNotification(viewer, id);
  if (!row.readAt) db().update(notifications).set({ readAt: now }).where(and(eq(notifications.id, id), eq(notifications.recipientId, viewer.id), isNull(notifications.readAt))).run();
  return recordPath({ type: row.recordType, id: row.recordId });
}

export function markAllNotificationsRead(viewer: Viewer, now = new Date()): number {
  return db().update(notifications).set({ readAt: now }).where(and(eq(notifications.recipientId, viewer.id), isNull(notifications.readAt))).run().changes;
}
