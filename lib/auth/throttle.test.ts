import { describe, expect, it } from "vitest";
import { ACCOUNT_POLICY, assess, recordFailure, type ThrottleState } from "./throttle";

const t0 = Date.UTC(2026, 10, 22, 9, 0, 0);

function failTimes(n: number, start = t0): ThrottleState | null {
  let state: ThrottleState | null = null;
  for (let i = 0; i < n; i++) state = recordFailure(state, ACCOUNT_POLICY, start + i * 1000);
  return state;
}

describe("sign-in throttle", () => {
  it("lets a first attempt through without delay", () => {
    expect(assess(null, ACCOUNT_POLICY, t0)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("does not slow the first few failures", () => {
    expect(assess(failTimes(ACCOUNT_POLICY.slowAfter - 1), ACCOUNT_POLICY, t0 + 10_000)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("slows attempts after the threshold, more with each failure, up to a cap", () => {
    const first = assess(failTimes(ACCOUNT_POLICY.slowAfter), ACCOUNT_POLICY, t0 + 20_000);
    const later = assess(failTimes(ACCOUNT_POLICY.slowAfter + 2), ACCOUNT_POLICY, t0 + 20_000);
    expect(first).toEqual({ allowed: true, delayMs: 500 });
    expect(later.allowed && later.delayMs).toBe(2000);
    const capped = assess(failTimes(ACCOUNT_POLICY.lockAfter - 1), ACCOUNT_POLICY, t0 + 20_000);
    expect(capped.allowed && capped.delayMs).toBeLessThanOrEqual(ACCOUNT_POLICY.maxDelayMs);
  });

  it("refuses for the lock period once the limit is reached, then lets people try again", () => {
    const locked = failTimes(ACCOUNT_POLICY.lockAfter)!;
    const lastFailure = t0 + (ACCOUNT_POLICY.lockAfter - 1) * 1000;
    expect(assess(locked, ACCOUNT_POLICY, lastFailure + 1000)).toEqual({ allowed: false, retryAfterMs: ACCOUNT_POLICY.lockMs - 1000 });
    expect(assess(locked, ACCOUNT_POLICY, lastFailure + ACCOUNT_POLICY.lockMs + 1)).toEqual({ allowed: true, delayMs: 0 });
    expect(recordFailure(locked, ACCOUNT_POLICY, lastFailure + ACCOUNT_POLICY.lockMs + 1).failures).toBe(1);
  });

  it("forgets failures older than the window", () => {
    const state = failTimes(ACCOUNT_POLICY.slowAfter + 1);
    expect(assess(state, ACCOUNT_POLICY, t0 + ACCOUNT_POLICY.windowMs + 60_000)).toEqual({ allowed: true, delayMs: 0 });
  });
});
