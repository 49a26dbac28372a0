"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { after } from "next/server";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { createClaim } from "@/lib/dal/stipend-claims";
import { purgeExpiredReceiptsIfDue } from "@/lib/dal/stipend-receipts";
import { getYearSettings } from "@/lib/dal/stipend-years";
import { parseCellId } from "@/lib/domain/cell-ref";
import type { FieldErrors } from "@/lib/domain/result";
import { orgToday } from "@/lib/dal/org-settings";
import { isCurrency, parseMoney } from "@/lib/stipend/money";
import { isReceiptLink, MAX_RECEIPT_BYTES, RECEIPT_TOO_BIG } from "@/lib/stipend/receipt-file";

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

const text = (label: string, max: number) => z.string().trim().min(1, `Enter the ${label}`).max(max, `Keep the ${label} under ${max} characters`);
const strict = z.object({
  purchaseDate: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, "Enter the date you paid").refine((v) => !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v), "Enter a real date"),
  item: text("item", 200),
  vendor: text("vendor", 200),
  category: z.string().min(1, "Choose a category"),
  amountPaid: z.string().max(40),
  currencyPaid: z.string().refine(isCurrency, "Choose the currency you paid in"),
  amountCharged: z.string().max(40),
  receiptUrl: z.union([z.literal(""), z.string().trim().max(2000, "That link is too long").refine(isReceiptLink, "Enter a link starting with https://")]),
  note: z.string().trim().max(2000, "Keep the note under 2,000 characters"),
  cell: z.union([z.literal(""), z.string().refine((v) => parseCellId(v) !== null, "Choose a cell from the list")]),
});

/* The wrapper only takes the raw text; every check below runs at once, so every mistake shows together. */
const raw = z.object(Object.fromEntries(Object.keys(strict.shape).map((k) => [k, z.string().default("")])) as Record<keyof ClaimFormValues, z.ZodDefault<z.ZodString>>).extend({ receipt: z.unknown() });

export const createClaimAction = formAction(raw, async ({ receipt, ...values }, { viewer }) => {
  const receiptFile = receipt instanceof File && receipt.size > 0 ? receipt : null;
  const parsed = strict.safeParse(values);
  const errors: FieldErrors = parsed.success ? {} : { ...z.flattenError(parsed.error).fieldErrors };

  // Money is read in the currency it was paid in, and the charged amount in the year's currency.
  const today = orgToday();
  const year = /^\d{4}/.test(values.purchaseDate) ? Number(values.purchaseDate.slice(0, 4)) : Number(today.slice(0, 4));
  const settings = getYearSettings(year);
  const paidCurrency = isCurrency(values.currencyPaid) ? values.currencyPaid : settings.currency;
  const paid = parseMoney(values.amountPaid, paidCurrency);
  if (!paid.ok) errors.amountPaid = [paid.error];
  let chargedMinor: number | null = null;
  if (paidCurrency !== settings.currency) {
    const charged = parseMoney(values.amountCharged, settings.currency);
    if (charged.ok) chargedMinor = charged.minor;
    else errors.amountCharged = [values.amountCharged.trim() ? charged.error : `You paid in ${paidCurrency}: enter what it came to in ${settings.currency}`];
  }
  // Checked here as well as in the DAL so that every mistake shows at once.
  if (!errors.purchaseDate && values.purchaseDate > today) errors.purchaseDate = ["The purchase date can't be in the future"];
  if (receiptFile && receiptFile.size > MAX_RECEIPT_BYTES) errors.receipt = [RECEIPT_TOO_BIG];
  if (!receiptFile && values.receiptUrl.trim() === "" && !errors.receiptUrl) errors.receipt = ["Attach the receipt or link to it"];
  const hadFile = { hadFile: Boolean(receiptFile) };
  if (!parsed.success || !paid.ok || Object.keys(errors).length > 0) return { ok: false, fieldErrors: errors, data: hadFile };

  const result = await createClaim(viewer, {
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
    cell: parseCellId(parsed.data.cell),
  });
  if (!result.ok) return { ok: false, fieldErrors: { [result.field]: [result.message] }, data: hadFile };

  // The retention rule's opportunistic run, after the response and at most hourly.
  after(() => purgeExpiredReceiptsIfDue());
  revalidatePath("/stipend", "layout");
  redirect(`/stipend?year=${year}&filed=${result.id}`);
});
