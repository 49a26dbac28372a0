import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { installDefaultFramework } from "@/db/seed";
import { hashPassword } from "@/lib/auth/password";
import { ACCOUNT_POLICY } from "@/lib/auth/throttle";
import { insertPerson } from "@/lib/test/factory";
import { verifyCredentials } from "./sign-in";

const t0 = Date.UTC(2026, 10, 22, 9, 0, 0);
let hash: string;

describe("verifyCredentials", () => {
  beforeAll(async () => {
    installDefaultFramework(db());
    hash = await hashPassword("a good long password");
  });

  it("accepts the right password for an active person, whatever the email's case", async () => {
    const person = insertPerson(db(), { passwordHash: hash });
    await expect(verifyCredentials(person.email.toUpperCase(), "a good long password", "10.0.0.1", t0)).resolves.toEqual({ ok: true, personId: person.id });
  });

  it("gives the same answer for a wrong password, an unknown email and a deactivated person", async () => {
    const person = insertPerson(db(), { passwordHash: hash });
    const inactive = insertPerson(db(), { passwordHash: hash, active: false });
    for (const [email, password] of [
      [person.email, "wrong password!!"],
      ["nobody@test.example", "a good long password"],
      [inactive.email, "a good long password"],
    ]) {
      await expect(verifyCredentials(email!, password!, "10.0.0.2", t0)).resolves.toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("locks an account after repeated failures, even for the right password", async () => {
    const person = insertPerson(db(), { passwordHash: hash });
    const delays: number[] = [];
    const sleep = async (ms: number) => void delays.push(ms);
    for (let i = 0; i < ACCOUNT_POLICY.lockAfter; i++) {
      // Each attempt from a new address, so only the per-account limit applies.
      await verifyCredentials(person.email, "wrong password!!", `10.1.0.${i}`, t0 - 60_000 + i, sleep);
    }
    // Slowed first: the first few attempts run at once, each later one waits longer.
    expect(delays).toHaveLength(ACCOUNT_POLICY.lockAfter - ACCOUNT_POLICY.slowAfter);
    expect(delays[0]).toBe(500);
    expect(delays[1]).toBe(1000);
    const result = await verifyCredentials(person.email, "a good long password", "10.2.0.1", t0, sleep);
    expect(result).toMatchObject({ ok: false, reason: "locked" });
    await expect(verifyCredentials(person.email, "a good long password", "10.2.0.1", t0 + ACCOUNT_POLICY.lockMs, sleep)).resolves.toEqual({ ok: true, personId: person.id });
  });
});
