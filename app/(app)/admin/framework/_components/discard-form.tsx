"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/domain/result";
import { discardDraftAction } from "../actions";

/* Discarding throws the draft's text away, so it asks first. */
export function DiscardForm({ number }: { number: number }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(discardDraftAction, {});
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <Button type="button" variant="ghost" onClick={() => setConfirming(true)}>
        Discard draft
      </Button>
    );
  }
  return (
    <form action={formAction} className="flex flex-col items-end gap-2 rounded-md border border-red-200 bg-red-50 p-3">
      <p className="max-w-xs text-sm text-red-900">Discard draft version {number}? Its changes are lost. Published versions stay as they are.</p>
      <input type="hidden" name="number" value={number} />
      {state.message && !state.ok ? (
        <span role="status" className="max-w-xs text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
      <div className="flex gap-2">
        <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
          Keep it
        </Button>
        <Button type="submit" variant="danger" disabled={pending} autoFocus>
          Discard version {number}
        </Button>
      </div>
    </form>
  );
}
