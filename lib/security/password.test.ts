import { describe, expect, it } from "vitest";
import { hashPassword, verifyPassword } from "./password";
import { newPasswordSchema } from "./password-rules";

describe("password hashing", () => {
  it("verifies the right password and rejects a wrong one", async () => {
    const hash = await hashPassword("correct horse battery");
    expect(hash).toMatch(/^scrypt\$32768\$8\$1\$/);
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
