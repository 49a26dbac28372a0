"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Select } from "@/components/ui/field";
import type { ActionState } from "@/lib/domain/result";
import { movePersonAction } from "./actions";
import { PersonOptions } from "../people/person-options";

export function MoveForm({ people }: { people: { id: string; name: string }[] }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(movePersonAction, {});
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={formAction} className="space-y-4" noValidate key={JSON.stringify(state)}>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <Field id="personId" label="Person" errors={state.fieldErrors?.personId}>
        {(aria) => (
          <Select {...aria} name="personId" defaultValue={v.personId ?? ""}>
            <option value="">Choose a person</option>
            <PersonOptions people={people} />
          </Select>
        )}
      </Field>
      <Field id="managerId" label="New manager" errors={state.fieldErrors?.managerId}>
        {(aria) => (
          <Select {...aria} name="managerId" defaultValue={v.managerId ?? ""}>
            <option value="">No manager</option>
            <PersonOptions people={people} />
          </Select>
        )}
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Moving…" : "Move"}
      </Button>
    </form>
  );
}
