"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input, Options, Select, Textarea } from "@/components/ui/field";
import type { ActionState } from "@/lib/domain/result";
import { saveYearSettingsAction, type YearSettingsFormValues } from "./actions";

export function YearSettingsForm({ year, version, initial, currencies, hasClaims }: { year: number; version: number; initial: YearSettingsFormValues; currencies: string[]; hasClaims: boolean }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(saveYearSettingsAction, { version });
  // After a save the page re-renders with the saved settings as `initial`; after a mistake, what was sent is shown.
  const v = (state.values ?? initial) as YearSettingsFormValues;
  return (
    <form action={formAction} className="space-y-5" noValidate key={state.attempt}>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <input type="hidden" name="year" value={year} />
      <input type="hidden" name="version" value={state.version ?? version} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="allowance" label="Yearly allowance" hint="Per person, e.g. 2,000" errors={state.fieldErrors?.allowance}>
          {(aria) => <Input {...aria} name="allowance" inputMode="decimal" defaultValue={v.allowance} autoComplete="off" />}
        </Field>
        <Field id="currency" label="Currency" hint={hasClaims ? `Fixed: ${year} already has claims in it.` : "Claims are charged in this currency."} errors={state.fieldErrors?.currency}>
          {(aria) => (
            <Select {...aria} name="currency" defaultValue={v.currency}>
              <Options values={currencies} />
            </Select>
          )}
        </Field>
      </div>
      <Field id="categories" label="Categories" hint="One per line." errors={state.fieldErrors?.categories}>
        {(aria) => <Textarea {...aria} name="categories" rows={6} defaultValue={v.categories} />}
      </Field>
      <fieldset aria-describedby={state.fieldErrors?.overBalance ? "overBalance-error" : undefined}>
        <legend className="text-sm font-medium text-stone-800">Claims over the remaining balance</legend>
        <div className="mt-2 space-y-2 text-sm">
          <label className="flex items-start gap-2">
            <input type="radio" name="overBalance" value="refuse" defaultChecked={v.overBalance === "refuse"} className="mt-0.5" />
            <span>
              <span className="font-medium">Refuse them.</span> The person sees how much is left and can claim up to that.
            </span>
          </label>
          <label className="flex items-start gap-2">
            <input type="radio" name="overBalance" value="flag" defaultChecked={v.overBalance === "flag"} className="mt-0.5" />
            <span>
              <span className="font-medium">Take them, flagged for an exception.</span> The approver sees the flag and decides.
            </span>
          </label>
        </div>
        {state.fieldErrors?.overBalance ? (
          <p id="overBalance-error" className="mt-1 text-sm font-medium text-red-700">
            {state.fieldErrors.overBalance.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <label className="flex items-start gap-2 text-sm">
        <input type="checkbox" name="prorateNewStarters" defaultChecked={v.prorateNewStarters === "on"} className="mt-0.5" />
        <span>
          <span className="font-medium">Prorate for people who start during {year}:</span> the allowance × whole months left, counting the start month, ÷ 12.
        </span>
      </label>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : `Save ${year} settings`}
      </Button>
    </form>
  );
}
