import "server-only";
import crypto from "node:crypto";
import { and, asc, count, desc, eq, inArray, lt, lte, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { emailOutbox, people } from "@/db/schema";
import { authSecret } from "@/lib/config";
import type { OutboxCategory, OutboxStatus } from "@/lib/domain/enums";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { describeFailure, LEASE_MS, MAX_ATTEMPTS, retryDelayMs, type SendFailure } from "@/lib/notifications/delivery";
import type { RenderedEmail } from "@/lib/notifications/email";
import { canSeeEmailStatus } from "@/lib/policies/notifications";
import { seal, unseal } from "@/lib/security/seal";

/*
 * The email outbox. Rows are written inside the transaction of the event they
 * tell about, so an email exists exactly when its event committed. The sender
 * (lib/jobs/email-sender.ts) claims one row at a time: the claim flips it to
 * "sending" with a lease in one statement, so no two senders take the same
 * row; sent rows are marked at once. A row still "sending" when its lease runs
 * out belongs to a sender that stopped mid-send: it may have gone out, so it is
 * marked failed and never sent again (at most once).
 */
export type OutgoingEmail = RenderedEmail & { recipientId: string; to: string; category: OutboxCategory; sealed?: boolean; dedupeKey?: string };

/* Returns the new row's id, or null when a row with the same dedupe key exists. */
export function enqueueEmail(tx: Executor, email: OutgoingEmail, now = new Date()): string | null {
  const id = crypto.randomUUID();
  const body = (text: string) => (email.sealed ? seal(text, authSecret()) : text);
  const inserted = tx
    .insert(emailOutbox)
    .values({ id, recipientId: email.recipientId, toAddress: email.to, category: email.category, subject: email.subject, textBody: body(email.text), htmlBody: body(email.html), sealed: email.sealed ?? false, dedupeKey: email.dedupeKey ?? null, nextAttemptAt: now, createdAt: now })
    .onConflictDoNothing()
    .run();
  if (inserted.changes !== 1) return null;
  signalOutbox();
  return id;
}

/* Account-link emails still waiting when a new link voids theirs: withdrawn, their sealed bodies wiped. */
export function cancelAccountLinkEmails(tx: Executor, personId: string) {
  tx.update(emailOutbox)
    .set({ status: "cancelled", textBody: "", htmlBody: "", leaseUntil: null })
    .where(and(eq(emailOutbox.recipientId, personId), eq(emailOutbox.category, "account-link"), eq(emailOutbox.status, "pending")))
    .run();
}

export type ClaimedEmail = { id: string; to: string; subject: string; text: string; html: string; attempts: number };

export const UNREADABLE = "Its sealed body cannot be opened: the auth secret changed after it was queued. Issue the link again.";

/* Takes the oldest due row for this sender, or null when nothing is due. */
export function claimNextEmail(now = new Date()): ClaimedEmail | null {
  for (;;) {
    const due = db().select({ id: emailOutbox.id }).from(emailOutbox).where(and(eq(emailOutbox.status, "pending"), lte(emailOutbox.nextAttemptAt, now))).orderBy(asc(emailOutbox.nextAttemptAt)).limit(1);
    const row = db()
      .update(emailOutbox)
      .set({ status: "sending", leaseUntil: new Date(now.getTime() + LEASE_MS), attempts: sql`${emailOutbox.attempts} + 1` })
      .where(and(inArray(emailOutbox.id, due), eq(emailOutbox.status, "pending")))
      .returning()
      .get();
    if (!row) return null;
    try {
      const open = (text: string) => (row.sealed ? unseal(text, authSecret()) : text);
      return { id: row.id, to: row.toAddress, subject: row.subject, text: open(row.textBody), html: open(row.htmlBody), attempts: row.attempts };
    } catch {
      db().update(emailOutbox).set({ status: "failed", leaseUntil: null, lastError: UNREADABLE, textBody: "", htmlBody: "" }).where(eq(emailOutbox.id, row.id)).run();
    }
  }
}

const stillMine = (id: string) => and(eq(emailOutbox.id, id), eq(emailOutbox.status, "sending"));

/* A link's job is done once it is sent, so a sealed body is wiped. */
export function markEmailSent(id: string, now = new Date()) {
  db()
    .update(emailOutbox)
    .set({ status: "sent", sentAt: now, leaseUntil: null, lastError: null, textBody: sql`case when ${emailOutbox.sealed} then '' else ${emailOutbox.textBody} end`, htmlBody: sql`case when ${emailOutbox.sealed} then '' else ${emailOutbox.htmlBody} end` })
    .where(stillMine(id))
    .run();
}

/* After a failed try: back to waiting with a longer delay, or failed for good (a final answer, or out of attempts). Returns which. */
export function markEmailFailed(id: string, error: SendFailure, options: { permanent: boolean; retryBaseMs: number }, now = new Date()): "pending" | "failed" | null {
  const row = db().select({ attempts: emailOutbox.attempts }).from(emailOutbox).where(stillMine(id)).get();
  if (!row) return null;
  const giveUp = options.permanent || row.attempts >= MAX_ATTEMPTS;
  db()
    .update(emailOutbox)
    .set(giveUp ? { status: "failed", leaseUntil: null, lastError: describeFailure(error) } : { status: "pending", leaseUntil: null, lastError: describeFailure(error), nextAttemptAt: new Date(now.getTime() + retryDelayMs(row.attempts, options.retryBaseMs)) })
    .where(stillMine(id))
    .run();
  return giveUp ? "failed" : "pending";
}

export const INTERRUPTED = "The sender stopped while sending this message, so it may or may not have been delivered. It is not sent again, so nobody gets it twice.";

/* Rows whose sender stopped mid-send: failed, not retried. Returns how many. */
export function expireEmailLeases(now = new Date()): number {
  return db().update(emailOutbox).set({ status: "failed", leaseUntil: null, lastError: INTERRUPTED }).where(and(eq(emailOutbox.status, "sending"), lt(emailOutbox.leaseUntil, now))).run().changes;
}

/* For admins: how the outbox stands, and the latest messages that could not be sent. */
export function getOutboxStatus(viewer: Viewer) {
  if (!canSeeEmailStatus(viewer)) throw new NotFoundError("page");
  const counts = Object.fromEntries(db().select({ status: emailOutbox.status, n: count() }).from(emailOutbox).groupBy(emailOutbox.status).all().map((r) => [r.status, r.n])) as Partial<Record<OutboxStatus, number>>;
  const failed = db()
    .select({ id: emailOutbox.id, to: emailOutbox.toAddress, name: people.name, subject: emailOutbox.subject, error: emailOutbox.lastError, attempts: emailOutbox.attempts, createdAt: emailOutbox.createdAt })
    .from(emailOutbox)
    .innerJoin(people, eq(people.id, emailOutbox.recipientId))
    .where(eq(emailOutbox.status, "failed"))
    .orderBy(desc(emailOutbox.createdAt))
    .limit(10)
    .all();
  const waiting = db().select({ lastError: emailOutbox.lastError, nextAttemptAt: emailOutbox.nextAttemptAt }).from(emailOutbox).where(eq(emailOutbox.status, "pending")).orderBy(desc(emailOutbox.attempts)).limit(1).get();
  return { counts, failed, lastError: waiting?.lastError ?? null };
}

/*
 * A wake-up call for the sender after an email is queued, so it goes out in
 * moments rather than at the next tick. Kept on globalThis: the sender starts
 * from instrumentation, which Next.js bundles apart from the pages and actions.
 */
const hooks = globalThis as { trellisOutboxListeners?: Set<() => void> };

export function onOutboxWrite(listener: () => void): () => void {
  hooks.trellisOutboxListeners ??= new Set();
  hooks.trellisOutboxListeners.add(listener);
  return () => hooks.trellisOutboxListeners?.delete(listener);
}

/* Runs after the current transaction has committed (better-sqlite3 transactions are synchronous). */
function signalOutbox() {
  const listeners = hooks.trellisOutboxListeners;
  if (listeners?.size) setTimeout(() => listeners.forEach((listener) => listener()), 10);
}
