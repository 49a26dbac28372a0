import crypto from "node:crypto";
import { promisify } from "node:util";

const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, keylen: number, options: crypto.ScryptOptions) => Promise<Buffer>;

/*
 * scrypt (memory-hard, in Node's standard library, no native add-on to build).
 * Parameters are stored with each hash so they can be raised later without
 * invalidating existing passwords.
 */
export const PASSWORD_COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_LENGTH = 32;

/*
 * Unit tests check hundreds of passwords, each ~100 ms at the real cost. They
 * may ask for a cheap one (lib/test/setup.ts), which takes both signals: Vitest's
 * NODE_ENV "test" (a production build compiles NODE_ENV to "production") and
 * TRELLIS_TEST_PASSWORD_COST=cheap. Anything else hashes at PASSWORD_COST.
 */
const TEST_COST = { N: 2 ** 10, r: 8, p: 1 } as const;

export function hashingCost(): { N: number; r: number; p: number } {
  return process.env.NODE_ENV === "test" && process.env.TRELLIS_TEST_PASSWORD_COST === "cheap" ? TEST_COST : PASSWORD_COST;
}

const maxmem = (cost: { N: number; r: number }) => 128 * cost.N * cost.r * 2;

export async function hashPassword(password: string): Promise<string> {
  const cost = hashingCost();
  const salt = crypto.randomBytes(16);
  const hash = await scrypt(password.normalize("NFKC"), salt, KEY_LENGTH, { ...cost, maxmem: maxmem(cost) });
  return ["scrypt", cost.N, cost.r, cost.p, salt.toString("base64"), hash.toString("base64")].join("$");
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (!stored) {
    // Spend the same time as a real check so a missing account is not revealed by timing.
    await hashPassword(password);
    return false;
  }
  const [scheme, n, r, p, salt, hash] = stored.split("$");
  if (scheme !== "scrypt" || !n || !r || !p || !salt || !hash) return false;
  const expected = Buffer.from(hash, "base64");
  const params = { N: Number(n), r: Number(r), p: Number(p) };
  const actual = await scrypt(password.normalize("NFKC"), Buffer.from(salt, "base64"), expected.length, { ...params, maxmem: maxmem(params) });
  return crypto.timingSafeEqual(actual, expected);
}
