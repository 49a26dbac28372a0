import { describe, expect, it } from "vitest";
import { allowanceFor, checkNewClaim, defaultYearSettings, progressSegments, summarise } from "./balance";

const settings = defaultYearSettings(2026);

describe("allowanceFor (proration)", () => {
  it("gives the full allowance to people who started before the year", () => {
    expect(allowanceFor(settings, "2019-03-04")).toBe(200_000);
    expect(allowanceFor(settings, "2025-12-31")).toBe(200_000);
  });
  it("counts whole months remaining including the start month", () => {
    expect(allowanceFor(settings, "2026-01-20")).toBe(200_000);
    expect(allowanceFor(settings, "2026-04-13")).toBe(150_000); // 9 months
    expect(allowanceFor(settings, "2026-12-01")).toBe(16_666); // 1 month, 16,666.67 rounded down
    expect(allowanceFor(settings, "2026-07-31")).toBe(100_000); // 6 months
  });
  it("rounds down to the minor unit", () => {
    expect(allowanceFor({ ...settings, allowanceMinor: 100 }, "2026-11-01")).toBe(16); // 100 * 2 / 12 = 16.67
  });
  it("gives nothing for a year before the person started", () => {
    expect(allowanceFor(settings, "2027-02-01")).toBe(0);
  });
  it("gives the full allowance when proration is off", () => {
    expect(allowanceFor({ ...settings, prorateNewStarters: false }, "2026-10-01")).toBe(200_000);
  });
});

describe("summarise", () => {
  const claims = [
    { status: "pending" as const, amountChargedMinor: 4_999 },
    { status: "pending" as const, amountChargedMinor: 1_000 },
    { status: "approved" as const, amountChargedMinor: 20_000 },
    { status: "reimbursed" as const, amountChargedMinor: 50_000 },
    { status: "rejected" as const, amountChargedMinor: 99_999 },
    { status: "withdrawn" as const, amountChargedMinor: 99_999 },
  ];
  it("holds pending, approved and reimbursed money; ignores rejected and withdrawn", () => {
    expect(summarise(200_000, claims)).toEqual({
      allowanceMinor: 200_000,
      pendingMinor: 5_999,
      approvedMinor: 20_000,
      reimbursedMinor: 50_000,
      remainingMinor: 124_001,
      overMinor: 0,
    });
  });
  it("starts at the full allowance with no claims", () => {
    expect(summarise(200_000, [])).toMatchObject({ remainingMinor: 200_000, overMinor: 0 });
  });
  it("never shows a negative remainder; a flagged excess shows as over", () => {
    expect(summarise(10_000, [{ status: "approved", amountChargedMinor: 12_500 }])).toMatchObject({ remainingMinor: 0, overMinor: 2_500 });
  });
  it("splits the progress bar by status", () => {
    expect(progressSegments(summarise(200_000, claims))).toEqual({ reimbursed: 25, approved: 10, pending: 3 });
  });
});

describe("checkNewClaim", () => {
  it("accepts a claim that fits, to the cent", () => {
    expect(checkNewClaim({ overBalance: "refuse" }, 5_000, 5_000)).toEqual({ allowed: true, overBalance: false });
  });
  it("refuses a claim over the remaining balance when the settings refuse", () => {
    expect(checkNewClaim({ overBalance: "refuse" }, 5_000, 5_001)).toEqual({ allowed: false, overBalance: true });
  });
  it("takes but flags it when the settings flag", () => {
    expect(checkNewClaim({ overBalance: "flag" }, 5_000, 5_001)).toEqual({ allowed: true, overBalance: true });
  });
});
