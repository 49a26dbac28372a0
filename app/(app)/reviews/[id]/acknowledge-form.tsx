"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Textarea } from "@/components/ui/field";
import type { ActionState } from "@/lib/domain/result";
import { acknowledgeReviewAction } from "../actions";

/* The engineer's optional written response and acknowledgement of a shared review. */
export function AcknowledgeForm({ reviewId }: { reviewId: string }) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(acknowledgeReviewAction, {});
  useEffect(() => {
    if (state.ok) router.refresh();
  }, [state.ok, state.attempt, router]);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <input type="hidden" name="reviewId" value={reviewId} />
      <Field id="response" label="Your response (optional)" hint="Markdown. Visible to: you, your managers and admins." errors={state.fieldErrors?.response}>
        {(aria) => <Textarea {...aria} name="response" rows={5} defaultValue={state.values?.response ?? ""} key={state.attempt} />}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Acknowledging…" : "Acknowledge review"}
      </Button>
    </form>
  );
}
