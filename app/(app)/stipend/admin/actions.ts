"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentSession } from "@/lib/auth/viewer";
import { saveStipendPolicy } from "@/lib/dal/stipend-years";
import { MAX_RETENTION_DAYS, saveReceiptRetention } from "@/lib/dal/stipend-receipts";
import { NotFoundError } from "@/lib/errors";
import { isCurrency, parseMoney } from "@/lib/stipend/money";

export type PolicyFormValues = { allowance: string; currency: string; categories: string; overBalance: string; prorateNewStarters: boolean };
export type PolicyFormState = { values: PolicyFormValues; fieldErrors?: Partial<Record<keyof PolicyFormValues, string[]>>; message?: string; ok?: boolean; attempt: number; version: number };

const schema = z.object({
  year: z.coerce.number().int().min(2000).max(2100),
  version: z.coerce.number().int().min(0),
  currency: z.string().refine(isCurrency, "Choose a currency"),
  categories: z
    .string()
    .transform((v) => [...new Set(v.split(/\r?\n/).map((c) => c.trim()).filter(Boolean))])
    .pipe(z.array(z.string().max(60, "Keep each category under 60 characters")).min(1, "List at least one category").max(30, "List at most 30 categories")),
  overBalance: z.enum(["refuse", "flag"], { error: "Choose what happens to claims over the balance" }),
});

export async function savePolicyAction(prev: PolicyFormState, formData: FormData): Promise<PolicyFormState> {
  const values: PolicyFormValues = {
    allowance: String(formData.get("allowance") ?? ""),
    currency: String(formData.get("currency") ?? ""),
    categories: String(formData.get("categories") ?? ""),
    overBalance: String(formData.get("overBalance") ?? ""),
    prorateNewStarters: formData.get("prorateNewStarters") === "on",
  };
  const fail = (fieldErrors: PolicyFormState["fieldErrors"], message = "Some answers need another look."): PolicyFormState => ({ ...prev, values, fieldErrors, message, ok: false, attempt: prev.attempt + 1 });
  const current = await currentSession();
  if (!current) return fail({}, "Your session has ended. Sign in again.");
  const parsed = schema.safeParse({ ...values, year: formData.get("year"), version: formData.get("version") });
  const errors: NonNullable<PolicyFormState["fieldErrors"]> = parsed.success ? {} : { ...z.flattenError(parsed.error).fieldErrors };
  const allowance = parseMoney(values.allowance, isCurrency(values.currency) ? values.currency : "USD", { allowZero: true });
  if (!allowance.ok) errors.allowance = [allowance.error];
  if (!parsed.success || !allowance.ok || Object.keys(errors).length) return fail(errors);

  const { year, version, currency, categories, overBalance } = parsed.data;
  try {
    const result = saveStipendPolicy(current.viewer, year, { allowanceMinor: allowance.minor, currency, categories, overBalance, prorateNewStarters: values.prorateNewStarters }, version);
    if (!result.ok) return result.field ? fail({ [result.field]: [result.message] }) : fail({}, result.message);
  } catch (error) {
    if (error instanceof NotFoundError) return fail({}, error.message);
    throw error;
  }
  revalidatePath("/stipend", "layout");
  return { values: { ...values, categories: categories.join("\n") }, ok: true, message: `The ${year} policy is saved.`, attempt: prev.attempt + 1, version: version + 1 };
}

export type RetentionFormState = { days: string; version: number; fieldErrors?: { days?: string[] }; message?: string; ok?: boolean; attempt: number };

const retentionSchema = z.object({
  days: z
    .string()
    .trim()
    .regex(/^\d{1,5}$/, "Enter a whole number of days, like 90")
    .transform(Number)
    .pipe(z.number().max(MAX_RETENTION_DAYS, `Keep it to ${MAX_RETENTION_DAYS.toLocaleString("en-US")} days (10 years) or fewer`)),
  version: z.coerce.number().int().min(0),
});

export async function saveRetentionAction(prev: RetentionFormState, formData: FormData): Promise<RetentionFormState> {
  const days = String(formData.get("days") ?? "");
  const fail = (fieldErrors: RetentionFormState["fieldErrors"], message = "Some answers need another look."): RetentionFormState => ({ ...prev, days, fieldErrors, message, ok: false, attempt: prev.attempt + 1 });
  const current = await currentSession();
  if (!current) return fail({}, "Your session has ended. Sign in again.");
  const parsed = retentionSchema.safeParse({ days, version: formData.get("version") });
  if (!parsed.success) return fail(z.flattenError(parsed.error).fieldErrors);
  let removed: number;
  try {
    const result = saveReceiptRetention(current.viewer, parsed.data.days, parsed.data.version);
    if (!result.ok) return fail({}, result.message);
    removed = result.removed;
  } catch (error) {
    if (error instanceof NotFoundError) return fail({}, error.message);
    throw error;
  }
  revalidatePath("/stipend", "layout");
  const purged = removed ? ` ${removed} receipt ${removed === 1 ? "file was" : "files were"} past that and removed.` : "";
  return { days: String(parsed.data.days), version: parsed.data.version + 1, ok: true, message: `Saved: receipts of rejected claims are kept for ${parsed.data.days} days.${purged}`, attempt: prev.attempt + 1 };
}
