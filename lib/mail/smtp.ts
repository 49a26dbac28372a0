import nodemailer from "nodemailer";

/*
 * Talking to the mail server, and nothing else: no database, no decisions
 * about retries (lib/notifications/delivery.ts makes those). One connection
 * per message keeps a dropped connection from failing more than one send.
 */
export type OutgoingMessage = { id: string; from: string; to: string; subject: string; text: string; html: string };
export type MailTransport = { send(message: OutgoingMessage): Promise<void>; close(): void };

/* The host the message ids name, so each outbox row's message id is stable across tries and mail clients can drop a duplicate. */
const messageIdHost = (from: string) => from.match(/@([^>\s]+)/)?.[1] ?? "trellis.invalid";

export function smtpTransport(url: string): MailTransport {
  const transporter = nodemailer.createTransport(url, { connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 30_000 });
  return {
    async send(message) {
      await transporter.sendMail({
        from: message.from,
        to: message.to,
        subject: message.subject,
        text: message.text,
        html: message.html,
        messageId: `<${message.id}@${messageIdHost(message.from)}>`,
        headers: { "Auto-Submitted": "auto-generated" },
      });
    },
    close: () => transporter.close(),
  };
}
