"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentSession } from "@/lib/auth/viewer";
import { orgToday } from "@/lib/dal/org-settings";
import { createClaim, getStipendPolicy } from "@/lib/dal/stipend";
import { isCurrency, parseMoney } from "@/lib/stipend/money";
import { isReceiptLink, MAX_RECEIPT_BYTES } from "@/lib/stipend/receipt-file";

export type ClaimFormValues = {
  purchaseDate: string;
  item: string;
  vendor: string;
  category: string;
  amountPaid: string;
  currencyPaid: string;
  amountCharged: string;
  receiptUrl: string;
  note: string;
  cell: string;
};
type FieldName = keyof ClaimFormValues | "receipt";
export type ClaimFormState = { values: ClaimFormValues; fieldErrors?: Partial<Record<FieldName, string[]>>; message?: string; attempt: number; hadFile?: boolean };

const text = (label: string, max: number) => z.string().trim().min(1, `Enter the ${label}`).max(max, `Keep the ${label} under ${max} characters`);
const schema = z.object({
  purchaseDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date you paid").refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "Enter a real date"),
  item: text("item", 200),
  vendor: text("vendor", 200),
  category: z.string().min(1, "Choose a category"),
  amountPaid: z.string().max(40),
  currencyPaid: z.string().refine(isCurrency, "Choose the currency you paid in"),
  amountCharged: z.string().max(40),
  receiptUrl: z.union([z.literal(""), z.string().trim().max(2000, "That link is too long").refine(isReceiptLink, "Enter a link starting with https://")]),
  note: z.string().trim().max(2000, "Keep the note under 2,000 characters"),
  cell: z.union([z.literal(""), z.string().regex(/^[a-z0-9-]+\/[a-z0-9-]+$/, "Choose a cell from the list")]),
});

const FIELDS: (keyof ClaimFormValues)[] = ["purchaseDate", "item", "vendor", "category", "amountPaid", "currencyPaid", "amountCharged", "receiptUrl", "note", "cell"];

export async function createClaimAction(prev: ClaimFormState, formData: FormData): Promise<ClaimFormState> {
  const values = Object.fromEntries(FIELDS.map((f) => [f, String(formData.get(f) ?? "")])) as ClaimFormValues;
  const file = formData.get("receipt");
  const receiptFile = file instanceof File && file.size > 0 ? file : null;
  const fail = (fieldErrors: ClaimFormState["fieldErrors"], message?: string): ClaimFormState => ({
    values,
    fieldErrors,
    message: message ?? "Some answers need another look. Each is marked below.",
    attempt: prev.attempt + 1,
    hadFile: Boolean(receiptFile),
  });

  const current = await currentSession();
  if (!current) return fail({}, "Your session has ended. Sign in again; your answers are still here.");

  const parsed = schema.safeParse(values);
  const errors: NonNullable<ClaimFormState["fieldErrors"]> = parsed.success ? {} : { ...z.flattenError(parsed.error).fieldErrors };

  // Money is read in the currency it was paid in, and the charged amount in the year's policy currency.
  const year = /^\d{4}/.test(values.purchaseDate) ? Number(values.purchaseDate.slice(0, 4)) : Number(orgToday().slice(0, 4));
  const policy = getStipendPolicy(year);
  const paidCurrency = isCurrency(values.currencyPaid) ? values.currencyPaid : policy.currency;
  const paid = parseMoney(values.amountPaid, paidCurrency);
  if (!paid.ok) errors.amountPaid = [paid.error];
  let chargedMinor: number | null = null;
  if (paidCurrency !== policy.currency) {
    const charged = parseMoney(values.amountCharged, policy.currency);
    if (charged.ok) chargedMinor = charged.minor;
    else errors.amountCharged = [values.amountCharged.trim() ? charged.error : `You paid in ${paidCurrency}: enter what it came to in ${policy.currency}`];
  }
  // Checked here as well as in the DAL so that every mistake shows at once.
  if (!errors.purchaseDate && values.purchaseDate > orgToday()) errors.purchaseDate = ["The purchase date can't be in the future"];
  if (receiptFile && receiptFile.size > MAX_RECEIPT_BYTES) errors.receipt = ["Receipts can be up to 5 MB"];
  if (!receiptFile && values.receiptUrl.trim() === "" && !errors.receiptUrl) errors.receipt = ["Attach the receipt or link to it"];
  if (Object.keys(errors).length > 0 || !parsed.success || !paid.ok) return fail(errors);

  const [competencyKey, themeKey] = parsed.data.cell ? parsed.data.cell.split("/") : [];
  const result = await createClaim(current.viewer, {
    purchaseDate: parsed.data.purchaseDate,
    item: parsed.data.item,
    vendor: parsed.data.vendor,
    category: parsed.data.category,
    amountPaidMinor: paid.minor,
    currencyPaid: parsed.data.currencyPaid,
    amountChargedMinor: chargedMinor,
    receiptUrl: parsed.data.receiptUrl || null,
    receiptFile,
    note: parsed.data.note,
    cell: competencyKey && themeKey ? { competencyKey, themeKey } : null,
  });
  if (!result.ok) return fail({ [result.field]: [result.message] });

  revalidatePath("/stipend", "layout");
  redirect(`/stipend?year=${year}&filed=${result.id}`);
}
