import "server-only";
import { eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { people, signInThrottle } from "@/db/schema";
import { readDeviceCookie } from "@/lib/security/device-cookie";
import { verifyPassword } from "@/lib/security/password";
import { assess, recordFailure, signInKeys, type ThrottleKey, type ThrottleState } from "@/lib/security/throttle";
import { authSecret } from "@/lib/config";

export type CredentialsResult =
  | { ok: true; personId: string }
  | { ok: false; reason: "invalid" }
  | { ok: false; reason: "locked"; retryAfterMs: number };


function readState(tx: Executor, key: string): ThrottleState | null {
  const row = tx.select().from(signInThrottle).where(eq(signInThrottle.key, key)).get();
  return row ? { failures: row.failures, firstFailureAt: row.firstFailureAt.getTime(), lockedUntil: row.lockedUntil?.getTime() ?? null } : null;
}

function writeState(tx: Executor, key: string, state: ThrottleState) {
  const values = { failures: state.failures, firstFailureAt: new Date(state.firstFailureAt), lockedUntil: state.lockedUntil ? new Date(state.lockedUntil) : null };
  tx.insert(signInThrottle).values({ key, ...values }).onConflictDoUpdate({ target: signInThrottle.key, set: values }).run();
}

/*
 * Checks the limits and counts this attempt as a failure in one immediate
 * transaction, before any password is checked, so parallel guesses cannot all
 * slip in under the limit. A success takes the count back (forgiveAttempt).
 */
export function beginAttempt(keys: ThrottleKey[], now: number): { allowed: true; delayMs: number } | { allowed: false; retryAfterMs: number } {
  return db().transaction(
    (tx) => {
      let delayMs = 0;
      for (const { key, limits } of keys) {
        const verdict = assess(readState(tx, key), limits, now);
        if (!verdict.allowed) return verdict;
        delayMs = Math.max(delayMs, verdict.delayMs);
      }
      for (const { key, limits } of keys) writeState(tx, key, recordFailure(readState(tx, key), limits, now));
      return { allowed: true as const, delayMs };
    },
    { behavior: "immediate" },
  );
}

export function forgiveAttempt(keys: ThrottleKey[]) {
  db().transaction((tx) => {
    for (const { key } of keys) {
      if (key.startsWith("account:") || key.startsWith("device:")) tx.delete(signInThrottle).where(eq(signInThrottle.key, key)).run();
      else tx.update(signInThrottle).set({ failures: sql`max(${signInThrottle.failures} - 1, 0)` }).where(eq(signInThrottle.key, key)).run();
    }
  });
}

const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/*
 * Email and password check, throttled per account (or per device, see
 * signInKeys) and per client address. Unknown emails, inactive people and
 * wrong passwords give the same answer. `client.device` is the raw device
 * cookie; it counts only if its signature holds and it names this account.
 */
export async function verifyCredentials(
  email: string,
  password: string,
  client: { address: string; trusted: boolean; device?: string | null },
  now = Date.now(),
  sleep: (ms: number) => Promise<void> = realSleep,
): Promise<CredentialsResult> {
  const normalised = email.trim().toLowerCase();
  const person = db().select({ id: people.id, passwordHash: people.passwordHash, active: people.active }).from(people).where(eq(people.email, normalised)).get();
  const device = client.device ? readDeviceCookie(client.device, authSecret()) : null;
  const keys = signInKeys(normalised, client, person && device?.personId === person.id ? device : null);
  const attempt = beginAttempt(keys, now);
  if (!attempt.allowed) return { ok: false, reason: "locked", retryAfterMs: attempt.retryAfterMs };
  if (attempt.delayMs) await sleep(attempt.delayMs);

  const matches = await verifyPassword(password, person?.passwordHash ?? null);
  if (!person || !person.active || !matches) return { ok: false, reason: "invalid" };
  forgiveAttempt(keys);
  return { ok: true, personId: person.id };
}
