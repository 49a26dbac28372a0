"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input } from "@/components/ui/field";
import type { ActionState } from "@/lib/domain/result";
import type { ReadinessRule } from "@/lib/packets/readiness";
import { savePacketSettingsAction } from "./actions";

/* The readiness rule as two choices: the lowest rating that counts, and how many gaps a justification can cover. */
export function ReadinessForm({ rule, version }: { rule: ReadinessRule; version: number }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(savePacketSettingsAction, {});
  const values = state.ok ? undefined : state.values;
  const minimum = values?.minimumRating ?? rule.minimumRating;
  const gaps = values?.gaps ?? (rule.maxJustifiedGaps === null ? "any" : rule.maxJustifiedGaps === 0 ? "none" : "limit");
  const max = values?.maxJustifiedGaps ?? (rule.maxJustifiedGaps ? String(rule.maxJustifiedGaps) : "");
  const choice = "flex cursor-pointer items-start gap-2 rounded-md border border-stone-300 px-3 py-2 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50";
  return (
    <form action={formAction} className="max-w-2xl space-y-5" noValidate key={state.attempt}>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <input type="hidden" name="version" value={state.conflict?.version ?? state.version ?? version} />
      <fieldset>
        <legend className="text-sm font-medium text-stone-800">A cell is at standard when the manager rates it at least</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          <label className={choice}>
            <input type="radio" name="minimumRating" value="meets" defaultChecked={minimum === "meets"} className="mt-0.5" /> Meets the target level
          </label>
          <label className={choice}>
            <input type="radio" name="minimumRating" value="exceeds" defaultChecked={minimum === "exceeds"} className="mt-0.5" /> Exceeds the target level
          </label>
        </div>
      </fieldset>
      <fieldset>
        <legend className="text-sm font-medium text-stone-800">A cell below that (a gap) counts when the manager writes a justification</legend>
        <div className="mt-2 grid gap-2">
          <label className={choice}>
            <input type="radio" name="gaps" value="any" defaultChecked={gaps === "any"} className="mt-0.5" /> For any number of cells
          </label>
          <label className={choice}>
            <input type="radio" name="gaps" value="limit" defaultChecked={gaps === "limit"} className="mt-0.5" /> For at most a number of cells (below)
          </label>
          <label className={choice}>
            <input type="radio" name="gaps" value="none" defaultChecked={gaps === "none"} className="mt-0.5" /> Never: every gap holds the packet back
          </label>
        </div>
      </fieldset>
      <Field id="maxJustifiedGaps" label="Most justified gaps a packet may have" hint="Used with “for at most a number of cells”." errors={state.fieldErrors?.maxJustifiedGaps}>
        {(aria) => (
          <div className="w-32">
            <Input {...aria} name="maxJustifiedGaps" inputMode="numeric" defaultValue={max} />
          </div>
        )}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save readiness rule"}
      </Button>
    </form>
  );
}
