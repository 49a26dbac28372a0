"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { ActionState } from "@/lib/domain/result";
import { cancelEndorsementRequestAction } from "./endorsement-actions";

/* The author takes back a request still waiting; the colleague can no longer open it. */
export function CancelRequestForm({ requestId, packetId, endorserName }: { requestId: string; packetId: string; endorserName: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(cancelEndorsementRequestAction, {});
  return (
    <form action={formAction} className="space-y-2">
      <FormMessage message={state.ok ? null : state.message} />
      <input type="hidden" name="requestId" value={requestId} />
      <input type="hidden" name="packetId" value={packetId} />
      <Button type="submit" variant="secondary" disabled={pending} aria-label={`Cancel the request to ${endorserName}`}>
        {pending ? "Cancelling…" : "Cancel request"}
      </Button>
    </form>
  );
}
