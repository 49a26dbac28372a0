import { SSO_EMAIL } from "./support/env";
import { DEMO, expect, SIGNED_OUT, storageStateFor, test, TEST_PASSWORD } from "./support/fixtures";
import { Form, pageAs, SignInPage, signedInAs } from "./support/pages";
import crypto from "node:crypto";
import type { Page, PlaywrightWorkerArgs } from "@playwright/test";
import { eq } from "drizzle-orm";
import { people, sessions } from "@/db/schema";

test.describe("signed in", () => {
  test.use({ storageState: storageStateFor("manager") });

  test("the shell shows who is signed in and where they are", async ({ browser }) => {
    // A context of its own, so signing out does not end the shared manager session.
    const page = await pageAs(browser, "manager");
    await page.goto("/");
    await expect(signedInAs(page)).toHaveText(DEMO.manager.name);
    await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Needs my action" })).toHaveAttribute("aria-current", "page");
    await page.context().close();
  });
});

test("sign-out ends the session on the server: the old cookie no longer works", async ({ page, createPerson }) => {
  const person = await createPerson();
  await new SignInPage(page).signIn(person.email, TEST_PASSWORD);
  await expect(signedInAs(page)).toHaveText(person.name);
  const cookies = await page.context().cookies();
  await page.getByRole("button", { name: "Sign out" }).click();
  await expect(page).toHaveURL(/\/signin/);
  // Replay the cookie the browser held before signing out, as a thief with a copy would.
  await page.context().addCookies(cookies);
  await page.goto("/account");
  await expect(page).toHaveURL(/\/signin\?callbackUrl=%2Faccount/);
});

test("a wrong password is refused with a clear message and the email kept", async ({ page, createPerson }) => {
  const person = await createPerson();
  const signIn = new SignInPage(page);
  await signIn.signIn(person.email, "not-the-password");
  await expect(page.getByRole("status")).toContainText("That email and password don't match an active Trellis account.");
  await signIn.form.expectValues({ Email: person.email, Password: "" });
  await expect(page).toHaveURL(/\/signin/);
});

test("an empty form gets a message beside each field", async ({ page }) => {
  const signIn = new SignInPage(page);
  await signIn.goto();
  await signIn.form.submit();
  await signIn.form.expectErrors({ Email: "Enter your email address", Password: "Enter your password" });
});

test("a signed-out visitor is sent to sign-in and comes back where they were going", async ({ page, createPerson }) => {
  const person = await createPerson();
  await page.goto(`/people/${person.id}`);
  await expect(page).toHaveURL(new RegExp(`/signin\\?callbackUrl=%2Fpeople%2F${person.id}`));
  await new SignInPage(page).submit(person.email, TEST_PASSWORD);
  await expect(page).toHaveURL(`/people/${person.id}`);
  await expect(page.getByRole("heading", { name: person.name, level: 1 })).toBeVisible();
});

test("the return address cannot send people to another site", async ({ page, createPerson }) => {
  const person = await createPerson();
  const signIn = new SignInPage(page);
  await signIn.goto("https://evil.example/phish");
  await signIn.submit(person.email, TEST_PASSWORD);
  await expect(page).toHaveURL("/");
});

test("a signed-in visitor sent to sign-in with a crafted return address stays on the site", async ({ page, createPerson }) => {
  const person = await createPerson();
  await new SignInPage(page).signIn(person.email, TEST_PASSWORD);
  await expect(signedInAs(page)).toBeVisible();
  for (const target of ["/%09/evil.example", "//evil.example", "/%5Cevil.example", "https://evil.example"]) {
    await page.goto(`/signin?callbackUrl=${target}`);
    await expect(page).toHaveURL(/^http:\/\/localhost:\d+\/$/);
  }
});

test("a deactivated person's open session ends on their next request", async ({ browser, createPerson, db }) => {
  const person = await createPerson();
  const page = await pageAs(browser, person);
  await page.goto("/account");
  await expect(page.getByRole("heading", { name: "Account" })).toBeVisible();

  db.update(people).set({ active: false }).where(eq(people.id, person.id)).run();

  await page.reload();
  await expect(page).toHaveURL(/\/signin\?/);
  await expect(page.getByRole("alert").filter({ hasText: "Your account has been deactivated" })).toBeVisible();
  await page.context().close();
});

test("changing the password signs out the person's other sessions", async ({ browser, createPerson }) => {
  const person = await createPerson();
  const first = await pageAs(browser, person);
  const second = await pageAs(browser, person);

  await first.goto("/account");
  const passwordForm = new Form(first, "Change password");
  await passwordForm.fillAndSubmit({ "Current password": TEST_PASSWORD, "New password": "a-brand-new-passphrase", "Confirm new password": "a-brand-new-passphrase" });
  await passwordForm.expectStatus("Password changed");

  await second.goto("/account");
  await expect(second).toHaveURL(/\/signin\?/);
  await expect(second.getByRole("alert").filter({ hasText: "Your password was changed" })).toBeVisible();
  await first.reload();
  await expect(first.getByRole("heading", { name: "Account" })).toBeVisible();
});

test("a wrong current password is refused beside the field", async ({ browser, createPerson }) => {
  const person = await createPerson();
  const page = await pageAs(browser, person);
  await page.goto("/account");
  const passwordForm = new Form(page, "Change password");
  await passwordForm.fillAndSubmit({ "Current password": "wrong-current-password", "New password": "a-brand-new-passphrase", "Confirm new password": "a-different-passphrase" });
  await passwordForm.expectError("Confirm new password", "The two new passwords don't match");
  await passwordForm.fillAndSubmit({ "Confirm new password": "a-brand-new-passphrase", "New password": "a-brand-new-passphrase", "Current password": "wrong-current-password" });
  await passwordForm.expectError("Current password", "That is not your current password");
});

test("company SSO signs in a person an admin has added", async ({ page, createPerson, db }) => {
  if (!db.select().from(people).where(eq(people.email, SSO_EMAIL)).get()) await createPerson({ email: SSO_EMAIL, name: "Sasha SSO" });
  await new SignInPage(page).goto();
  await page.getByRole("button", { name: "Continue with Mock SSO" }).click();
  await expect(signedInAs(page)).toHaveText("Sasha SSO");
  await page.goto("/account");
  await expect(page.getByText("with company SSO").first()).toBeVisible();
  // SSO sign-in remembers the browser too (see the device cookie tests below).
  expect((await page.context().cookies()).some((c) => c.name === "trellis-device" && c.httpOnly)).toBe(true);
});

test("session cookies are HttpOnly and SameSite", async ({ page, createPerson }) => {
  const person = await createPerson();
  await new SignInPage(page).signIn(person.email, TEST_PASSWORD);
  await expect(signedInAs(page)).toBeVisible();
  const cookie = (await page.context().cookies()).find((c) => c.name.includes("authjs.session-token"));
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe("Lax");
});

test("every response carries the security headers", async ({ request }) => {
  const response = await request.get("/signin");
  const headers = response.headers();
  expect(headers["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+' 'strict-dynamic'/);
  expect(headers["content-security-policy"]).not.toMatch(/script-src[^;]*unsafe-inline/);
  expect(headers["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(headers["x-content-type-options"]).toBe("nosniff");
  expect(headers["referrer-policy"]).toBe("strict-origin-when-cross-origin");
});

/* Every string anywhere in a JSON value, with the key it sits under. */
function strings(value: unknown, key = ""): { key: string; value: string }[] {
  if (typeof value === "string") return [{ key, value }];
  if (value && typeof value === "object") return Object.entries(value).flatMap(([k, v]) => [{ key: k, value: "" }, ...strings(v, k)]);
  return [];
}

/* What Auth.js answers for "no session": null, or an empty object. */
const signedOut = (body: unknown) => body === null || (typeof body === "object" && Object.keys(body as object).length === 0);

async function sessionEndpoint(page: Page) {
  const response = await page.request.get("/api/auth/session");
  expect(response.status()).toBe(200);
  return response.json();
}

test.describe("/api/auth/session", () => {
  test("tells page scripts who is signed in, and no token", async ({ browser, createPerson, db }) => {
    const person = await createPerson();
    const page = await pageAs(browser, { email: person.email });
    const body = await sessionEndpoint(page);
    const storedIds = new Set(db.select({ id: sessions.id }).from(sessions).where(eq(sessions.personId, person.id)).all().map((s) => s.id));
    expect(storedIds.size).toBe(1);
    for (const { key, value } of strings(body)) {
      expect(key, "no token-named field").not.toMatch(/sid|token|jwt|secret/i);
      // The session table keeps a hash of each token: no string here may hash to one.
      expect(storedIds.has(crypto.createHash("sha256").update(value).digest("base64url")), `${key} is a session token`).toBe(false);
      expect(value, `${key} looks like a token`).not.toMatch(/^[A-Za-z0-9_-]{24,}$|^eyJ/);
    }
    expect(body.user).toEqual({ name: person.name, email: person.email });
    await page.context().close();
  });

  test("reports no one once the session was signed out, even with the old cookie", async ({ browser, createPerson }) => {
    const person = await createPerson();
    const page = await pageAs(browser, { email: person.email });
    const cookies = await page.context().cookies();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/signin/);
    await page.context().addCookies(cookies);
    expect(signedOut(await sessionEndpoint(page))).toBe(true);
    await page.context().close();
  });

  test("reports no one once the person is deactivated", async ({ browser, createPerson, db }) => {
    const person = await createPerson();
    const page = await pageAs(browser, { email: person.email });
    expect(signedOut(await sessionEndpoint(page))).toBe(false);
    db.update(people).set({ active: false }).where(eq(people.id, person.id)).run();
    expect(signedOut(await sessionEndpoint(page))).toBe(true);
    await page.context().close();
  });
});

/*
 * Ten wrong passwords from ten addresses, all at once, straight at Auth.js's
 * credentials endpoint: what the outside probe did to lock an account.
 * Each claims its own address (no trusted proxy here), so the shared
 * localhost address used by the rest of the suite is not slowed.
 */
async function lockOutFromElsewhere(playwright: PlaywrightWorkerArgs["playwright"], baseURL: string, email: string) {
  const attacker = await playwright.request.newContext({ baseURL, storageState: SIGNED_OUT });
  const { csrfToken } = await (await attacker.get("/api/auth/csrf")).json();
  const attempts = Array.from({ length: 10 }, (_, i) =>
    attacker.post("/api/auth/callback/credentials", {
      form: { email, password: `wrong guess ${i}`, csrfToken, callbackUrl: "/" },
      headers: { "x-forwarded-for": `198.51.100.${i + 1}` },
      maxRedirects: 0,
    }),
  );
  for (const response of await Promise.all(attempts)) expect(response.headers()["location"]).toContain("error=CredentialsSignin");
  await attacker.dispose();
}

test.describe("device cookie", () => {
  test("a browser that signed in before still gets in after strangers lock the account; a new browser does not", async ({ browser, playwright, baseURL, createPerson }) => {
    test.setTimeout(60_000);
    const person = await createPerson();
    const known = await pageAs(browser, { email: person.email });
    const device = (await known.context().cookies()).find((c) => c.name === "trellis-device");
    expect(device).toMatchObject({ httpOnly: true, sameSite: "Lax" });
    expect(device!.expires * 1000).toBeGreaterThan(Date.now() + 360 * 24 * 3_600_000);
    await known.getByRole("button", { name: "Sign out" }).click();
    await expect(known).toHaveURL(/\/signin/);

    await lockOutFromElsewhere(playwright, baseURL!, person.email);

    const stranger = await (await browser.newContext({ storageState: SIGNED_OUT })).newPage();
    await new SignInPage(stranger).signIn(person.email, TEST_PASSWORD);
    await expect(stranger.getByRole("status")).toContainText("Too many failed attempts");
    await expect(stranger.getByTestId("signed-in-as")).toHaveCount(0);

    await new SignInPage(known).signIn(person.email, TEST_PASSWORD);
    await expect(known.getByTestId("signed-in-as")).toHaveText(person.name);
    await stranger.context().close();
    await known.context().close();
  });
});
