import "server-only";
import { eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { people, signInThrottle } from "@/db/schema";
import { verifyPassword } from "@/lib/auth/password";
import { ACCOUNT_POLICY, ADDRESS_POLICY, assess, recordFailure, type ThrottlePolicy, type ThrottleState } from "@/lib/auth/throttle";

export type CredentialsResult =
  | { ok: true; personId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterMs: number };

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;

function readState(tx: Executor, key: string): ThrottleState | null {
  const row = tx.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
  return row ? { failures: row.failures, firstFailureAt: row.firstFailureAt.getTime(), lockedUntil: row.lockedUntil?.getTime() ?? null } : null;
}

function writeState(tx: Executor, key: string, state: ThrottleState) {
  const values = { failures: state.failures, firstFailureAt: new Date(state.firstFailureAt), lockedUntil: state.lockedUntil ? new Date(state.lockedUntil) : null };
  tx.insert(signInThrottle).values({ key, ...values }).onConflictDoUpdate({ target: signInThrottle.key, set: values }).run();
}

export type ThrottleKey = { key: string; policy: ThrottlePolicy };

/*
 * Checks the limits and counts this attempt as a failure in one immediate
 * transaction, before any password is checked, so parallel guesses cannot all
 * slip in under the limit. A success takes the count back (forgiveAttempt).
 */
export function beginAttempt(keys: ThrottleKey[], now: number): { allowed: true; delayMs: number } | { allowed: false; retryAfterMs: number } {
  return db().transaction(
    (tx) => {
      let delayMs = 0;
      for (const { key, policy } of keys) {
        const verdict = assess(readState(tx, key), policy, now);
        if (!verdict.allowed) return verdict;
        delayMs = Math.max(delayMs, verdict.delayMs);
      }
      for (const { key, policy } of keys) writeState(tx, key, recordFailure(readState(tx, key), policy, now));
      return { allowed: true as const, delayMs };
    },
    { behavior: "immediate" },
  );
}

export function forgiveAttempt(keys: ThrottleKey[]) {
  db().transaction((tx) => {
    for (const { key } of keys) {
      if (key.startsWith("account:")) tx.delete(signInThrottle).where(eq(signInThrottle.key, key)).run();
      else tx.update(signInThrottle).set({ failures: sql`max(${signInThrottle.failures} - 1, 0)` }).where(eq(signInThrottle.key, key)).run();
    }
  });
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/*
 * Email and password check, throttled per account and per client address.
 * Unknown emails, inactive people and wrong passwords give the same answer.
 * An address that is not vouched for by a trusted proxy only slows attempts:
 * anyone could claim it, so it must not be able to lock others out.
 */
export async function verifyCredentials(
  email: string,
  password: string,
  client: { address: string; trusted: boolean },
  now = Date.now(),
  sleep: (ms: number) => Promise<void> = realSleep,
): Promise<CredentialsResult> {
  const normalised = email.trim().toLowerCase();
  const keys: ThrottleKey[] = [
    { key: accountKey(normalised), policy: ACCOUNT_POLICY },
    { key: `address:${client.address}`, policy: client.trusted ? ADDRESS_POLICY : { ...ADDRESS_POLICY, lockAfter: Number.POSITIVE_INFINITY } },
  ];
  const attempt = beginAttempt(keys, now);
  if (!attempt.allowed) return { ok: false, reason: "locked", retryAfterMs: attempt.retryAfterMs };
  if (attempt.delayMs) await sleep(attempt.delayMs);

  const person = db().select({ id: people.id, passwordHash: people.passwordHash, active: people.active }).from(people).where(eq(people.email, normalised)).get();
  const matches = await verifyPassword(password, person?.passwordHash ?? null);
  if (!person || !person.active || !matches) return { ok: false, reason: "invalid" };
  forgiveAttempt(keys);
  return { ok: true, personId: person.id };
}
