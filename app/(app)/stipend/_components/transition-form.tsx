"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Textarea } from "@/components/ui/field";
import type { ActionState } from "@/lib/domain/result";
import { transitionClaimAction } from "../actions";

type Props = { claimId: string; version: number; ownerFirstName: string };

/* Approve (reason optional) or reject (reason required) a claim. */
export function DecisionForm({ claimId, version, ownerFirstName }: Props) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(transitionClaimAction, {});
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage message={state.message} />
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="version" value={version} />
      <Field id="reason" label="Reason" hint={`${ownerFirstName} sees this. Required to reject.`} errors={state.fieldErrors?.reason}>
        {(aria) => <Textarea {...aria} name="reason" rows={3} maxLength={1000} defaultValue={state.values?.reason} key={state.attempt} />}
      </Field>
      <div className="flex flex-wrap gap-2">
        <Button type="submit" name="action" value="approve" disabled={pending}>
          Approve
        </Button>
        <Button type="submit" name="action" value="reject" variant="danger" disabled={pending}>
          Reject
        </Button>
        {pending ? <span className="self-center text-sm text-stone-600">Saving…</span> : null}
      </div>
    </form>
  );
}

/* A single-step transition (withdraw, reimburse): one button, with any refusal shown beside it. */
export function TransitionButton({ claimId, version, action, label, variant = "secondary" }: { claimId: string; version: number; action: "withdraw" | "reimburse"; label: string; variant?: "primary" | "secondary" }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(transitionClaimAction, {});
  return (
    <form action={formAction} className="inline-flex flex-col items-end gap-1">
      <input type="hidden" name="claimId" value={claimId} />
      <input type="hidden" name="version" value={version} />
      <input type="hidden" name="action" value={action} />
      <Button type="submit" variant={variant} disabled={pending} className="px-2.5 py-1.5">
        {pending ? "Saving…" : label}
      </Button>
      {state.message ? (
        <span role="status" className="max-w-xs text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
