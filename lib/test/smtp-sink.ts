import { simpleParser } from "mailparser";
import { SMTPServer, type SMTPServerAddress } from "smtp-server";

/*
 * A real SMTP server in the test's own process (the smtp-server package):
 * it takes mail on 127.0.0.1 and keeps each message, parsed, for the test to
 * read. It can be stopped and started again on the same port, to play a mail
 * server that is down; addresses listed in `reject` get a final 550.
 */
export type ReceivedMail = { to: string; from: string; subject: string; text: string; html: string; messageId: string; raw: string };

export class SmtpSink {
  readonly received: ReceivedMail[] = [];
  readonly reject = new Set<string>();
  private server: SMTPServer | null = null;

  constructor(readonly port: number) {}

  async start() {
    if (this.server) return;
    const server = new SMTPServer({
      authOptional: true,
      disabledCommands: ["STARTTLS", "AUTH"],
      logger: false,
      onRcptTo: (address: SMTPServerAddress, _session, callback) => {
        if (this.reject.has(address.address.toLowerCase())) return callback(Object.assign(new Error("No such mailbox here"), { responseCode: 550 }));
        callback();
      },
      onData: (stream, _session, callback) => {
        const chunks: Buffer[] = [];
        stream.on("data", (chunk: Buffer) => chunks.push(chunk));
        stream.on("end", async () => {
          const raw = Buffer.concat(chunks).toString("utf8");
          const parsed = await simpleParser(raw);
          const to = Array.isArray(parsed.to) ? parsed.to[0]?.text : parsed.to?.text;
          this.received.push({ to: to ?? "", from: parsed.from?.text ?? "", subject: parsed.subject ?? "", text: parsed.text ?? "", html: typeof parsed.html === "string" ? parsed.html : "", messageId: parsed.messageId ?? "", raw });
          callback();
        });
      },
    });
    await new Promise<void>((resolve, reject) => {
      server.once("error", reject);
      server.listen(this.port, "127.0.0.1", () => resolve());
    });
    this.server = server;
  }

  async stop() {
    const server = this.server;
    this.server = null;
    if (server) await new Promise<void>((resolve) => server.close(() => resolve()));
  }

  to(address: string) {
    return this.received.filter((m) => m.to.toLowerCase().includes(address.toLowerCase()));
  }
}
