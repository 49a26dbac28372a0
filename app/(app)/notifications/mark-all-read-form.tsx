"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { ActionState } from "@/lib/domain/result";
import { markAllNotificationsReadAction } from "./actions";

export function MarkAllReadForm({ unread }: { unread: number }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(markAllNotificationsReadAction, {});
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-3">
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <Button type="submit" variant="secondary" disabled={pending || unread === 0}>
        {pending ? "Marking…" : "Mark all read"}
      </Button>
    </form>
  );
}
