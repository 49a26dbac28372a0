"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Textarea } from "@/components/ui/field";
import type { ActionState } from "@/lib/domain/result";
import { declineEndorsementAction } from "../actions";

/* Declining the whole request, with an optional reason the author reads. */
export function DeclineForm({ requestId, authorName }: { requestId: string; authorName: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(declineEndorsementAction, {});
  return (
    <details className="rounded-lg border border-stone-200 bg-white px-5 py-3 shadow-xs">
      <summary className="cursor-pointer text-sm font-semibold text-stone-800">Decline this request</summary>
      <form action={formAction} className="mt-3 max-w-xl space-y-3" noValidate>
        <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
        <input type="hidden" name="requestId" value={requestId} />
        <Field id="decline-reason" label="Why (optional)" hint={`${authorName} is told you declined, with this reason.`} errors={state.fieldErrors?.reason}>
          {(aria) => <Textarea {...aria} name="reason" rows={2} defaultValue={state.values?.reason ?? ""} key={state.attempt} />}
        </Field>
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Declining…" : "Decline the request"}
        </Button>
      </form>
    </details>
  );
}
