import "server-only";
import { claimNextEmail, expireEmailLeases, markEmailFailed, markEmailSent } from "@/lib/dal/email-outbox";
import { isConnectionFailure, isPermanentFailure, type SendFailure } from "@/lib/notifications/delivery";
import type { MailTransport } from "@/lib/mail/smtp";

/*
 * Delivers what the outbox holds, one message at a time: claim it (a lease),
 * send it, mark it sent. A failed send goes back to waiting with a longer
 * delay, or fails for good on a final answer. When the mail server cannot be
 * reached, the run stops: the other messages stay queued, untouched, for the
 * next run.
 *
 * The remaining window: a crash (the process killed) after a message is
 * claimed and before it is marked sent (the few hundred milliseconds of its
 * SMTP conversation, at most the 30 s socket timeout) leaves it "sending".
 * When its lease runs out it is marked failed and shown to admins, never
 * sent again: it may be lost, it is never doubled. The other way round, a
 * connection that drops after the server took the message but before it said
 * so looks like a failure and is retried; the message id stays the same on
 * every try, so mail clients can fold the two.
 */
export type SenderOptions = { from: string; retryBaseMs: number; limit?: number; now?: () => Date };
export type SenderRun = { sent: number; retried: number; failed: number; expired: number };

export async function deliverDueEmails(transport: MailTransport, options: SenderOptions): Promise<SenderRun> {
  const now = options.now ?? (() => new Date());
  const run: SenderRun = { sent: 0, retried: 0, failed: 0, expired: expireEmailLeases(now()) };
  for (let i = 0; i < (options.limit ?? 50); i++) {
    const email = claimNextEmail(now());
    if (!email) break;
    try {
      await transport.send({ id: email.id, from: options.from, to: email.to, subject: email.subject, text: email.text, html: email.html });
      markEmailSent(email.id, now());
      run.sent += 1;
    } catch (error) {
      const failure = error as SendFailure;
      const outcome = markEmailFailed(email.id, failure, { permanent: isPermanentFailure(failure), retryBaseMs: options.retryBaseMs }, now());
      if (outcome === "failed") run.failed += 1;
      else run.retried += 1;
      if (isConnectionFailure(failure)) break;
    }
  }
  return run;
}
