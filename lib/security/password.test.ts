import { afterEach, describe, expect, it, vi } from "vitest";
import { hashingCost, hashPassword, PASSWORD_COST, verifyPassword } from "./password";
import { newPasswordSchema } from "./password-rules";

describe("password hashing", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$\d+\$8\$1\$/);
    expect(hash).not.toContain("correct horse");
    await expect(verifyPassword("correct horse battery", hash)).resolves.toBe(true);
    await expect(verifyPassword("correct horse batterY", hash)).resolves.toBe(false);
  });

  it("salts every hash", async () => {
    expect(await hashPassword("same password 1")).not.toBe(await hashPassword("same password 1"));
  });

  it("rejects a missing or malformed stored hash", async () => {
    await expect(verifyPassword("anything at all", null)).resolves.toBe(false);
    await expect(verifyPassword("anything at all", "md5$abc")).resolves.toBe(false);
  });
});

describe("the hashing cost", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("is N=2^15 for every real hash", () => {
    expect(PASSWORD_COST).toEqual({ N: 32768, r: 8, p: 1 });
  });

  it("is cheap only in a test run that asks for it (lib/test/setup.ts does)", async () => {
    expect(process.env.NODE_ENV).toBe("test");
    expect(process.env.TRELLIS_TEST_PASSWORD_COST).toBe("cheap");
    expect(hashingCost().N).toBeLessThan(PASSWORD_COST.N);
    await expect(hashPassword("a test password")).resolves.toMatch(/^scrypt\$1024\$8\$1\$/);
  });

  it.each([
    ["production, with the test setting left in the environment", { NODE_ENV: "production", TRELLIS_TEST_PASSWORD_COST: "cheap" }],
    ["development, with the test setting", { NODE_ENV: "development", TRELLIS_TEST_PASSWORD_COST: "cheap" }],
    ["no NODE_ENV (scripts such as admin:create)", { NODE_ENV: undefined, TRELLIS_TEST_PASSWORD_COST: "cheap" }],
    ["a test run that did not ask", { NODE_ENV: "test", TRELLIS_TEST_PASSWORD_COST: undefined }],
    ["a test run asking for something else", { NODE_ENV: "test", TRELLIS_TEST_PASSWORD_COST: "0" }],
    // One real-cost hash each: about 0.1 s, or a second on a loaded machine.
  ])("is the real cost in %s", { timeout: 20_000 }, async (_, env) => {
    for (const [key, value] of Object.entries(env)) vi.stubEnv(key, value);
    expect(hashingCost()).toEqual(PASSWORD_COST);
    await expect(hashPassword("a production password")).resolves.toMatch(/^scrypt\$32768\$8\$1\$/);
  });

  it("still verifies a hash made at a cost other than the current one", async () => {
    const cheap = await hashPassword("made cheaply in a test");
    vi.stubEnv("NODE_ENV", "production");
    await expect(verifyPassword("made cheaply in a test", cheap)).resolves.toBe(true);
    await expect(verifyPassword("made cheaply in a tesT", cheap)).resolves.toBe(false);
  });
});

describe("new password rules", () => {
  it.each([
    ["short", false],
    ["aaaaaaaaaaaaaaaa", false],
    ["a".repeat(201), false],
    ["maple-river-42-lantern", true],
  ])("%s -> %s", (value, ok) => {
    expect(newPasswordSchema.safeParse(value).success).toBe(ok);
  });
});
