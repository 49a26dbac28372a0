import "server-only";
import { config } from "@/lib/config";
import { queueDueDigests } from "@/lib/dal/email-digest";
import { onOutboxWrite } from "@/lib/dal/email-outbox";
import { queueDueReminders } from "@/lib/dal/notification-reminders";
import { smtpTransport } from "@/lib/mail/smtp";
import { deliverDueEmails } from "./email-sender";

/*
 * The in-process scheduler, started once per server (instrumentation.ts), so
 * Trellis needs no cron: the sender looks at the outbox every few seconds (at
 * once when something is queued), and reminders and digests are worked out
 * every few minutes. Each step is safe to repeat and to run in two processes.
 */
const SEND_EVERY_MS = 5_000;
const SCHEDULE_EVERY_MS = 5 * 60_000;

const state = globalThis as { trellisJobs?: { stop(): void } };

function logFailure(what: string, error: unknown) {
  console.error(`[trellis] ${what} failed:`, error instanceof Error ? error.message : error);
}

export function startBackgroundJobs() {
  if (state.trellisJobs) return;
  const mail = config().mail;
  const transport = mail ? smtpTransport(mail.url) : null;
  let sending = false;
  let again = false;

  const send = async () => {
    if (!transport || !mail) return;
    // One run at a time; a wake-up during a run asks for another straight after.
    if (sending) {
      again = true;
      return;
    }
    sending = true;
    try {
      do {
        again = false;
        await deliverDueEmails(transport, { from: mail.from, retryBaseMs: mail.retryBaseMs });
      } while (again);
    } catch (error) {
      logFailure("sending email", error);
    } finally {
      sending = false;
    }
  };

  const schedule = () => {
    try {
      queueDueReminders();
      queueDueDigests();
    } catch (error) {
      logFailure("due-date reminders and digests", error);
    }
  };

  const timers = [setInterval(send, SEND_EVERY_MS), setInterval(schedule, SCHEDULE_EVERY_MS), setTimeout(schedule, 1_000)];
  for (const timer of timers) timer.unref();
  const unsubscribe = onOutboxWrite(() => void send());
  state.trellisJobs = {
    stop() {
      timers.forEach((t) => clearTimeout(t));
      unsubscribe();
      transport?.close();
      state.trellisJobs = undefined;
    },
  };
  console.info(`[trellis] background jobs started: reminders${mail ? ", email digests and the email sender" : "; email is off (SMTP_URL is not set)"}`);
}
