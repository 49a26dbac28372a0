import "server-only";
import { and, eq, inArray, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { people, stipendClaims, stipendYearSettings } from "@/db/schema";
import { yearOf, yearsAround } from "@/lib/domain/org-time";
import { conflicted, done, fieldError, type Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { canAdministerStipend } from "@/lib/policies/stipend";
import { allowanceFor, defaultYearSettings, HOLDING_STATUSES, type StipendYearSettings } from "@/lib/stipend/balance";
import { formatMoney } from "@/lib/stipend/money";
import { recordAudit } from "./audit";

/* A year's stipend settings (allowance, currency, categories, over-balance rule, proration), and what is held against them. */
export function readYearSettings(ex: Executor, year: number): StipendYearSettings & { version: number; saved: boolean } {
  const row = ex.select().from(stipendYearSettings).where(eq(stipendYearSettings.year, year)).get();
  if (!row) return { ...defaultYearSettings(year), version: 0, saved: false };
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
 * A year's settings, the defaults until an admin saves one. The first claim of a
 * year writes the default down, so a later change to the default can never
 * move a year that already has money in it.
 */
export function getYearSettings(year: number) {
  return readYearSettings(db(), year);
}

export function ensureYearSettingsRow(tx: Executor, year: number): StipendYearSettings {
  const settings = readYearSettings(tx, year);
  if (!settings.saved) {
    tx.insert(stipendYearSettings).values({ year, allowanceMinor: settings.allowanceMinor, currency: settings.currency, categories: settings.categories, overBalance: settings.overBalance, prorateNewStarters: settings.prorateNewStarters }).run();
  }
  return settings;
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
  for (const year of new Set([yearOf(before), yearOf(after)])) {
    const held = heldMinor(tx, personId, year);
    if (held === 0) continue;
    const settings = readYearSettings(tx, year);
    if (allowanceFor(settings, after) < Math.min(held, allowanceFor(settings, before))) {
      return `With this start date their ${year} stipend would be ${formatMoney(allowanceFor(settings, after), settings.currency)}, less than the ${formatMoney(held, settings.currency)} they have already claimed`;
    }
  }
  return null;
}

/* The years the viewer can switch between on their own stipend page. */
export function listStipendYears(viewer: Viewer, currentYear: number): number[] {
  const claimYears = db().selectDistinct({ year: stipendClaims.year }).from(stipendClaims).where(eq(stipendClaims.personId, viewer.id)).all();
  const settingsYears = db().select({ year: stipendYearSettings.year }).from(stipendYearSettings).all();
  return [...new Set([...yearsAround(currentYear), ...claimYears.map((r) => r.year), ...settingsYears.map((r) => r.year)])].filter((y) => y <= currentYear + 1).sort((a, b) => b - a);
}

export type YearSettingsInput = Omit<StipendYearSettings, "year">;
/*
 * Saves a year's settings. Each year is its own row, so next year's change
 * leaves this year alone. Within a year that has claims, the currency is
 * fixed (amounts are in it) and the allowance cannot drop below what anyone
 * already holds, so no balance goes negative.
 */
export function saveYearSettings(viewer: Viewer, year: number, input: YearSettingsInput, expectedVersion: number): Result {
  if (!canAdministerStipend(viewer)) throw new NotFoundError("stipend settings");
  return db().transaction(
    (tx): Result => {
      const current = readYearSettings(tx, year);
      if (current.version !== expectedVersion) return conflicted(current.version, undefined, "Someone else changed these settings since you opened them. Reload to see their change.");
      const held = tx
        .select({ personId: stipendClaims.personId, startDate: people.startDate, name: people.name, total: sql<number>`sum(${stipendClaims.amountChargedMinor})` })
        .from(stipendClaims)
        .innerJoin(people, eq(people.id, stipendClaims.personId))
        .where(and(eq(stipendClaims.year, year), inArray(stipendClaims.status, [...HOLDING_STATUSES])))
        .groupBy(stipendClaims.personId)
        .all();
      const anyClaims = tx.select({ id: stipendClaims.id }).from(stipendClaims).where(eq(stipendClaims.year, year)).limit(1).get();
      if (anyClaims && input.currency !== current.currency) return fieldError("currency", `${year} already has claims in ${current.currency}; its currency can't change`);
      const next = { year, ...input };
      // Only a cut can strand someone: refuse when the new allowance is below what they hold and below what they had.
      const short = held.find((h) => allowanceFor(next, h.startDate) < Math.min(h.total, allowanceFor(current, h.startDate)));
      if (short) {
        return fieldError("allowance", `${short.name} already has ${formatMoney(short.total, current.currency)} in claims for ${year}; the allowance can't go below that`);
      }
      const values = { ...input, updatedById: viewer.id, updatedAt: new Date() };
      if (current.saved) tx.update(stipendYearSettings).set({ ...values, version: current.version + 1 }).where(eq(stipendYearSettings.year, year)).run();
      else tx.insert(stipendYearSettings).values({ year, ...values }).run();
      recordAudit(tx, {
        actorId: viewer.id,
        action: "stipend-year.save",
        recordType: "stipend-year",
        recordId: String(year),
        summary: `${year}: ${formatMoney(input.allowanceMinor, input.currency)}, ${input.overBalance} over balance, proration ${input.prorateNewStarters ? "on" : "off"}, categories ${input.categories.join(", ")}`,
      });
      return done;
    },
    { behavior: "immediate" },
  );
}
