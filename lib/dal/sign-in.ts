import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { people, signInThrottle } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { ACCOUNT_POLICY, ADDRESS_POLICY, assess, recordFailure, type ThrottlePolicy, type ThrottleState } from "@/lib/auth/throttle";

export type CredentialsResult =
  | { ok: true; personId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterMs: number };

function readState(key: string): ThrottleState | null {
  const row = db().select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
  return row ? { failures: row.failures, firstFailureAt: row.firstFailureAt.getTime(), lockedUntil: row.lockedUntil?.getTime() ?? null } : null;
}

function storeFailure(key: string, policy: ThrottlePolicy, now: number) {
  db().transaction(
    (tx) => {
      const row = tx.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
      const before = row ? { failures: row.failures, firstFailureAt: row.firstFailureAt.getTime(), lockedUntil: row.lockedUntil?.getTime() ?? null } : null;
      const next = recordFailure(before, policy, now);
      const values = { failures: next.failures, firstFailureAt: new Date(next.firstFailureAt), lockedUntil: next.lockedUntil ? new Date(next.lockedUntil) : null };
      tx.insert(signInThrottle).values({ key, ...values }).onConflictDoUpdate({ target: signInThrottle.key, set: values }).run();
    },
    { behavior: "immediate" },
  );
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/*
 * Email and password check with throttling per account and per client address.
 * Unknown emails, inactive people and wrong passwords give the same answer.
 */
export async function verifyCredentials(
  email: string,
  password: string,
  address: string,
  now = Date.now(),
  sleep: (ms: number) => Promise<void> = realSleep,
): Promise<CredentialsResult> {
  const normalised = email.trim().toLowerCase();
  const keys = [
    { key: `account:${normalised}`, policy: ACCOUNT_POLICY },
    { key: `address:${address}`, policy: ADDRESS_POLICY },
  ];
  let delayMs = 0;
  for (const { key, policy } of keys) {
    const verdict = assess(readState(key), policy, now);
    if (!verdict.allowed) return { ok: false, reason: "locked", retryAfterMs: verdict.retryAfterMs };
    delayMs = Math.max(delayMs, verdict.delayMs);
  }
  if (delayMs) await sleep(delayMs);

  const person = db().select({ id: people.id, passwordHash: people.passwordHash, active: people.active }).from(people).where(eq(people.email, normalised)).get();
  const matches = await verifyPassword(password, person?.passwordHash ?? null);
  if (!person || !person.active || !matches) {
    for (const { key, policy } of keys) storeFailure(key, policy, now);
    return { ok: false, reason: "invalid" };
  }
  db().delete(signInThrottle).where(eq(signInThrottle.key, keys[0]!.key)).run();
  return { ok: true, personId: person.id };
}
