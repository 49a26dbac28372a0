"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input, Textarea } from "@/components/ui/field";
import type { ActionState } from "@/lib/domain/result";
import { updateDraftDetailsAction } from "../actions";

/* A draft's name, the description everyone reads under the matrix, and release notes for the admins. */
export function DetailsForm({ number, revision, defaults }: { number: number; revision: number; defaults: { name: string; description: string; notes: string } }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(updateDraftDetailsAction, {});
  const v = state.ok ? null : state.values;
  return (
    <form action={formAction} className="space-y-4" noValidate key={state.attempt}>
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="revision" value={revision} />
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <Field id="version-name" label="Name" errors={state.fieldErrors?.name}>
        {(aria) => <Input {...aria} name="name" defaultValue={v?.name ?? defaults.name} maxLength={120} />}
      </Field>
      <Field id="version-description" label="Description" hint="Shown to everyone under the matrix: how to read the framework." errors={state.fieldErrors?.description}>
        {(aria) => <Textarea {...aria} name="description" rows={4} defaultValue={v?.description ?? defaults.description} />}
      </Field>
      <Field id="version-notes" label="Release notes" hint="For admins: what this version changes and why." errors={state.fieldErrors?.notes}>
        {(aria) => <Textarea {...aria} name="notes" rows={3} defaultValue={v?.notes ?? defaults.notes} />}
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save details"}
      </Button>
    </form>
  );
}
