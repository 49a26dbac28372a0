"use client";

import { useRouter } from "next/navigation";
import { useActionState, useEffect } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Textarea } from "@/components/ui/field";
import type { ActionState } from "@/lib/domain/result";
import { withdrawPacketAction } from "./actions";

/* Withdrawing closes the packet for good (a new one can be started); the reason goes on the timeline. */
export function WithdrawForm({ packetId, audience }: { packetId: string; audience: string }) {
  const router = useRouter();
  const [state, formAction, pending] = useActionState<ActionState, FormData>(withdrawPacketAction, {});
  useEffect(() => {
    if (state.ok) router.refresh();
  }, [state, router]);
  return (
    <details className="rounded-lg border border-stone-200 bg-white px-5 py-3 shadow-xs">
      <summary className="cursor-pointer text-sm font-semibold text-stone-800">Withdraw this packet</summary>
      <form action={formAction} className="mt-3 max-w-xl space-y-3" noValidate>
        <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
        <input type="hidden" name="packetId" value={packetId} />
        <Field id="withdraw-reason" label="Why it is withdrawn" hint={`Shown on the packet's timeline, visible to: ${audience}. The packet stays readable; a new one can be started.`} errors={state.fieldErrors?.reason}>
          {(aria) => <Textarea {...aria} name="reason" rows={2} defaultValue={state.values?.reason ?? ""} key={state.attempt} />}
        </Field>
        <Button type="submit" variant="danger" disabled={pending}>
          {pending ? "Withdrawing…" : "Withdraw packet"}
        </Button>
      </form>
    </details>
  );
}
