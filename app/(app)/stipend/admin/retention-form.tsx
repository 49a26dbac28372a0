"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input } from "@/components/ui/field";
import type { ActionState } from "@/lib/domain/result";
import { saveRetentionAction } from "./actions";

export function RetentionForm({ days, version }: { days: number; version: number }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(saveRetentionAction, { version });
  return (
    <form action={formAction} className="space-y-5" noValidate key={state.attempt}>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <input type="hidden" name="version" value={state.version ?? version} />
      <Field
        id="retentionDays"
        label="Keep receipts of rejected claims for (days)"
        hint="Counted from the rejection; then the file is deleted and the claim and its history stay. 0 deletes them at the next cleanup. Receipts of withdrawn claims are deleted at once."
        errors={state.fieldErrors?.days}
      >
        {(aria) => <Input {...aria} name="days" inputMode="numeric" defaultValue={state.values?.days ?? String(days)} autoComplete="off" />}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save retention"}
      </Button>
    </form>
  );
}
