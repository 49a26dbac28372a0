"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { ActionState } from "@/lib/domain/result";
import { publishDraftAction } from "../actions";

/* Publishes exactly what the page shows: the stamp changes with any save, and a changed draft is refused. */
export function PublishForm({ number, stamp, ready, replaces }: { number: number; stamp: string; ready: boolean; replaces: number | null }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(publishDraftAction, {});
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="number" value={number} />
      <input type="hidden" name="stamp" value={stamp} />
      <FormMessage message={state.message} />
      <p className="text-sm text-stone-700">
        {ready
          ? `Publishing makes version ${number} the one everyone sees${replaces ? `, in place of version ${replaces}` : ""}. It is then frozen; reviews already written keep the text they were written against.`
          : "Publishing is possible once everything listed above is fixed."}
      </p>
      <Button type="submit" disabled={pending || !ready}>
        {pending ? "Publishing…" : `Publish version ${number}`}
      </Button>
    </form>
  );
}
