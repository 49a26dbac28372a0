"use client";

import { useActionState, useState, type FormEvent } from "react";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, FormMessage, Input, Options, Select, Textarea } from "@/components/ui/field";
import { MAX_RECEIPT_BYTES, RECEIPT_TOO_BIG } from "@/lib/stipend/receipt-file";
import type { ActionState, FieldErrors } from "@/lib/domain/result";
import { createClaimAction, type ClaimFormValues } from "./actions";

type ClaimFormState = ActionState<{ hadFile: boolean }>;

type CellOption = { value: string; label: string; group: string };
type YearTerms = { currency: string; categories: string[] };
/* Settings by year: a purchase counts against its own year's currency and categories. */
type Props = { today: string; yearSettings: Record<string, YearTerms>; currencies: string[]; cells: CellOption[] };

const settingsFor = (yearSettings: Record<string, YearTerms>, date: string, today: string) => yearSettings[date.slice(0, 4)] ?? yearSettings[today.slice(0, 4)]!;

/* Checked here so a too-big file is never sent: the server would refuse it anyway, after the whole upload. */
const receiptSizeProblem = (file: File | null | undefined) => (file && file.size > MAX_RECEIPT_BYTES ? RECEIPT_TOO_BIG : null);

export function ClaimForm(props: Props) {
  const initial: ClaimFormState = {
    values: { purchaseDate: props.today, item: "", vendor: "", category: "", amountPaid: "", currencyPaid: settingsFor(props.yearSettings, props.today, props.today).currency, amountCharged: "", receiptUrl: "", note: "", cell: "" } satisfies ClaimFormValues,
    attempt: 0,
  };
  const [state, formAction, pending] = useActionState<ClaimFormState, FormData>(createClaimAction, initial);
  const [receiptError, setReceiptError] = useState<string | null>(null);
  const refuseBigReceipt = (event: FormEvent<HTMLFormElement>) => {
    const input = event.currentTarget.elements.namedItem("receipt");
    const problem = input instanceof HTMLInputElement ? receiptSizeProblem(input.files?.[0]) : null;
    setReceiptError(problem);
    if (problem && input instanceof HTMLInputElement) {
      // Nothing is sent, so nothing typed is lost.
      event.preventDefault();
      input.focus();
    }
  };
  return (
    <form action={formAction} onSubmit={refuseBigReceipt} noValidate>
      <FormMessage message={state.message} />
      <div className={`space-y-6 ${state.message ? "mt-5" : ""}`}>
        {/* A new key per attempt remounts the fields with what was sent, so nothing typed is lost. */}
        <ClaimFields
          key={state.attempt}
          {...props}
          values={state.values as ClaimFormValues}
          errors={{ ...state.fieldErrors, ...(receiptError ? { receipt: [receiptError] } : {}) }}
          hadFile={state.data?.hadFile ?? false}
          onReceiptChange={(file) => setReceiptError(receiptSizeProblem(file))}
        />
      </div>
      <div className="mt-6 flex flex-wrap items-center gap-3 border-t border-stone-200 pt-5">
        <Button type="submit" disabled={pending}>
          {pending ? "Filing claim…" : "File claim"}
        </Button>
        <ButtonLink href="/stipend" variant="ghost">
          Cancel
        </ButtonLink>
      </div>
    </form>
  );
}

type FieldsProps = Props & { values: ClaimFormValues; errors: FieldErrors; hadFile: boolean; onReceiptChange: (file: File | undefined) => void };

function ClaimFields({ today, yearSettings, currencies, cells, values, errors, hadFile, onReceiptChange }: FieldsProps) {
  const [purchaseDate, setPurchaseDate] = useState(values.purchaseDate || today);
  const { currency: yearCurrency, categories } = settingsFor(yearSettings, purchaseDate, today);
  const [currency, setCurrency] = useState(values.currencyPaid || yearCurrency);
  // Shown whenever the currencies differ, and whenever the server has something to say about it.
  const otherCurrency = currency !== yearCurrency || Boolean(errors.amountCharged);
  const groups = [...new Set(cells.map((c) => c.group))];
  return (
    <>
      <fieldset className="grid gap-5 sm:grid-cols-2">
        <legend className="mb-3 text-sm font-semibold text-stone-900">What you bought</legend>
        <div className="sm:col-span-2">
          <Field id="item" label="Item" hint="The book, course, conference or session." errors={errors.item}>
            {(aria) => <Input {...aria} name="item" defaultValue={values.item} maxLength={200} autoComplete="off" />}
          </Field>
        </div>
        <Field id="vendor" label="Vendor" errors={errors.vendor}>
          {(aria) => <Input {...aria} name="vendor" defaultValue={values.vendor} maxLength={200} autoComplete="off" />}
        </Field>
        <Field id="category" label="Category" errors={errors.category}>
          {(aria) => (
            <Select {...aria} name="category" defaultValue={values.category}>
              <option value="">Choose…</option>
              <Options values={categories} />
            </Select>
          )}
        </Field>
        <Field id="purchaseDate" label="Purchase date" hint="Its year is the year the claim counts against." errors={errors.purchaseDate}>
          {(aria) => <Input {...aria} name="purchaseDate" type="date" max={today} defaultValue={values.purchaseDate} onChange={(e) => setPurchaseDate(e.target.value || today)} />}
        </Field>
      </fieldset>

      <fieldset className="grid gap-5 sm:grid-cols-2">
        <legend className="mb-3 text-sm font-semibold text-stone-900">What it cost</legend>
        <Field id="amountPaid" label="Amount paid" hint="As on the receipt, e.g. 49.99 or 1,200" errors={errors.amountPaid}>
          {(aria) => <Input {...aria} name="amountPaid" inputMode="decimal" defaultValue={values.amountPaid} autoComplete="off" />}
        </Field>
        <Field id="currencyPaid" label="Currency paid" errors={errors.currencyPaid}>
          {(aria) => (
            // Uncontrolled on purpose: React resets a form after its action, and only default values survive that.
            <Select {...aria} name="currencyPaid" defaultValue={currency} onChange={(e) => setCurrency(e.target.value)}>
              <Options values={currencies} />
            </Select>
          )}
        </Field>
        {otherCurrency ? (
          <div className="sm:col-span-2">
            <Field
              id="amountCharged"
              label={`Amount to charge your allowance (${yearCurrency})`}
              hint={`Your allowance is in ${yearCurrency}. Enter what the purchase came to in ${yearCurrency}, e.g. from your card statement.`}
              errors={errors.amountCharged}
            >
              {(aria) => <Input {...aria} name="amountCharged" inputMode="decimal" defaultValue={values.amountCharged} autoComplete="off" />}
            </Field>
          </div>
        ) : (
          <input type="hidden" name="amountCharged" value="" />
        )}
      </fieldset>

      <fieldset className="grid gap-5 sm:grid-cols-2">
        <legend className="mb-1 text-sm font-semibold text-stone-900">Receipt</legend>
        <p className="-mt-1 text-sm text-stone-600 sm:col-span-2">Upload the receipt, or link to it if it lives online.</p>
        <Field
          id="receipt"
          label="Receipt file"
          hint={hadFile ? "PDF, PNG or JPEG, up to 5 MB. Choose the file again: files are not kept when a form comes back." : "PDF, PNG or JPEG, up to 5 MB."}
          errors={errors.receipt}
        >
          {(aria) => (
            <input
              {...aria}
              name="receipt"
              type="file"
              onChange={(e) => onReceiptChange(e.currentTarget.files?.[0])}
              accept="application/pdf,image/png,image/jpeg,.pdf,.png,.jpg,.jpeg"
              className="block w-full text-sm text-stone-700 file:mr-3 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium file:text-stone-800 hover:file:bg-stone-100"
            />
          )}
        </Field>
        <Field id="receiptUrl" label="Or a link to the receipt" hint="An https:// address." errors={errors.receiptUrl}>
          {(aria) => <Input {...aria} name="receiptUrl" type="url" inputMode="url" defaultValue={values.receiptUrl} placeholder="https://" />}
        </Field>
      </fieldset>

      <fieldset className="grid gap-5">
        <legend className="mb-3 text-sm font-semibold text-stone-900">Optional</legend>
        <Field id="cell" label="What it helps you grow" hint="A cell of the framework, if the learning develops one." errors={errors.cell}>
          {(aria) => (
            <Select {...aria} name="cell" defaultValue={values.cell}>
              <option value="">Not tied to a cell</option>
              {groups.map((g) => (
                <optgroup key={g} label={g}>
                  {cells
                    .filter((c) => c.group === g)
                    .map((c) => (
                      <option key={c.value} value={c.value}>
                        {c.label}
                      </option>
                    ))}
                </optgroup>
              ))}
            </Select>
          )}
        </Field>
        <Field id="note" label="Note" hint="Anything your approver should know." errors={errors.note}>
          {(aria) => <Textarea {...aria} name="note" rows={3} maxLength={2000} defaultValue={values.note} />}
        </Field>
      </fieldset>
    </>
  );
}
