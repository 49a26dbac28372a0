"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Textarea } from "@/components/ui/field";
import type { ActionState } from "@/lib/domain/result";
import { savePacketNotesAction } from "./actions";

/* The direct manager's private notes on a packet; a save from a stale page shows the saved notes. */
export function PacketNotesForm({ packetId, version, body, authorName }: { packetId: string; version: number; body: string; authorName: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(savePacketNotesAction, {});
  const current = state.conflict ? String(state.conflict.current ?? "") : null;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <input type="hidden" name="packetId" value={packetId} />
      <input type="hidden" name="version" value={state.conflict?.version ?? state.version ?? version} key={`v-${state.attempt}`} />
      {current !== null ? (
        <div className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm">
          <p className="font-medium text-amber-900">The saved notes now read:</p>
          <p className="mt-1 whitespace-pre-wrap break-words">{current || "(empty)"}</p>
        </div>
      ) : null}
      <Field id="packet-private-notes" label="Private notes" hint={`Markdown. Never shown to ${authorName}, in any form.`} errors={state.fieldErrors?.body}>
        {(aria) => <Textarea {...aria} name="body" rows={5} defaultValue={state.values?.body ?? body} key={state.attempt} />}
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : "Save private notes"}
      </Button>
    </form>
  );
}
