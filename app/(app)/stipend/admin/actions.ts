"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { MAX_RETENTION_DAYS, saveReceiptRetention } from "@/lib/dal/stipend-receipts";
import { saveYearSettings } from "@/lib/dal/stipend-years";
import type { FieldErrors } from "@/lib/domain/result";
import { isCurrency, parseMoney } from "@/lib/stipend/money";

export type YearSettingsFormValues = { allowance: string; currency: string; categories: string; overBalance: string; prorateNewStarters?: string };

const strict = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  version: z.coerce.number().int().min(0),
  currency: z.string().refine(isCurrency, "Choose a currency"),
  categories: z
    .string()
    .transform((v) => [...new Set(v.split(/\r?\n/).map((c) => c.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(60, "Keep each category under 60 characters")).min(1, "List at least one category").max(30, "List at most 30 categories")),
  overBalance: z.enum(["refuse", "flag"], { error: "Choose what happens to claims over the balance" }),
  prorateNewStarters: z.literal("on").optional(),
});

/* The wrapper takes the raw text; the allowance is read in the chosen currency, so every mistake shows together. */
const raw = z.object({ year: z.string(), version: z.string(), allowance: z.string().default(""), currency: z.string().default(""), categories: z.string().default(""), overBalance: z.string().default(""), prorateNewStarters: z.string().optional() });

export const saveYearSettingsAction = formAction(raw, ({ allowance, ...values }, { viewer }) => {
  const parsed = strict.safeParse(values);
  const errors: FieldErrors = parsed.success ? {} : { ...z.flattenError(parsed.error).fieldErrors };
  const money = parseMoney(allowance, isCurrency(values.currency) ? values.currency : "USD", { allowZero: true });
  if (!money.ok) errors.allowance = [money.error];
  if (!parsed.success || !money.ok || Object.keys(errors).length) return { ok: false, fieldErrors: errors };

  const { year, version, currency, categories, overBalance, prorateNewStarters } = parsed.data;
  const result = saveYearSettings(viewer, year, { allowanceMinor: money.minor, currency, categories, overBalance, prorateNewStarters: prorateNewStarters === "on" }, version);
  if (!result.ok) return result;
  revalidatePath("/stipend", "layout");
  return { ok: true, value: undefined, version: version + 1, message: `The ${year} settings are saved.` };
});

const retention = z.object({
  days: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, "Enter a whole number of days, like 90")
    .transform(Number)
    .pipe(z.number().max(MAX_RETENTION_DAYS, `Keep it to ${MAX_RETENTION_DAYS.toLocaleString("en-US")} days (10 years) or fewer`)),
  version: z.coerce.number().int().min(0),
});

export const saveRetentionAction = formAction(retention, ({ days, version }, { viewer }) => {
  const result = saveReceiptRetention(viewer, days, version);
  if (!result.ok) return result;
  revalidatePath("/stipend", "layout");
  const removed = result.value;
  const purged = removed ? ` ${removed} receipt ${removed === 1 ? "file was" : "files were"} past that and removed.` : "";
  return { ...result, version: version + 1, message: `Saved: receipts of rejected claims are kept for ${days} days.${purged}` };
});
