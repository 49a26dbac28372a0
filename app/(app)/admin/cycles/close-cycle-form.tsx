"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import type { ActionState } from "@/lib/domain/result";
import { closeCycleAction } from "./actions";

/* Closing cannot be undone, so it asks first; a refusal (someone changed the cycle) is said beside the button. */
export function CloseCycleForm({ cycleId, version, name }: { cycleId: string; version: number; name: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(closeCycleAction, {});
  const [confirming, setConfirming] = useState(false);
  if (!confirming) {
    return (
      <div className="inline-flex flex-col items-end gap-1">
        <Button type="button" variant="secondary" onClick={() => setConfirming(true)}>
          Close<span className="sr-only"> {name}</span>
        </Button>
        {state.message && !state.ok ? (
          <span role="status" className="max-w-xs text-xs text-red-700">
            {state.message}
          </span>
        ) : null}
      </div>
    );
  }
  return (
    <form action={formAction} className="inline-flex flex-col items-end gap-2">
      <p className="max-w-xs text-xs text-stone-700">Close {name}? Its reviews stay readable, and nothing more can be written in it.</p>
      <input type="hidden" name="cycleId" value={cycleId} />
      <input type="hidden" name="version" value={version} />
      {state.message && !state.ok ? (
        <span role="status" className="max-w-xs text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
      <div className="flex gap-2">
        <Button type="button" variant="ghost" onClick={() => setConfirming(false)}>
          Cancel
        </Button>
        <Button type="submit" variant="danger" disabled={pending} autoFocus>
          Close cycle<span className="sr-only"> {name}</span>
        </Button>
      </div>
    </form>
  );
}
