import net from "node:net";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { emailOutbox } from "@/db/schema";
import { createAccountLink, redeemAccountLink } from "@/lib/dal/account-links";
import { claimNextEmail, getOutboxStatus, INTERRUPTED, UNREADABLE } from "@/lib/dal/email-outbox";
import { notify } from "@/lib/dal/notifications";
import { saveEmailPreference } from "@/lib/dal/notification-settings";
import { NotFoundError } from "@/lib/errors";
import { smtpTransport, type MailTransport } from "@/lib/mail/smtp";
import { LEASE_MS, MAX_ATTEMPTS } from "@/lib/notifications/delivery";
import { buildOrg, newViewer, type Org } from "@/lib/test/org";
import { SmtpSink } from "@/lib/test/smtp-sink";
import { deliverDueEmails } from "./email-sender";

/* A real SMTP server in this process, on a free port, that the tests stop and start. */
async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}
const port = await freePort();
process.env.SMTP_URL = `smtp://127.0.0.1:${port}`;
process.env.SMTP_FROM = "Trellis <trellis@test.example>";
process.env.AUTH_URL = "https://trellis.test.example";

const sink = new SmtpSink(port);
let transport: MailTransport;
let org: Org;
const BASE = 30_000;
const send = (now: Date) => deliverDueEmails(transport, { from: "Trellis <trellis@test.example>", retryBaseMs: BASE, now: () => now });
const outboxOf = (recipientId: string) => db().select().from(emailOutbox).where(eq(emailOutbox.recipientId, recipientId)).all();

/* Queues one immediate notification email per title for a new person; returns them and their address. */
function queueFor(titles: string[]) {
  const { person, viewer } = newViewer();
  for (const title of titles) db().transaction((tx) => notify(tx, { kind: "claim-approved", recipients: [person.id], record: { type: "stipend-claim", id: `c-${title}`, ownerId: person.id }, actorId: null, title }));
  return { person, viewer };
}

beforeAll(async () => {
  org = buildOrg();
  transport = smtpTransport(process.env.SMTP_URL!);
  await sink.start();
});
afterAll(async () => {
  transport.close();
  await sink.stop();
});

describe("the sender", () => {
  it("delivers a queued email once and marks it sent", async () => {
    const { person } = queueFor(["Sent once"]);
    const now = new Date();
    expect(await send(now)).toMatchObject({ sent: 1 });
    expect(await send(now)).toMatchObject({ sent: 0 });
    const mail = sink.to(person.email);
    expect(mail).toHaveLength(1);
    expect(mail[0]).toMatchObject({ subject: "Sent once", from: "\"Trellis\" <trellis@test.example>" });
    expect(mail[0]!.text).toContain("Open the claim: https://trellis.test.example/stipend/claims/c-Sent%20once");
    expect(outboxOf(person.id)[0]).toMatchObject({ status: "sent", attempts: 1, sentAt: expect.any(Date), leaseUntil: null });
    expect(mail[0]!.messageId).toBe(`<${outboxOf(person.id)[0]!.id}@test.example>`);
  });

  it("keeps everything queued while the mail server is down, retries with backoff, and delivers each exactly once when it is back", async () => {
    await sink.stop();
    const { person } = queueFor(["Queued 1", "Queued 2", "Queued 3"]);
    const t0 = new Date();
    // The server is unreachable: one try per run, then the run stops and leaves the rest alone.
    expect(await send(t0)).toMatchObject({ sent: 0, retried: 1 });
    let rows = outboxOf(person.id);
    expect(rows.map((r) => r.attempts).sort()).toEqual([0, 0, 1]);
    expect(rows.find((r) => r.attempts === 1)!.lastError).toMatch(/ECONNECTION|ECONNREFUSED/);
    await send(t0);
    await send(t0);
    rows = outboxOf(person.id);
    expect(rows.map((r) => [r.status, r.attempts, r.nextAttemptAt.getTime()])).toEqual(Array(3).fill(["pending", 1, t0.getTime() + BASE]));
    // Nothing is due before its delay is up; a second failure waits twice as long.
    expect(await send(new Date(t0.getTime() + BASE - 1))).toMatchObject({ retried: 0 });
    await send(new Date(t0.getTime() + BASE));
    const twice = outboxOf(person.id).find((r) => r.attempts === 2)!;
    expect(twice.nextAttemptAt.getTime()).toBe(t0.getTime() + BASE + 2 * BASE);
    expect(sink.to(person.email)).toHaveLength(0);

    await sink.start();
    const later = new Date(t0.getTime() + 10 * BASE);
    expect(await send(later)).toMatchObject({ sent: 3 });
    rows = outboxOf(person.id);
    expect(rows.map((r) => r.status)).toEqual(["sent", "sent", "sent"]);
    expect(sink.to(person.email).map((m) => m.subject).sort()).toEqual(["Queued 1", "Queued 2", "Queued 3"]);
  });

  it("fails a message at once on a final refusal, and shows it to admins only", async () => {
    const { person } = queueFor(["Refused"]);
    sink.reject.add(person.email);
    expect(await send(new Date())).toMatchObject({ failed: 1, sent: 0 });
    expect(outboxOf(person.id)[0]).toMatchObject({ status: "failed", attempts: 1, lastError: expect.stringMatching(/550/) });
    expect(getOutboxStatus(org.as.admin).failed.map((f) => f.to)).toContain(person.email);
    expect(() => getOutboxStatus(org.as.manager)).toThrow(NotFoundError);
    expect(() => getOutboxStatus(org.as.engineer)).toThrow(NotFoundError);
  });

  it("gives up after the last attempt", async () => {
    await sink.stop();
    const { person } = queueFor(["Out of attempts"]);
    db().update(emailOutbox).set({ attempts: MAX_ATTEMPTS - 1 }).where(eq(emailOutbox.recipientId, person.id)).run();
    expect(await send(new Date())).toMatchObject({ failed: 1, retried: 0 });
    expect(outboxOf(person.id)[0]).toMatchObject({ status: "failed", attempts: MAX_ATTEMPTS });
    await sink.start();
  });

  it("never sends again a message whose sender stopped mid-send", async () => {
    const { person } = queueFor(["Interrupted"]);
    const t0 = new Date();
    // A sender claims it and dies before marking it: the row stays "sending" under its lease.
    const claimed = claimNextEmail(t0)!;
    expect(claimed.subject).toBe("Interrupted");
    expect(await send(new Date(t0.getTime() + LEASE_MS - 1_000))).toMatchObject({ sent: 0, expired: 0 });
    expect(await send(new Date(t0.getTime() + LEASE_MS + 1_000))).toMatchObject({ sent: 0, expired: 1 });
    expect(outboxOf(person.id)[0]).toMatchObject({ status: "failed", lastError: INTERRUPTED });
    expect(sink.to(person.email)).toHaveLength(0);
  });

  it("sends each message once when two senders run at the same time", async () => {
    const { person } = queueFor(["Race 1", "Race 2", "Race 3", "Race 4", "Race 5"]);
    const now = new Date();
    const [a, b] = await Promise.all([send(now), send(now)]);
    expect(a.sent + b.sent).toBe(5);
    expect(sink.to(person.email).map((m) => m.subject).sort()).toEqual(["Race 1", "Race 2", "Race 3", "Race 4", "Race 5"]);
  });
});

describe("invitation and reset links", () => {
  it("are failed, not sent garbled, when their seal cannot be opened", async () => {
    const { person } = newViewer();
    createAccountLink(org.as.admin, person.id, "invite");
    // As if the auth secret had changed since it was queued.
    const row = outboxOf(person.id)[0]!;
    db().update(emailOutbox).set({ textBody: `${row.textBody.slice(0, -4)}AAAA` }).where(eq(emailOutbox.id, row.id)).run();
    expect(await send(new Date())).toMatchObject({ sent: 0 });
    expect(outboxOf(person.id)[0]).toMatchObject({ status: "failed", lastError: UNREADABLE, textBody: "", htmlBody: "" });
    expect(sink.to(person.email)).toEqual([]);
  });

  it("are sealed at rest, emailed, wiped once sent; a newer link withdraws an unsent older one", async () => {
    const { person } = newViewer({ name: "Casey Newcomer" });
    const older = createAccountLink(org.as.admin, person.id, "invite");
    const newer = createAccountLink(org.as.admin, person.id, "invite");
    const rows = outboxOf(person.id);
    expect(rows.map((r) => r.status).sort()).toEqual(["cancelled", "pending"]);
    for (const row of rows) expect(`${row.textBody}${row.htmlBody}`).not.toContain(newer);
    expect(rows.find((r) => r.status === "pending")).toMatchObject({ sealed: true, category: "account-link", subject: "You're invited to Trellis" });

    expect(await send(new Date())).toMatchObject({ sent: 1 });
    const [mail] = sink.to(person.email);
    expect(mail!.text).toContain(`${org.people.admin.name} invited you to Trellis`);
    const link = mail!.text.match(/https:\/\/trellis\.test\.example\/invite\/(\S+)/)![1]!;
    expect(link).toBe(newer);
    expect(link).not.toBe(older);
    expect(outboxOf(person.id).find((r) => r.status === "sent")).toMatchObject({ textBody: "", htmlBody: "" });
    await expect(redeemAccountLink(link, "a-long-enough-passphrase")).resolves.toEqual({ ok: true, email: person.email });
  });

  it("are emailed whatever the person's notification setting", async () => {
    const { person, viewer } = newViewer();
    expect(saveEmailPreference(viewer, "off", 0)).toMatchObject({ ok: true });
    createAccountLink(org.as.admin, person.id, "reset");
    await send(new Date());
    expect(sink.to(person.email).map((m) => m.subject)).toEqual(["Reset your Trellis password"]);
  });
});
