"use client";

import { startTransition, useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input, Textarea } from "@/components/ui/field";
import type { PacketOutcome } from "@/lib/domain/enums";
import type { ActionState } from "@/lib/domain/result";
import { decidePacketAction } from "../actions";

type Cell = { id: string; anchor: string; name: string };

/*
 * The admin records the committee's decision: approved (the level changes
 * from the effective date) or declined (what is missing, cell by cell), with
 * the reasons the person and their manager read.
 */
export function DecisionForm({ packetId, personName, targetLabel, today, cells, audience }: { packetId: string; personName: string; targetLabel: string; today: string; cells: Cell[]; audience: string }) {
  const [state, run, pending] = useActionState(decidePacketAction, {} as ActionState);
  const [outcome, setOutcome] = useState<PacketOutcome | null>(null);
  const [effectiveDate, setEffectiveDate] = useState(today);
  const [reasons, setReasons] = useState("");
  const [missing, setMissing] = useState<Record<string, string>>({});
  const errors = state.fieldErrors ?? {};
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    startTransition(() => run({ packetId, outcome, reasons, effectiveDate: outcome === "approved" ? effectiveDate : null, missing }));
  };
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <fieldset aria-describedby={errors.outcome?.length ? "outcome-error" : undefined} aria-invalid={errors.outcome?.length ? true : undefined}>
        <legend className="text-sm font-medium text-stone-800">The committee&apos;s decision</legend>
        <div className="mt-2 grid gap-2 sm:grid-cols-2">
          {(["approved", "declined"] as const).map((o) => (
            <label key={o} className={`flex cursor-pointer items-start gap-3 rounded-md border px-4 py-3 text-sm ${outcome === o ? "border-brand-600 bg-brand-50" : "border-stone-300"}`}>
              <input type="radio" name="outcome" value={o} checked={outcome === o} onChange={() => setOutcome(o)} className="mt-1" />
              <span>
                <span className="block font-medium text-stone-900">{o === "approved" ? "Approve" : "Decline"}</span>
                <span className="block text-stone-600">{o === "approved" ? `${personName} becomes ${targetLabel}, in their level history, from the date below.` : "Say what is missing, cell by cell, for them and their manager."}</span>
              </span>
            </label>
          ))}
        </div>
        {errors.outcome?.length ? (
          <p id="outcome-error" className="mt-1 text-sm font-medium text-red-700">
            {errors.outcome.join(" ")}
          </p>
        ) : null}
      </fieldset>
      {outcome === "approved" ? (
        <Field id="effective-date" label="Effective date" hint="The day the new level takes effect: today or earlier, not before their latest level change." errors={errors.effectiveDate}>
          {(aria) => <Input {...aria} type="date" value={effectiveDate} max={today} onChange={(e) => setEffectiveDate(e.target.value)} />}
        </Field>
      ) : null}
      <Field id="decision-reasons" label="Reasons" hint={`Markdown. Visible to: ${audience}.`} errors={errors.reasons}>
        {(aria) => <Textarea {...aria} rows={4} value={reasons} onChange={(e) => setReasons(e.target.value)} />}
      </Field>
      {outcome === "declined" ? (
        <fieldset aria-describedby={errors.missing?.length ? "missing-hint missing-error" : "missing-hint"} aria-invalid={errors.missing?.length ? true : undefined} className="space-y-3">
          <legend className="text-sm font-medium text-stone-800">What is missing</legend>
          <p id="missing-hint" className="text-xs text-stone-600">
            For each cell that holds the packet back, what would close the gap. Cells left empty are not mentioned. Shown beside the cell to {personName} and their manager.
          </p>
          {errors.missing?.length ? (
            <p id="missing-error" className="text-sm font-medium text-red-700">
              {errors.missing.join(" ")}
            </p>
          ) : null}
          {cells.map((c) => (
            <div key={c.id} className="space-y-1">
              <label htmlFor={`missing-${c.anchor}`} className="block text-sm font-medium text-stone-800">
                Missing in {c.name}
              </label>
              <Textarea id={`missing-${c.anchor}`} rows={2} value={missing[c.id] ?? ""} onChange={(e) => setMissing((m) => ({ ...m, [c.id]: e.target.value }))} />
            </div>
          ))}
        </fieldset>
      ) : null}
      <Button type="submit" disabled={pending}>
        {pending ? "Recording…" : "Record the decision"}
      </Button>
    </form>
  );
}
