"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { ActionState } from "@/lib/domain/result";
import { deleteEvidenceAction } from "../actions";

export function DeleteEvidenceForm({ entryId }: { entryId: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(deleteEvidenceAction, {});
  return (
    <form action={formAction}>
      <FormMessage message={state.message} />
      <input type="hidden" name="entryId" value={entryId} />
      <Button type="submit" variant="danger" disabled={pending}>
        {pending ? "Deleting…" : "Yes, delete it"}
      </Button>
    </form>
  );
}
