import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { installDefaultFramework } from "@/lib/dal/framework-install";
import { hashPassword } from "@/lib/security/password";
import { signDeviceCookie } from "@/lib/security/device-cookie";
import { ACCOUNT_LIMITS, ADDRESS_LIMITS } from "@/lib/security/throttle";
import { authSecret } from "@/lib/config";
import { insertPerson } from "@/lib/test/factory";
import { verifyCredentials } from "./sign-in";

const t0 = Date.UTC(2026, 10, 22, 9, 0, 0);
const from = (address: string, trusted = true, device: string | null = null) => ({ address, trusted, device });
const noSleep = async () => {};
let hash: string;

describe("verifyCredentials", () => {
  beforeAll(async () => {
    installDefaultFramework(db());
    hash = await hashPassword("a good long password");
  });

  it("accepts the right password for an active person, whatever the email's case", async () => {
    const person = insertPerson(db(), { passwordHash: hash });
    await expect(verifyCredentials(person.email.toUpperCase(), "a good long password", from("10.0.0.1"), t0)).resolves.toEqual({ ok: true, personId: person.id });
  });

  it("gives the same answer for a wrong password, an unknown email and a deactivated person", async () => {
    const person = insertPerson(db(), { passwordHash: hash });
    const inactive = insertPerson(db(), { passwordHash: hash, active: false });
    for (const [email, password] of [
      [person.email, "wrong password!!"],
      ["nobody@test.example", "a good long password"],
      [inactive.email, "a good long password"],
    ]) {
      await expect(verifyCredentials(email!, password!, from("10.0.0.2"), t0)).resolves.toEqual({ ok: false, reason: "invalid" });
    }
  });

  it("slows, then locks an account after repeated failures, even for the right password", async () => {
    const person = insertPerson(db(), { passwordHash: hash });
    const delays: number[] = [];
    const sleep = async (ms: number) => void delays.push(ms);
    for (let i = 0; i < ACCOUNT_LIMITS.lockAfter; i++) {
      // Each attempt from a new address, so only the per-account limit applies.
      await verifyCredentials(person.email, "wrong password!!", from(`10.1.0.${i}`), t0 - 60_000 + i, sleep);
    }
    // The first few attempts run at once, each later one waits longer.
    expect(delays).toHaveLength(ACCOUNT_LIMITS.lockAfter - ACCOUNT_LIMITS.slowAfter);
    expect(delays.slice(0, 2)).toEqual([500, 1000]);
    await expect(verifyCredentials(person.email, "a good long password", from("10.2.0.1"), t0, sleep)).resolves.toMatchObject({ ok: false, reason: "locked" });
    await expect(verifyCredentials(person.email, "a good long password", from("10.2.0.1"), t0 + ACCOUNT_LIMITS.lockMs, sleep)).resolves.toEqual({ ok: true, personId: person.id });
  });

  it("counts parallel guesses before checking them, so a burst cannot get past the lock", async () => {
    const person = insertPerson(db(), { passwordHash: hash });
    const guesses = Array.from({ length: 39 }, (_, i) => `wrong guess ${i}`);
    const results = await Promise.all([...guesses, "a good long password"].map((password, i) => verifyCredentials(person.email, password, from(`10.3.0.${i}`), t0, noSleep)));
    const locked = results.filter((r) => !r.ok && r.reason === "locked").length;
    expect(locked).toBe(40 - ACCOUNT_LIMITS.lockAfter);
    expect(results.at(-1)).toMatchObject({ ok: false, reason: "locked" });
  });

  // These two sign in some 60 times each (at the test-only hashing cost, lib/test/setup.ts); the writes take their time on a loaded machine.
  it("locks a trusted address after many failures across accounts", { timeout: 30_000 }, async () => {
    const people = Array.from({ length: ADDRESS_LIMITS.lockAfter }, () => insertPerson(db(), { passwordHash: hash }));
    for (const p of people) await verifyCredentials(p.email, "wrong password!!", from("198.51.100.1"), t0, noSleep);
    const fresh = insertPerson(db(), { passwordHash: hash });
    await expect(verifyCredentials(fresh.email, "a good long password", from("198.51.100.1"), t0 + 1000, noSleep)).resolves.toMatchObject({ ok: false, reason: "locked" });
  });

  it("only slows an address nobody vouches for, so claiming an office's address cannot lock the office out", { timeout: 30_000 }, async () => {
    const people = Array.from({ length: ADDRESS_LIMITS.lockAfter + 5 }, () => insertPerson(db(), { passwordHash: hash }));
    const delays: number[] = [];
    for (const p of people) await verifyCredentials(p.email, "wrong password!!", from("192.0.2.50", false), t0, async (ms) => void delays.push(ms));
    expect(delays.length).toBeGreaterThan(0);
    const colleague = insertPerson(db(), { passwordHash: hash });
    await expect(verifyCredentials(colleague.email, "a good long password", from("192.0.2.50", false), t0 + 1000, noSleep)).resolves.toMatchObject({ ok: true });
  });

  describe("with a device cookie from an earlier sign-in", () => {
    const right = "a good long password";
    async function lockedOut() {
      const person = insertPerson(db(), { passwordHash: hash });
      for (let i = 0; i < ACCOUNT_LIMITS.lockAfter; i++) await verifyCredentials(person.email, "wrong password!!", from(`10.4.0.${i}`), t0 - 60_000 + i, noSleep);
      await expect(verifyCredentials(person.email, right, from("10.5.0.1"), t0, noSleep)).resolves.toMatchObject({ ok: false, reason: "locked" });
      return person;
    }

    it("lets the person in past the account lock, which still stops everyone else", async () => {
      const person = await lockedOut();
      const device = signDeviceCookie(person.id, authSecret());
      await expect(verifyCredentials(person.email, right, from("10.5.0.2", true, device), t0, noSleep)).resolves.toEqual({ ok: true, personId: person.id });
      await expect(verifyCredentials(person.email, right, from("10.5.0.3"), t0 + 1000, noSleep)).resolves.toMatchObject({ ok: false, reason: "locked" });
    });

    it("does not let a forged cookie, or one from another account, past the lock", async () => {
      const person = await lockedOut();
      const other = insertPerson(db(), { passwordHash: hash });
      const [payload] = signDeviceCookie(person.id, authSecret()).split(".");
      for (const device of [
        signDeviceCookie(other.id, authSecret()),
        signDeviceCookie(person.id, "some-other-secret-of-enough-length-0000"),
        `${payload}.${"A".repeat(43)}`,
        `${payload}`,
      ]) {
        await expect(verifyCredentials(person.email, right, from("10.5.0.4", true, device), t0, noSleep)).resolves.toMatchObject({ ok: false, reason: "locked" });
      }
    });

    it("is rate-limited on its own, so a stolen cookie locks after as many wrong guesses as an account", async () => {
      const person = insertPerson(db(), { passwordHash: hash });
      const stolen = signDeviceCookie(person.id, authSecret());
      const delays: number[] = [];
      for (let i = 0; i < ACCOUNT_LIMITS.lockAfter; i++) {
        await verifyCredentials(person.email, "wrong password!!", from(`10.6.0.${i}`, true, stolen), t0 + i, async (ms) => void delays.push(ms));
      }
      expect(delays.slice(0, 2)).toEqual([500, 1000]);
      await expect(verifyCredentials(person.email, right, from("10.6.1.1", true, stolen), t0 + 60_000, noSleep)).resolves.toMatchObject({ ok: false, reason: "locked" });
      // Another of the person's devices has a count of its own.
      await expect(verifyCredentials(person.email, right, from("10.6.1.2", true, signDeviceCookie(person.id, authSecret())), t0 + 60_000, noSleep)).resolves.toMatchObject({ ok: true });
      await expect(verifyCredentials(person.email, right, from("10.6.1.1", true, stolen), t0 + 60_000 + ACCOUNT_LIMITS.lockMs, noSleep)).resolves.toMatchObject({ ok: true });
    });
  });
});
