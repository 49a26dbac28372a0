import { describe, expect, it } from "vitest";
import { ACCOUNT_LIMITS, ADDRESS_LIMITS, assess, DEVICE_LIMITS, recordFailure, signInKeys, type ThrottleState } from "./throttle";

const t0 = Date.UTC(2026, 10, 22, 9, 0, 0);

function failTimes(n: number, start = t0): ThrottleState | null {
  let state: ThrottleState | null = null;
  for (let i = 0; i < n; i++) state = recordFailure(state, ACCOUNT_LIMITS, start + i * 1000);
  return state;
}

describe("sign-in throttle", () => {
  it("lets a first attempt through without delay", () => {
    expect(assess(null, ACCOUNT_LIMITS, t0)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("does not slow the first few failures", () => {
    expect(assess(failTimes(ACCOUNT_LIMITS.slowAfter - 1), ACCOUNT_LIMITS, t0 + 10_000)).toEqual({ allowed: true, delayMs: 0 });
  });

  it("slows attempts after the threshold, more with each failure, up to a cap", () => {
    const first = assess(failTimes(ACCOUNT_LIMITS.slowAfter), ACCOUNT_LIMITS, t0 + 20_000);
    const later = assess(failTimes(ACCOUNT_LIMITS.slowAfter + 2), ACCOUNT_LIMITS, t0 + 20_000);
    expect(first).toEqual({ allowed: true, delayMs: 500 });
    expect(later.allowed && later.delayMs).toBe(2000);
    const capped = assess(failTimes(ACCOUNT_LIMITS.lockAfter - 1), ACCOUNT_LIMITS, t0 + 20_000);
    expect(capped.allowed && capped.delayMs).toBeLessThanOrEqual(ACCOUNT_LIMITS.maxDelayMs);
  });

  it("refuses for the lock period once the limit is reached, then lets people try again", () => {
    const locked = failTimes(ACCOUNT_LIMITS.lockAfter)!;
    const lastFailure = t0 + (ACCOUNT_LIMITS.lockAfter - 1) * 1000;
    expect(assess(locked, ACCOUNT_LIMITS, lastFailure + 1000)).toEqual({ allowed: false, retryAfterMs: ACCOUNT_LIMITS.lockMs - 1000 });
    expect(assess(locked, ACCOUNT_LIMITS, lastFailure + ACCOUNT_LIMITS.lockMs + 1)).toEqual({ allowed: true, delayMs: 0 });
    expect(recordFailure(locked, ACCOUNT_LIMITS, lastFailure + ACCOUNT_LIMITS.lockMs + 1).failures).toBe(1);
  });

  it("forgets failures older than the window", () => {
    const state = failTimes(ACCOUNT_LIMITS.slowAfter + 1);
    expect(assess(state, ACCOUNT_LIMITS, t0 + ACCOUNT_LIMITS.windowMs + 60_000)).toEqual({ allowed: true, delayMs: 0 });
  });
});

describe("which counters a sign-in attempt uses", () => {
  const office = { address: "203.0.113.7", trusted: true };

  it("counts a browser without a device cookie on the account", () => {
    expect(signInKeys(" Jo@Example.com", office, null)).toEqual([
      { key: "account:jo@example.com", limits: ACCOUNT_LIMITS },
      { key: "address:203.0.113.7", limits: ADDRESS_LIMITS },
    ]);
  });

  it("counts a known device on its own key instead, with the account's limits", () => {
    expect(signInKeys("jo@example.com", office, { nonce: "n1" })).toEqual([
      { key: "device:n1", limits: DEVICE_LIMITS },
      { key: "address:203.0.113.7", limits: ADDRESS_LIMITS },
    ]);
    expect(DEVICE_LIMITS).toEqual(ACCOUNT_LIMITS);
  });

  it("never lets an unvouched address lock", () => {
    const [, address] = signInKeys("jo@example.com", { address: "192.0.2.1", trusted: false }, null);
    expect(address!.limits.lockAfter).toBe(Number.POSITIVE_INFINITY);
  });

  it("leaves a known device free while the account is locked, and locks the device on its own failures", () => {
    const [account] = signInKeys("jo@example.com", office, null);
    const [device] = signInKeys("jo@example.com", office, { nonce: "n1" });
    const states = new Map<string, ThrottleState | null>();
    for (let i = 0; i < ACCOUNT_LIMITS.lockAfter; i++) states.set(account!.key, recordFailure(states.get(account!.key) ?? null, account!.limits, t0 + i));
    const later = t0 + 60_000;
    expect(assess(states.get(account!.key)!, account!.limits, later).allowed).toBe(false);
    expect(assess(states.get(device!.key) ?? null, device!.limits, later)).toEqual({ allowed: true, delayMs: 0 });
    for (let i = 0; i < DEVICE_LIMITS.lockAfter; i++) states.set(device!.key, recordFailure(states.get(device!.key) ?? null, device!.limits, later + i));
    expect(assess(states.get(device!.key)!, device!.limits, later + 60_000).allowed).toBe(false);
    expect(assess(states.get(device!.key)!, device!.limits, later + DEVICE_LIMITS.lockMs + 60_000).allowed).toBe(true);
  });
});
