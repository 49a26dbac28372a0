"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/domain/result";
import { startDraftAction } from "../actions";

/* Starts a draft as a copy of the current version; a refusal (a draft already exists) is said beside the button. */
export function StartDraftForm() {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(startDraftAction, {});
  return (
    <form action={formAction} className="inline-flex flex-col items-end gap-1">
      <Button type="submit" disabled={pending}>
        {pending ? "Starting…" : "Start a new draft"}
      </Button>
      {state.message && !state.ok ? (
        <span role="status" className="max-w-xs text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}
