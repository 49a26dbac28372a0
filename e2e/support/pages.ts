import { expect, type Browser, type Locator, type Page } from "@playwright/test";
import { SIGNED_OUT, storageStateFor, TEST_PASSWORD, type DemoRole } from "./fixtures";

/*
 * Page objects for the flows every feature repeats: signing in as someone,
 * opening a person, filling a form by its labels and reading what it says
 * back. Specs say what a person does; the selectors live here once.
 */

/* ---------- Forms ---------- */

export type FormValues = Record<string, string>;

/* A form found by its submit button; fields are found by their exact label, as a screen reader would announce them. */
export class Form {
  constructor(
    readonly page: Page,
    readonly submitName: string | RegExp,
  ) {}

  field(label: string | RegExp): Locator {
    return this.page.getByLabel(label, { exact: typeof label === "string" });
  }

  /* Types into inputs and text areas, and picks an option (by value or label) in selects. */
  async fill(values: FormValues) {
    for (const [label, value] of Object.entries(values)) {
      const field = this.field(label);
      // Not evaluate(): it needs the page's JavaScript, and some specs turn that off.
      if ((await field.and(this.page.locator("select")).count()) > 0) await field.selectOption(value);
      else await field.fill(value);
    }
  }

  async attach(label: string | RegExp, files: Parameters<Locator["setInputFiles"]>[0]) {
    await this.field(label).setInputFiles(files);
  }

  async submit() {
    await this.page.getByRole("button", { name: this.submitName }).click();
  }

  async fillAndSubmit(values: FormValues) {
    await this.fill(values);
    await this.submit();
  }

  /* The message beside a field: its accessible description, so only a message tied to the field counts. */
  async expectError(label: string | RegExp, message: string | RegExp) {
    await expect(this.field(label)).toHaveAccessibleDescription(message);
  }

  async expectErrors(errors: Record<string, string | RegExp>) {
    for (const [label, message] of Object.entries(errors)) await this.expectError(label, message);
  }

  /* What was typed is still there (after a refusal, or on reload). */
  async expectValues(values: FormValues) {
    for (const [label, value] of Object.entries(values)) await expect(this.field(label)).toHaveValue(value);
  }

  /* The status line a form shows after a save. */
  async expectStatus(text: string | RegExp) {
    await expect(this.page.getByRole("status").filter({ hasText: text })).toBeVisible();
  }
}

/* ---------- Signing in ---------- */

export class SignInPage {
  readonly form: Form;
  constructor(readonly page: Page) {
    this.form = new Form(page, "Sign in");
  }

  async goto(callbackUrl?: string) {
    await this.page.goto(callbackUrl === undefined ? "/signin" : `/signin?callbackUrl=${callbackUrl}`);
  }

  /* Fills and sends the form on the page as it stands (after a redirect, the callback is kept). */
  async submit(email: string, password: string) {
    await this.form.fillAndSubmit({ Email: email, Password: password });
  }

  async signIn(email: string, password: string) {
    await this.goto();
    await this.submit(email, password);
  }
}

export const signedInAs = (page: Page) => page.getByTestId("signed-in-as");

/*
 * A page in a browser context of its own, signed in as a demo role (its saved
 * session) or as a person a test created (through the form, with
 * TEST_PASSWORD). Close it with `page.context().close()`.
 */
export async function pageAs(browser: Browser, who: DemoRole | { email: string }): Promise<Page> {
  if (typeof who === "string") return (await browser.newContext({ storageState: storageStateFor(who) })).newPage();
  // Explicitly signed out: contexts otherwise inherit the spec's storageState.
  const page = await (await browser.newContext({ storageState: SIGNED_OUT })).newPage();
  await new SignInPage(page).signIn(who.email, TEST_PASSWORD);
  await expect(signedInAs(page)).toBeVisible();
  return page;
}

/* ---------- People ---------- */

/* An admin's page for one person: details form, level change, links and sessions. */
export class AdminPersonPage {
  readonly details: Form;
  readonly levelChange: Form;
  constructor(readonly page: Page) {
    this.details = new Form(page, "Save changes");
    this.levelChange = new Form(page, "Record level change");
  }

  async open(personId: string) {
    await this.page.goto(`/admin/people/${personId}`);
    await expect(this.page.getByRole("heading", { level: 1 })).toBeVisible();
  }

  heading(name: string) {
    return this.page.getByRole("heading", { level: 1, name });
  }

  async press(button: string) {
    await this.page.getByRole("button", { name: button }).click();
  }

  async expectStatus(text: string | RegExp) {
    await this.details.expectStatus(text);
  }
}

/* A person's profile, as they or their managers see it. */
export class ProfilePage {
  constructor(readonly page: Page) {}

  async open(personId: string) {
    await this.page.goto(`/people/${personId}`);
  }

  /* "My profile" from the main navigation. */
  async openOwn() {
    await this.page.getByRole("link", { name: "My profile" }).click();
  }

  heading(name: string) {
    return this.page.getByRole("heading", { level: 1, name });
  }

  get levelHistory() {
    return this.page.getByRole("list", { name: "Level history" }).getByRole("listitem");
  }
}
