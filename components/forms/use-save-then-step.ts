"use client";

import { useRouter } from "next/navigation";
import { useState } from "react";
import type { ActionState, FieldErrors } from "@/lib/domain/result";

type Draft = { flush: () => Promise<boolean>; version: () => number; setMessage: (message: string | null) => void; takeConflict: (state: ActionState<unknown>) => boolean };

/*
 * A step after an autosaved draft (submit, share, return, endorse): save what
 * is typed first, then take the step against the version just saved. Taken,
 * the page reloads its data; refused, the reasons land beside their fields
 * and a lost race opens the draft's keep-mine / use-theirs choice.
 */
export function useSaveThenStep(draft: Draft, fallbackMessage: string) {
  const router = useRouter();
  const [busy, setBusy] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const step = async (run: (version: number) => Promise<ActionState>) => {
    setBusy(true);
    if (!(await draft.flush())) {
      setBusy(false);
      return;
    }
    const state = await run(draft.version());
    setBusy(false);
    if (state.ok) {
      router.refresh();
      return;
    }
    setErrors(state.fieldErrors ?? {});
    draft.setMessage(state.message ?? fallbackMessage);
    draft.takeConflict(state);
  };
  return { busy, errors, setErrors, step };
}
