import path from "node:path";
import type { PlaywrightWorkerArgs } from "@playwright/test";
import { eq } from "drizzle-orm";
import { evidenceEntries, people } from "@/db/schema";
import { openDatabase, type Db } from "@/db";
import { hashPassword } from "@/lib/security/password";
import { insertPerson } from "@/lib/test/factory";
import { ACCOUNT_LIMITS, ADDRESS_LIMITS } from "@/lib/security/throttle";
import { expect, test, TEST_PASSWORD } from "./support/fixtures";
import { E2E_DATA_DIR, OWN_SERVER_PORT, TLS_PORT } from "./support/env";
import { prepareDataDir, startServer, type OwnServer } from "./support/own-server";
import { callAction, replyCode } from "./support/server-actions";
import { startTlsProxy } from "./support/tls-proxy";
import { SignInPage, signedInAs } from "./support/pages";

/*
 * Tests that throttle the server run against one of their own (the
 * own-server project runs them one at a time), so no other test is slowed or
 * locked out. It trusts one proxy hop, as a production install behind a
 * reverse proxy does, so X-Forwarded-For is the client's address.
 */
test.describe.configure({ mode: "serial" });

const DATA_DIR = path.join(E2E_DATA_DIR, "..", ".data-own-server");
let server: OwnServer;
let db: Db;
const SIGN_IN = "app/signin/actions.ts#signInAction";
const LOCKED = "Too many failed attempts";

test.beforeAll(async () => {
  test.setTimeout(120_000);
  await prepareDataDir(DATA_DIR);
  server = await startServer(OWN_SERVER_PORT, DATA_DIR, { TRUSTED_PROXY_HOPS: "1" });
  db = openDatabase(path.join(DATA_DIR, "trellis.db"));
});
test.afterAll(async () => {
  db?.$client.close();
  await server?.stop();
});

let hash: Promise<string> | undefined;
const person = async () => insertPerson(db, { passwordHash: await (hash ??= hashPassword(TEST_PASSWORD)) });

/* One sign-in through the sign-in form's server action, from a client address. */
async function signInFrom(playwright: PlaywrightWorkerArgs["playwright"], email: string, password: string, address: string) {
  const request = await playwright.request.newContext({ baseURL: server.url });
  const response = await callAction(request, server.url, SIGN_IN, { email, password, callbackUrl: "/" }, { encoding: "formdata", headers: { "X-Forwarded-For": address } });
  const body = await response.text();
  await request.dispose();
  // Success is a redirect into the app; a refusal is the form's answer.
  return response.headers()["x-action-redirect"] ? "signed-in" : body.includes(LOCKED) ? "locked" : replyCode(body) === "refused" ? "wrong" : `unexpected ${response.status()}: ${body.slice(0, 200)}`;
}

test("a burst of guesses at one account locks it, even for the right password, and the form says so", async ({ playwright, browser }) => {
  test.setTimeout(120_000);
  const target = await person();
  const guesses = Array.from({ length: 30 }, (_, i) => signInFrom(playwright, target.email, `wrong guess number ${i}`, `198.51.100.${i + 1}`));
  const results = await Promise.all([...guesses, signInFrom(playwright, target.email, TEST_PASSWORD, "198.51.100.200")]);
  expect(results.filter((r) => r !== "wrong" && r !== "locked")).toEqual([]);
  // Counted before checking: all but the first lockAfter attempts are refused as locked, the right password among them.
  expect(results.filter((r) => r === "locked")).toHaveLength(results.length - ACCOUNT_LIMITS.lockAfter);
  expect(results.at(-1)).toBe("locked");

  const context = await browser.newContext({ baseURL: server.url, extraHTTPHeaders: { "X-Forwarded-For": "198.51.100.201" } });
  const page = await context.newPage();
  await new SignInPage(page).signIn(target.email, TEST_PASSWORD);
  await expect(page.getByRole("status")).toContainText(LOCKED);
  await expect(signedInAs(page)).toHaveCount(0);
  await context.close();
});

test("a burst from one address across many accounts locks that address, and only it", async ({ playwright }) => {
  test.setTimeout(120_000);
  const guesses = Array.from({ length: ADDRESS_LIMITS.lockAfter + 5 }, (_, i) => signInFrom(playwright, `nobody.${i}@test.example`, "wrong guess", "203.0.113.50"));
  const results = await Promise.all(guesses);
  expect(results.filter((r) => r !== "wrong" && r !== "locked")).toEqual([]);
  expect(results.filter((r) => r === "locked").length).toBeGreaterThanOrEqual(5);
  const colleague = await person();
  expect(await signInFrom(playwright, colleague.email, TEST_PASSWORD, "203.0.113.50")).toBe("locked");
  expect(await signInFrom(playwright, colleague.email, TEST_PASSWORD, "203.0.113.51")).toBe("signed-in");
});

test("a post from another site to a server action is refused with 403 and a log line", async ({ browser }) => {
  const author = await person();
  const context = await browser.newContext({ baseURL: server.url });
  const page = await context.newPage();
  await new SignInPage(page).signIn(author.email, TEST_PASSWORD);
  await expect(signedInAs(page)).toBeVisible();
  const entry = (title: string) => ({ title, occurredOn: "2026-01-15", description: "", links: "", cells: "values.complexity" });
  const titles = () => db.select({ title: evidenceEntries.title }).from(evidenceEntries).where(eq(evidenceEntries.personId, author.id)).all().map((e) => e.title);

  const forged = await callAction(context.request, "https://evil.example", "app/(app)/evidence/actions.ts#createEvidenceAction", entry("Forged from another site"));
  expect(forged.status()).toBe(403);
  expect(await forged.text()).toMatch(/sent from another site/);
  const noJs = await context.request.post("/evidence/new", { headers: { Origin: "https://evil.example" }, multipart: { title: "Forged without JavaScript" }, maxRedirects: 0 });
  expect(noJs.status()).toBe(403);
  await expect.poll(() => server.output()).toMatch(/\[trellis\] refused: cross-origin POST to \/evidence\/new from evil\.example \(this site is localhost:\d+\)/);
  expect(server.output()).not.toMatch(/Invalid Server Actions request|does not match `origin` header/);

  // The same call from the site itself goes through: only the origin was wrong.
  const genuine = await callAction(context.request, server.url, "app/(app)/evidence/actions.ts#createEvidenceAction", entry("Logged from the site"));
  expect(genuine.headers()["x-action-redirect"]).toMatch(/^\/evidence\?logged=/);
  expect(titles()).toEqual(["Logged from the site"]);
  await context.close();
});

test("cookies are Secure when Trellis is served over HTTPS, and a password set there is hashed at full cost", async ({ browser }) => {
  const proxy = await startTlsProxy(TLS_PORT, server.url);
  try {
    const someone = await person();
    const context = await browser.newContext({ baseURL: proxy.url, ignoreHTTPSErrors: true });
    const page = await context.newPage();
    await new SignInPage(page).signIn(someone.email, TEST_PASSWORD);
    await expect(signedInAs(page)).toHaveText(someone.name);
    const cookies = await context.cookies();
    const session = cookies.find((c) => c.name === "__Secure-authjs.session-token");
    expect(session).toMatchObject({ secure: true, httpOnly: true, sameSite: "Lax" });
    expect(cookies.find((c) => c.name === "trellis-device")).toMatchObject({ secure: true, httpOnly: true });
    expect(cookies.filter((c) => !c.secure).map((c) => c.name)).toEqual([]);

    await page.goto("/account");
    const newPassword = "a-fresh-passphrase-over-https";
    await page.getByLabel("Current password", { exact: true }).fill(TEST_PASSWORD);
    await page.getByLabel("New password", { exact: true }).fill(newPassword);
    await page.getByLabel("Confirm new password", { exact: true }).fill(newPassword);
    await page.getByRole("button", { name: "Change password" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Password changed" })).toBeVisible();
    expect(db.select({ hash: people.passwordHash }).from(people).where(eq(people.id, someone.id)).get()!.hash).toMatch(/^scrypt\$32768\$8\$1\$/);
    await context.close();
  } finally {
    await proxy.stop();
  }

  // Over plain http the same server sets them without Secure (browsers would drop a Secure cookie there).
  const plain = await browser.newContext({ baseURL: server.url });
  const page = await plain.newPage();
  const other = await person();
  await new SignInPage(page).signIn(other.email, TEST_PASSWORD);
  await expect(signedInAs(page)).toBeVisible();
  expect((await plain.cookies()).find((c) => c.name === "authjs.session-token")).toMatchObject({ secure: false, httpOnly: true });
  await plain.close();
});
