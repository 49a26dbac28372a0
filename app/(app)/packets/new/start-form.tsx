"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { ActionState } from "@/lib/domain/result";
import { startPacketAction } from "../actions";

type Target = { key: string; label: string; trackName: string | null; kind: "promotion" | "track-move" };

/* The levels the framework offers: the next on the person's track, and a move through a declared equivalence. */
export function StartForm({ personId, targets, versionLabel, forSelf, personName }: { personId: string; targets: Target[]; versionLabel: string; forSelf: boolean; personName: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(startPacketAction, {});
  const errors = state.fieldErrors?.targetLevelKey;
  const chosen = state.values?.targetLevelKey ?? (targets.length === 1 ? targets[0]!.key : undefined);
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage message={state.ok ? null : state.message} />
      <input type="hidden" name="personId" value={personId} />
      <fieldset aria-describedby={errors?.length ? "target-error target-hint" : "target-hint"} aria-invalid={errors?.length ? true : undefined}>
        <legend className="text-sm font-medium text-stone-800">Target level</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2" key={state.attempt}>
          {targets.map((t) => (
            <label key={t.key} className="flex cursor-pointer items-start gap-3 rounded-md border border-stone-300 px-4 py-3 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input type="radio" name="targetLevelKey" value={t.key} defaultChecked={chosen === t.key} className="mt-1" />
              <span>
                <span className="block font-medium text-stone-900">{t.label}</span>
                <span className="block text-stone-600">{t.kind === "track-move" ? `A move to the ${t.trackName ?? "other"} track at the same seniority` : `The next level on the ${t.trackName ?? "same"} track`}</span>
              </span>
            </label>
          ))}
        </div>
        <p id="target-hint" className="mt-2 text-xs text-stone-600">
          Pinned to framework {versionLabel}. {forSelf ? "You write the case; your manager reviews it." : `${personName} writes the case; you review it.`}
        </p>
        {errors?.length ? (
          <p id="target-error" className="mt-1 text-sm font-medium text-red-700">
            {errors.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Starting…" : "Start the packet"}
      </Button>
    </form>
  );
}
