"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { ActionState } from "@/lib/domain/result";
import { reopenPacketAction } from "./endorsement-actions";

/* Reopening makes a new draft from this packet's case; this one stays declined, with its history. */
export function ReopenForm({ packetId }: { packetId: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(reopenPacketAction, {});
  return (
    <form action={formAction} className="space-y-2">
      <FormMessage message={state.ok ? null : state.message} />
      <input type="hidden" name="packetId" value={packetId} />
      <Button type="submit" disabled={pending}>
        {pending ? "Reopening…" : "Reopen as a new draft"}
      </Button>
    </form>
  );
}
