/*
 * Sign-in throttling rules, pure so they can be tested with injected time.
 * Failures are counted per account and per client address within a window;
 * past a first threshold each attempt is slowed, past a second the key is
 * refused until the lock expires. A success clears the account's count.
 */

export type ThrottleState = { failures: number; firstFailureAt: number; lockedUntil: number | null };

export type ThrottlePolicy = { windowMs: number; slowAfter: number; lockAfter: number; lockMs: number; maxDelayMs: number };

export const ACCOUNT_POLICY: ThrottlePolicy = { windowMs: 15 * 60_000, slowAfter: 3, lockAfter: 10, lockMs: 15 * 60_000, maxDelayMs: 4_000 };
// An office shares one address, so the per-address limits are looser.
export const ADDRESS_POLICY: ThrottlePolicy = { windowMs: 15 * 60_000, slowAfter: 20, lockAfter: 60, lockMs: 15 * 60_000, maxDelayMs: 4_000 };

export type ThrottleVerdict = { allowed: true; delayMs: number } | { allowed: false; retryAfterMs: number };

function current(state: ThrottleState | null, policy: ThrottlePolicy, now: number): ThrottleState | null {
  if (!state) return null;
  if (state.lockedUntil !== null && state.lockedUntil > now) return state;
  if (state.lockedUntil !== null || now - state.firstFailureAt > policy.windowMs) return null;
  return state;
}

export function assess(state: ThrottleState | null, policy: ThrottlePolicy, now: number): ThrottleVerdict {
  const live = current(state, policy, now);
  if (!live) return { allowed: true, delayMs: 0 };
  if (live.lockedUntil !== null && live.lockedUntil > now) return { allowed: false, retryAfterMs: live.lockedUntil - now };
  const over = live.failures - policy.slowAfter + 1;
  return { allowed: true, delayMs: over > 0 ? Math.min(policy.maxDelayMs, 500 * 2 ** (over - 1)) : 0 };
}

export function recordFailure(state: ThrottleState | null, policy: ThrottlePolicy, now: number): ThrottleState {
  const live = current(state, policy, now);
  const failures = (live?.failures ?? 0) + 1;
  return {
    failures,
    firstFailureAt: live?.firstFailureAt ?? now,
    lockedUntil: failures >= policy.lockAfter ? now + policy.lockMs : null,
  };
}
