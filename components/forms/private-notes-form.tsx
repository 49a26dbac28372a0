"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Textarea } from "@/components/ui/field";
import type { ActionState } from "@/lib/domain/result";

/*
 * A direct manager's private notes on one record (a review, a packet); a save
 * from a stale page shows the saved notes and keeps the typed text. `record`
 * is the hidden field the action reads the record's id from.
 */
export function PrivateNotesForm(props: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  record: { name: string; id: string };
  fieldId: string;
  hint: string;
  version: number;
  body: string;
}) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(props.action, {});
  const current = state.conflict ? String(state.conflict.current ?? "") : null;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <input type="hidden" name={props.record.name} value={props.record.id} />
      <input type="hidden" name="version" value={state.conflict?.version ?? state.version ?? props.version} key={`v-${state.attempt}`} />
      {current !== null ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-medium text-amber-900">The saved notes now read:</p>
          <p className="mt-1 whitespace-pre-wrap break-words">{current || "(empty)"}</p>
        </div>
      ) : null}
      <Field id={props.fieldId} label="Private notes" hint={props.hint} errors={state.fieldErrors?.body}>
        {(aria) => <Textarea {...aria} name="body" rows={5} defaultValue={state.values?.body ?? props.body} key={state.attempt} />}
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save private notes"}
      </Button>
    </form>
  );
}
