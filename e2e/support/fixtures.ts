import { test as base, expect } from "@playwright/test";
import { openDatabase, type Db } from "@/db";
import { hashPassword } from "@/lib/security/password";
import { insertPerson, type NewPerson } from "@/lib/test/factory";
import { E2E_DB, TEST_PASSWORD } from "./env";

/*
 * The demo accounts specs sign in as. The first three are README's; the rest
 * play the access-control table's roles around Jordan (lib/test/access-table):
 * Alex, Jordan's peer; Priya, Sam's manager; Dana, a manager in another branch.
 */
export const DEMO = {
  engineer: { email: "jordan@example.com", name: "Jordan Lee" },
  manager: { email: "sam@example.com", name: "Sam Okafor" },
  admin: { email: "morgan@example.com", name: "Morgan Reyes" },
  peer: { email: "alex@example.com", name: "Alex Kim" },
  director: { email: "priya@example.com", name: "Priya Natarajan" },
  otherManager: { email: "dana@example.com", name: "Dana Whitfield" },
} as const;
export type DemoRole = keyof typeof DEMO;
export const DEMO_PASSWORD = "trellis-demo-2026";
export const storageStateFor = (role: DemoRole) => `e2e/.auth/${role}.json`;

export { TEST_PASSWORD };
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

/* A storageState with nothing in it; signing in and pages are in ./pages.ts. */
export const SIGNED_OUT = { cookies: [], origins: [] };
