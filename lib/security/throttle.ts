/*
 * Sign-in throttling rules, pure so they can be tested with injected time.
 * Failures are counted per account and per client address within a window;
 * past a first threshold each attempt is slowed, past a second the key is
 * refused until the lock expires. A success clears the account's count.
 */

export type ThrottleState = { failures: number; firstFailureAt: number; lockedUntil: number | null };

export type ThrottleLimits = { windowMs: number; slowAfter: number; lockAfter: number; lockMs: number; maxDelayMs: number };

export const ACCOUNT_LIMITS: ThrottleLimits = { windowMs: 15 * 60_000, slowAfter: 3, lockAfter: 10, lockMs: 15 * 60_000, maxDelayMs: 4_000 };
// An office shares one address, so the per-address limits are looser.
export const ADDRESS_LIMITS: ThrottleLimits = { windowMs: 15 * 60_000, slowAfter: 20, lockAfter: 60, lockMs: 15 * 60_000, maxDelayMs: 4_000 };

/*
 * A browser that proves with a device cookie (lib/auth/device-cookie.ts) that
 * it signed in to this account before is counted on its own key instead of the
 * account's, so strangers locking the account do not lock the person out. It
 * gets the account's limits: a stolen cookie buys no more guesses than that.
 */
export const DEVICE_LIMITS: ThrottleLimits = ACCOUNT_LIMITS;

export type ThrottleKey = { key: string; limits: ThrottleLimits };

export const accountKey = (email: string) => `account:${email.trim().toLowerCase()}`;

/*
 * The counters a password attempt is checked against and counted on. An
 * address nobody vouches for only slows attempts: anyone could claim it, so it
 * must not be able to lock others out.
 */
export function signInKeys(email: string, client: { address: string; trusted: boolean }, device: { nonce: string } | null): ThrottleKey[] {
  return [
    device ? { key: `device:${device.nonce}`, limits: DEVICE_LIMITS } : { key: accountKey(email), limits: ACCOUNT_LIMITS },
    { key: `address:${client.address}`, limits: client.trusted ? ADDRESS_LIMITS : { ...ADDRESS_LIMITS, lockAfter: Number.POSITIVE_INFINITY } },
  ];
}

export type ThrottleVerdict = { allowed: true; delayMs: number } | { allowed: false; retryAfterMs: number };

function current(state: ThrottleState | null, limits: ThrottleLimits, now: number): ThrottleState | null {
  if (!state) return null;
  if (state.lockedUntil !== null && state.lockedUntil > now) return state;
  if (state.lockedUntil !== null || now - state.firstFailureAt > limits.windowMs) return null;
  return state;
}

export function assess(state: ThrottleState | null, limits: ThrottleLimits, now: number): ThrottleVerdict {
  const live = current(state, limits, now);
  if (!live) return { allowed: true, delayMs: 0 };
  if (live.lockedUntil !== null && live.lockedUntil > now) return { allowed: false, retryAfterMs: live.lockedUntil - now };
  const over = live.failures - limits.slowAfter + 1;
  return { allowed: true, delayMs: over > 0 ? Math.min(limits.maxDelayMs, 500 * 2 ** (over - 1)) : 0 };
}

export function recordFailure(state: ThrottleState | null, limits: ThrottleLimits, now: number): ThrottleState {
  const live = current(state, limits, now);
  const failures = (live?.failures ?? 0) + 1;
  return {
    failures,
    firstFailureAt: live?.firstFailureAt ?? now,
    lockedUntil: failures >= limits.lockAfter ? now + limits.lockMs : null,
  };
}
