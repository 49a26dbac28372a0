"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Select } from "@/components/ui/field";
import type { ActionState } from "@/lib/domain/result";
import { setCommitteeMemberAction } from "./actions";
import { PersonOptions } from "../people/person-options";

export function AddMemberForm({ candidates }: { candidates: { id: string; name: string; team: string }[] }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(setCommitteeMemberAction, {});
  return (
    <form action={formAction} className="flex flex-wrap items-end gap-3" noValidate key={JSON.stringify(state)}>
      <input type="hidden" name="member" value="true" />
      <div className="w-72">
        <Field id="personId" label="Add to the committee" errors={state.fieldErrors?.personId}>
          {(aria) => (
            <Select {...aria} name="personId" defaultValue={state.ok ? "" : (state.values?.personId ?? "")}>
              <option value="">Choose a person</option>
              <PersonOptions people={candidates} withTeam />
            </Select>
          )}
        </Field>
      </div>
      <Button type="submit" disabled={pending}>
        Add
      </Button>
      <div className="w-full">
        <FormMessage message={state.message} />
      </div>
    </form>
  );
}

export function RemoveMemberForm({ personId, name }: { personId: string; name: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(setCommitteeMemberAction, {});
  return (
    <form action={formAction}>
      <input type="hidden" name="personId" value={personId} />
      <input type="hidden" name="member" value="false" />
      <Button type="submit" variant="ghost" disabled={pending}>
        Remove<span className="sr-only"> {name}</span>
      </Button>
      {state.message ? <p className="text-sm text-red-800">{state.message}</p> : null}
    </form>
  );
}
