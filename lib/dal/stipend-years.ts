import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { people, stipendClaims, stipendPolicies } from "@/db/schema";
import type { Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { canAdministerStipend } from "@/lib/policies/stipend";
import { allowanceFor, defaultPolicy, HOLDING_STATUSES, type StipendPolicy } from "@/lib/stipend/balance";
import { formatMoney } from "@/lib/stipend/money";
import { recordAudit } from "./audit";

/* A year's stipend settings (allowance, currency, categories, over-balance rule, proration), and what is held against them. */
export function readPolicy(ex: Executor, year: number): StipendPolicy & { version: number; saved: boolean } {
  const row = ex.select().from(stipendPolicies).where(eq(stipendPolicies.year, year)).get();
  if (!row) return { ...defaultPolicy(year), version: 0, saved: false };
  return {
    year: row.year,
    allowanceMinor: row.allowanceMinor,
    currency: row.currency,
    categories: row.categories,
    overBalance: row.overBalance,
    prorateNewStarters: row.prorateNewStarters,
    version: row.version,
    saved: true,
  };
}

/*
 * A year's policy, the default until an admin saves one. The first claim of a
 * year writes the default down, so a later change to the default can never
 * move a year that already has money in it.
 */
export function getStipendPolicy(year: number) {
  return readPolicy(db(), year);
}

export function ensurePolicyRow(tx: Executor, year: number): StipendPolicy {
  const policy = readPolicy(tx, year);
  if (!policy.saved) {
    tx.insert(stipendPolicies).values({ year, allowanceMinor: policy.allowanceMinor, currency: policy.currency, categories: policy.categories, overBalance: policy.overBalance, prorateNewStarters: policy.prorateNewStarters }).run();
  }
  return policy;
}

export function heldMinor(ex: Executor, personId: string, year: number): number {
  const row = ex
    .select({ total: sql<number>`coalesce(sum(${stipendClaims.amountChargedMinor}), 0)` })
    .from(stipendClaims)
    .where(and(eq(stipendClaims.personId, personId), eq(stipendClaims.year, year), inArray(stipendClaims.status, [...HOLDING_STATUSES])))
    .get();
  return row?.total ?? 0;
}

/*
 * A start date sets the prorated allowance of its year. Moving it must not
 * shrink an allowance below what the person already holds in claims.
 */
export function startDateChangeProblem(tx: Executor, personId: string, before: string, after: string): string | null {
  if (before === after) return null;
  for (const year of new Set([Number(before.slice(0, 4)), Number(after.slice(0, 4))])) {
    const held = heldMinor(tx, personId, year);
    if (held === 0) continue;
    const policy = readPolicy(tx, year);
    if (allowanceFor(policy, after) < Math.min(held, allowanceFor(policy, before))) {
      return `With this start date their ${year} stipend would be ${formatMoney(allowanceFor(policy, after), policy.currency)}, less than the ${formatMoney(held, policy.currency)} they have already claimed`;
    }
  }
  return null;
}

/* The years the viewer can switch between on their own stipend page. */
export function listStipendYears(viewer: Viewer, currentYear: number): number[] {
  const claimYears = db().selectDistinct({ year: stipendClaims.year }).from(stipendClaims).where(eq(stipendClaims.personId, viewer.id)).all();
  const policyYears = db().select({ year: stipendPolicies.year }).from(stipendPolicies).all();
  return [...new Set([currentYear, currentYear - 1, ...claimYears.map((r) => r.year), ...policyYears.map((r) => r.year)])].filter((y) => y <= currentYear + 1).sort((a, b) => b - a);
}

export type PolicyInput = Omit<StipendPolicy, "year">;
export type SavePolicyResult = { ok: true } | { ok: false; field?: "allowance" | "currency"; message: string };

/*
 * Saves a year's policy. Each year is its own row, so next year's change
 * leaves this year alone. Within a year that has claims, the currency is
 * fixed (amounts are in it) and the allowance cannot drop below what anyone
 * already holds, so no balance goes negative.
 */
export function saveStipendPolicy(viewer: Viewer, year: number, input: PolicyInput, expectedVersion: number): SavePolicyResult {
  if (!canAdministerStipend(viewer)) throw new NotFoundError("stipend policy");
  return db().transaction(
    (tx): SavePolicyResult => {
      const current = readPolicy(tx, year);
      if (current.version !== expectedVersion) return { ok: false, message: "Someone else changed this policy since you opened it. Reload to see their change." };
      const held = tx
        .select({ personId: stipendClaims.personId, startDate: people.startDate, name: people.name, total: sql<number>`sum(${stipendClaims.amountChargedMinor})` })
        .from(stipendClaims)
        .innerJoin(people, eq(people.id, stipendClaims.personId))
        .where(and(eq(stipendClaims.year, year), inArray(stipendClaims.status, [...HOLDING_STATUSES])))
        .groupBy(stipendClaims.personId)
        .all();
      const anyClaims = tx.select({ id: stipendClaims.id }).from(stipendClaims).where(eq(stipendClaims.year, year)).limit(1).get();
      if (anyClaims && input.currency !== current.currency) return { ok: false, field: "currency", message: `${year} already has claims in ${current.currency}; its currency can't change` };
      const next = { year, ...input };
      // Only a cut can strand someone: refuse when the new allowance is below what they hold and below what they had.
      const short = held.find((h) => allowanceFor(next, h.startDate) < Math.min(h.total, allowanceFor(current, h.startDate)));
      if (short) {
        return { ok: false, field: "allowance", message: `${short.name} already has ${formatMoney(short.total, current.currency)} in claims for ${year}; the allowance can't go below that` };
      }
      const values = { ...input, updatedById: viewer.id, updatedAt: new Date() };
      if (current.saved) tx.update(stipendPolicies).set({ ...values, version: current.version + 1 }).where(eq(stipendPolicies.year, year)).run();
      else tx.insert(stipendPolicies).values({ year, ...values }).run();
      recordAudit(tx, {
        actorId: viewer.id,
        action: "stipend-policy.save",
        recordType: "stipend-policy",
        recordId: String(year),
        summary: `${year}: ${formatMoney(input.allowanceMinor, input.currency)}, ${input.overBalance} over balance, proration ${input.prorateNewStarters ? "on" : "off"}, categories ${input.categories.join(", ")}`,
      });
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}
