import type { ClaimStatus } from "@/lib/domain/enums";

/*
 * A person's stipend for one calendar year. Pending, approved and reimbursed
 * claims all hold money; rejected and withdrawn claims hold none.
 */

export type StipendYearSettings = {
  year: number;
  allowanceMinor: number;
  currency: string;
  categories: string[];
  overBalance: "refuse" | "flag";
  prorateNewStarters: boolean;
};

export const DEFAULT_CATEGORIES = ["Books", "Courses", "Conferences", "Webinars", "Coaching", "Other"];

/* What a year looks like before an admin has set it. */
export function defaultYearSettings(year: number): StipendYearSettings {
  return { year, allowanceMinor: 200_000, currency: "USD", categories: [...DEFAULT_CATEGORIES], overBalance: "refuse", prorateNewStarters: true };
}

/*
 * Someone starting mid-year gets the allowance for the whole months left,
 * counting the start month, rounded down to the minor unit. Starting before
 * the year gives the full allowance; starting after it gives nothing.
 */
export function allowanceFor(settings: Pick<StipendYearSettings, "year" | "allowanceMinor" | "prorateNewStarters">, startDate: string): number {
  const startYear = Number(startDate.slice(0, 4));
  const startMonth = Number(startDate.slice(5, 7));
  if (startYear > settings.year) return 0;
  if (startYear < settings.year || !settings.prorateNewStarters) return settings.allowanceMinor;
  const monthsRemaining = 12 - startMonth + 1;
  return Math.floor((settings.allowanceMinor * monthsRemaining) / 12);
}

export const HOLDING_STATUSES: readonly ClaimStatus[] = ["pending", "approved", "reimbursed"];

export type BalanceSummary = {
  allowanceMinor: number;
  pendingMinor: number;
  approvedMinor: number;
  reimbursedMinor: number;
  /* Allowance minus everything held; never shown below zero. */
  remainingMinor: number;
  /* How far flagged exceptions took the person past their allowance. */
  overMinor: number;
};

export function summarise(allowanceMinor: number, claims: { status: ClaimStatus; amountChargedMinor: number }[]): BalanceSummary {
  const sum = (status: ClaimStatus) => claims.filter((c) => c.status === status).reduce((total, c) => total + c.amountChargedMinor, 0);
  const pendingMinor = sum("pending");
  const approvedMinor = sum("approved");
  const reimbursedMinor = sum("reimbursed");
  const left = allowanceMinor - pendingMinor - approvedMinor - reimbursedMinor;
  return { allowanceMinor, pendingMinor, approvedMinor, reimbursedMinor, remainingMinor: Math.max(0, left), overMinor: Math.max(0, -left) };
}

/* Whether a new claim fits; in "flag" mode it is taken anyway and marked for the approver. */
export function checkNewClaim(settings: Pick<StipendYearSettings, "overBalance">, remainingMinor: number, amountChargedMinor: number): { allowed: boolean; overBalance: boolean } {
  const over = amountChargedMinor > remainingMinor;
  if (!over) return { allowed: true, overBalance: false };
  return settings.overBalance === "flag" ? { allowed: true, overBalance: true } : { allowed: false, overBalance: true };
}

/* Percentages for the progress bar, each segment of the allowance. */
export function progressSegments(summary: BalanceSummary) {
  const base = Math.max(summary.allowanceMinor, summary.pendingMinor + summary.approvedMinor + summary.reimbursedMinor, 1);
  const pct = (minor: number) => Math.round((minor / base) * 1000) / 10;
  return { reimbursed: pct(summary.reimbursedMinor), approved: pct(summary.approvedMinor), pending: pct(summary.pendingMinor) };
}
