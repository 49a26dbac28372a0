"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Options, Select } from "@/components/ui/field";
import type { ActionState } from "@/lib/domain/result";
import { saveTimeZoneAction } from "./actions";

export function TimeZoneForm({ current, version, zones }: { current: string; version: number; zones: string[] }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(saveTimeZoneAction, {});
  const value = state.ok ? undefined : state.values?.timeZone;
  return (
    <form action={formAction} className="max-w-md space-y-4" noValidate>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <input type="hidden" name="version" value={state.version ?? version} />
      <Field id="timeZone" label="Organisation time zone" hint="Today, due dates and overdue are worked out in this zone, for reviews and the stipend." errors={state.fieldErrors?.timeZone}>
        {(aria) => (
          <Select {...aria} name="timeZone" defaultValue={value ?? current} key={state.attempt}>
            <Options values={zones} />
          </Select>
        )}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save time zone"}
      </Button>
    </form>
  );
}
