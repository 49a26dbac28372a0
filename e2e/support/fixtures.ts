import { test as base, expect, type Browser, type Page } from "@playwright/test";
import { openDatabase, type Db } from "@/db";
import { hashPassword } from "@/lib/security/password";
import { insertPerson, type NewPerson } from "@/lib/test/factory";
import { E2E_DB } from "./env";

export const DEMO = {
  engineer: { email: "jordan@example.com", name: "Jordan Lee" },
  manager: { email: "sam@example.com", name: "Sam Okafor" },
  admin: { email: "morgan@example.com", name: "Morgan Reyes" },
} as const;
export type DemoRole = keyof typeof DEMO;
export const DEMO_PASSWORD = "trellis-demo-2026";
export const storageStateFor = (role: DemoRole) => `e2e/.auth/${role}.json`;

export const TEST_PASSWORD = "e2e-password-123";
let passwordHash: Promise<string> | undefined;

type Fixtures = {
  /* The e2e server's SQLite file, opened directly (WAL lets both sides work at once). */
  db: Db;
  /* Creates a person straight in the database; they can sign in with TEST_PASSWORD. */
  createPerson: (overrides?: NewPerson) => Promise<ReturnType<typeof insertPerson>>;
};

export const test = base.extend<Fixtures>({
  db: async ({}, provide) => {
    const database = openDatabase(E2E_DB);
    await provide(database);
    database.$client.close();
  },
  createPerson: async ({ db }, provide) => {
    await provide(async (overrides = {}) => {
      passwordHash ??= hashPassword(TEST_PASSWORD);
      return insertPerson(db, { passwordHash: await passwordHash, ...overrides });
    });
  },
});

export { expect };

export async function signIn(page: Page, email: string, password: string) {
  await page.goto("/signin");
  await page.getByLabel("Email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

/* A new browser context signed in as someone created by a test. */
export const SIGNED_OUT = { cookies: [], origins: [] };

export async function signedInPage(browser: Browser, email: string) {
  // Explicitly signed out: contexts otherwise inherit the spec's storageState.
  const context = await browser.newContext({ storageState: SIGNED_OUT });
  const page = await context.newPage();
  await signIn(page, email, TEST_PASSWORD);
  await expect(page.getByTestId("signed-in-as")).toBeVisible();
  return page;
}
