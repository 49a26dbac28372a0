"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input } from "@/components/ui/field";
import type { ActionState } from "@/lib/domain/result";
import { openCycleAction } from "./actions";

export function OpenCycleForm() {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(openCycleAction, {});
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={formAction} className="grid gap-4 sm:grid-cols-3" noValidate key={state.attempt}>
      <div className="sm:col-span-3">
        <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      </div>
      <Field id="name" label="Name" errors={state.fieldErrors?.name}>
        {(aria) => <Input {...aria} name="name" defaultValue={v.name ?? ""} placeholder="2026 H1" />}
      </Field>
      <Field id="selfDueOn" label="Self-assessments due" errors={state.fieldErrors?.selfDueOn}>
        {(aria) => <Input {...aria} name="selfDueOn" type="date" defaultValue={v.selfDueOn ?? ""} />}
      </Field>
      <Field id="managerDueOn" label="Manager reviews due" errors={state.fieldErrors?.managerDueOn}>
        {(aria) => <Input {...aria} name="managerDueOn" type="date" defaultValue={v.managerDueOn ?? ""} />}
      </Field>
      <div className="sm:col-span-3">
        <Button type="submit" disabled={pending}>
          {pending ? "Opening…" : "Open cycle"}
        </Button>
      </div>
    </form>
  );
}
