import { spawn, type ChildProcess } from "node:child_process";
import crypto from "node:crypto";
import net from "node:net";
import type { Browser } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { emailOutbox, stipendClaims } from "@/db/schema";
import { SmtpSink } from "@/lib/test/smtp-sink";
import { expectNoSeriousViolations } from "./support/a11y";
import { E2E_ENV } from "./support/env";
import { DEMO, expect, SIGNED_OUT, storageStateFor, test, TEST_PASSWORD, type DemoRole } from "./support/fixtures";
import { fileClaimThroughForm } from "./support/notifications";
import { Form, SignInPage, signedInAs } from "./support/pages";

/*
 * Email, end to end: a real SMTP server started here (smtp-server, in this
 * process) and a second Trellis server on the same build and database, with
 * SMTP_URL pointing at it. The suite's main server has no mail server, so only
 * this one sends. The tests run in order: one of them stops the mail server.
 */
test.describe.configure({ mode: "serial", timeout: 90_000 });

async function freePort(): Promise<number> {
  const server = net.createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as net.AddressInfo;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

let sink: SmtpSink;
let app: ChildProcess;
let appURL: string;

test.beforeAll(async ({}, testInfo) => {
  testInfo.setTimeout(90_000);
  sink = new SmtpSink(await freePort());
  await sink.start();
  const port = await freePort();
  appURL = `http://localhost:${port}`;
  app = spawn("npx", ["next", "start", "-p", String(port)], {
    env: { ...process.env, ...E2E_ENV, SMTP_URL: `smtp://127.0.0.1:${sink.port}`, SMTP_FROM: "Trellis <trellis@example.com>", AUTH_URL: appURL, SMTP_RETRY_SECONDS: "1" },
    detached: true,
    stdio: "ignore",
  });
  await expect
    .poll(
      async () => {
        try {
          return (await fetch(`${appURL}/signin`)).status;
        } catch {
          return 0;
        }
      },
      { timeout: 60_000, intervals: [250] },
    )
    .toBe(200);
});

test.afterAll(async () => {
  if (app?.pid) process.kill(-app.pid, "SIGTERM");
  await sink?.stop();
});

/* A page on the mail-sending server, as a demo role (its saved session) or a person a test created. */
async function on(browser: Browser, who: DemoRole | { email: string }) {
  const context = await browser.newContext({ baseURL: appURL, storageState: typeof who === "string" ? storageStateFor(who) : SIGNED_OUT });
  const page = await context.newPage();
  if (typeof who !== "string") {
    await new SignInPage(page).signIn(who.email, TEST_PASSWORD);
    await expect(signedInAs(page)).toBeVisible();
  } else await page.goto("/");
  return page;
}

const mailTo = (address: string, subject?: RegExp) => sink.to(address).filter((m) => !subject || subject.test(m.subject));

test("an invitation is emailed with a link from AUTH_URL that works, and still shown to the admin", async ({ browser, createPerson }) => {
  const person = await createPerson({ passwordHash: null, name: `Ines Invitee ${Date.now()}` });
  const admin = await on(browser, "admin");
  await admin.goto(`/admin/people/${person.id}`);
  await expect(admin.getByText(`A new link is emailed to ${person.email} and shown here to copy.`)).toBeVisible();
  await admin.getByRole("button", { name: "Create invitation link" }).click();
  await expect(admin.getByText(`Trellis is emailing it to ${person.email}.`)).toBeVisible();
  const shown = await admin.getByLabel(/Invitation link/).inputValue();

  await expect.poll(() => mailTo(person.email).length, { timeout: 20_000 }).toBe(1);
  const [mail] = sink.to(person.email);
  expect(mail!.subject).toBe("You're invited to Trellis");
  expect(mail!.text).toContain(`${DEMO.admin.name} invited you to Trellis`);
  const link = mail!.text.match(/Choose a password: (\S+)/)![1]!;
  expect(link).toBe(shown);
  expect(link.startsWith(`${appURL}/invite/`)).toBe(true);
  expect(mail!.html).toContain(`href="${link}"`);

  const newcomer = await (await browser.newContext({ storageState: SIGNED_OUT })).newPage();
  await newcomer.goto(link);
  await new Form(newcomer, "Set password").fillAndSubmit({ "New password": "from-the-email-123", "Confirm password": "from-the-email-123" });
  await expect(newcomer.getByRole("status").filter({ hasText: "Your password is set" })).toBeVisible();
  await Promise.all([admin.context().close(), newcomer.context().close()]);
});

test("a claim is emailed to the approver and the decision to the engineer, with what they wrote escaped", async ({ browser, createPerson }) => {
  const tag = Date.now().toString(36);
  const manager = await createPerson({ role: "manager", trackKey: "mgmt", levelKey: "m1", name: `Mae Manager ${tag}` });
  const engineer = await createPerson({ managerId: manager.id, name: `Eli <b>Engineer</b> ${tag}` });
  const item = `Clean Code & <script>alert(1)</script> ${tag}`;
  const engineerPage = await on(browser, engineer);
  await fileClaimThroughForm(engineerPage, item);

  await expect.poll(() => mailTo(manager.email).length, { timeout: 20_000 }).toBe(1);
  const filed = sink.to(manager.email)[0]!;
  expect(filed.subject).toBe(`${engineer.name} filed a stipend claim: ${item}`);
  const claimLink = filed.text.match(/Review the claim: (\S+)/)![1]!;
  expect(claimLink).toMatch(new RegExp(`^${appURL}/stipend/claims/[0-9a-f-]{36}$`));
  expect(filed.html).not.toContain("<script>");
  expect(filed.html).toContain("Clean Code &amp; &lt;script&gt;alert(1)&lt;/script&gt;");
  expect(filed.html).toContain("Eli &lt;b&gt;Engineer&lt;/b&gt;");

  const managerPage = await on(browser, manager);
  await managerPage.goto(claimLink);
  await new Form(managerPage, "Reject").fillAndSubmit({ Reason: "Not a <course>, sorry" });
  await expect(managerPage.getByText(`Rejected by ${manager.name}`)).toBeVisible();

  await expect.poll(() => mailTo(engineer.email, /rejected your claim/).length, { timeout: 20_000 }).toBe(1);
  const decision = mailTo(engineer.email, /rejected your claim/)[0]!;
  expect(decision.subject).toBe(`${manager.name} rejected your claim: ${item}`);
  expect(decision.text).toContain("Reason: Not a <course>, sorry");
  expect(decision.text).toContain(`Open the claim: ${claimLink}`);
  expect(decision.html).toContain("Reason: Not a &lt;course&gt;, sorry");
  await Promise.all([engineerPage.context().close(), managerPage.context().close()]);
});

test("with the mail server down, decisions queue; once it is back each is delivered exactly once", async ({ browser, createPerson, db }) => {
  const tag = Date.now().toString(36);
  const manager = await createPerson({ role: "manager", trackKey: "mgmt", levelKey: "m1", name: `Mo Manager ${tag}` });
  const engineer = await createPerson({ managerId: manager.id, name: `Eva Engineer ${tag}` });
  const year = new Date().getUTCFullYear();
  const claims = ["Outage book one", "Outage book two", "Outage book three"].map((item) => {
    const id = crypto.randomUUID();
    db.insert(stipendClaims).values({ id, personId: engineer.id, year, purchaseDate: `${year}-01-10`, item: `${item} ${tag}`, vendor: "Bookshop", category: "Books", amountPaidMinor: 2_000, currencyPaid: "USD", amountChargedMinor: 2_000, receiptUrl: "https://shop.example.com/r/9" }).run();
    return { id, item: `${item} ${tag}` };
  });

  await sink.stop();
  const managerPage = await on(browser, manager);
  for (const claim of claims) {
    await managerPage.goto(`/stipend/claims/${claim.id}`);
    await new Form(managerPage, "Approve").fillAndSubmit({ Reason: "Approved while the mail server is down" });
    await expect(managerPage.getByText(`Approved by ${manager.name}`)).toBeVisible();
  }
  const outbox = () => db.select({ status: emailOutbox.status, attempts: emailOutbox.attempts, lastError: emailOutbox.lastError, subject: emailOutbox.subject }).from(emailOutbox).where(and(eq(emailOutbox.recipientId, engineer.id), eq(emailOutbox.category, "notification"))).all();
  // Every decision is in the outbox, and the sender has tried and failed.
  await expect.poll(() => outbox().filter((r) => r.attempts > 0).length, { timeout: 20_000 }).toBeGreaterThan(0);
  expect(outbox()).toHaveLength(3);
  expect(outbox().filter((r) => r.status === "sent" || r.status === "failed")).toEqual([]);
  expect(outbox().find((r) => r.attempts > 0)!.lastError).toMatch(/ECONN|ESOCKET/);
  expect(sink.to(engineer.email)).toEqual([]);

  const admin = await on(browser, "admin");
  await admin.goto("/admin/settings");
  await expect(admin.getByRole("heading", { name: "Email" })).toBeVisible();
  expect(Number(await admin.getByTestId("outbox-waiting").textContent())).toBeGreaterThanOrEqual(3);
  await expect(admin.getByText(/The last try failed: .*Trellis keeps trying/)).toBeVisible();
  await expectNoSeriousViolations(admin);

  await sink.start();
  await expect.poll(() => outbox().every((r) => r.status === "sent"), { timeout: 45_000 }).toBe(true);
  const received = sink.to(engineer.email).map((m) => m.subject).sort();
  expect(received).toEqual(claims.map((c) => `${manager.name} approved your claim: ${c.item}`).sort());
  // Nothing is left to send, so nothing can arrive twice later.
  expect(outbox()).toHaveLength(3);
  await Promise.all([managerPage.context().close(), admin.context().close()]);
});
