"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input, Textarea } from "@/components/ui/field";
import type { ActionState } from "@/lib/domain/result";

/*
 * The small forms the structure pages repeat: name and summary, move up or
 * down, and remove (which asks first, and lists what uses the thing when the
 * removal is refused). Each carries the draft, its revision and the key.
 */
type Action<D = undefined> = (state: ActionState<D>, data: FormData) => Promise<ActionState<D>>;
type Hidden = Record<string, string | number>;

function HiddenFields({ values }: { values: Hidden }) {
  return (
    <>
      {Object.entries(values).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
    </>
  );
}

export function NameSummaryForm({ action, hidden, idPrefix, defaults, nameLabel, summaryLabel, submitLabel }: { action: Action; hidden: Hidden; idPrefix: string; defaults: { name: string; summary: string }; nameLabel: string; summaryLabel: string; submitLabel: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, {});
  const v = state.ok ? null : state.values;
  const adding = !("key" in hidden || "trackKey" in hidden);
  return (
    <form action={formAction} className="space-y-3" noValidate key={state.ok && adding ? state.attempt : undefined}>
      <HiddenFields values={hidden} />
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <Field id={`${idPrefix}-name`} label={nameLabel} errors={state.fieldErrors?.name}>
        {(aria) => <Input {...aria} name="name" defaultValue={v?.name ?? defaults.name} maxLength={60} />}
      </Field>
      <Field id={`${idPrefix}-summary`} label={summaryLabel} errors={state.fieldErrors?.summary}>
        {(aria) => <Textarea {...aria} name="summary" rows={2} defaultValue={v?.summary ?? defaults.summary} />}
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}

export function MoveButtons({ action, hidden, label, first, last, upLabel = "Move up", downLabel = "Move down" }: { action: Action; hidden: Hidden; label: string; first: boolean; last: boolean; upLabel?: string; downLabel?: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, {});
  return (
    <form action={formAction} className="flex flex-wrap items-center gap-1">
      <HiddenFields values={hidden} />
      <Button type="submit" name="direction" value="up" variant="ghost" disabled={pending || first}>
        {upLabel}
        <span className="sr-only"> {label}</span>
      </Button>
      <Button type="submit" name="direction" value="down" variant="ghost" disabled={pending || last}>
        {downLabel}
        <span className="sr-only"> {label}</span>
      </Button>
      {state.message && !state.ok ? (
        <span role="status" className="text-xs text-red-700">
          {state.message}
        </span>
      ) : null}
    </form>
  );
}

export function RemoveButton({ action, hidden, label, warning }: { action: Action<{ uses: string[] }>; hidden: Hidden; label: string; warning: string }) {
  const [state, formAction, pending] = useActionState<ActionState<{ uses: string[] }>, FormData>(action, {});
  // Asking is tied to the attempt it was opened for, so an answer closes it and a new click asks again.
  const [askedAt, setAskedAt] = useState<number | null>(null);
  const attempt = state.attempt ?? 0;
  const confirming = askedAt === attempt;
  const uses = state.data?.uses ?? [];
  return (
    <div className="space-y-2">
      {confirming ? (
        <form action={formAction} className="space-y-2 rounded-md border border-red-200 bg-red-50 p-3">
          <HiddenFields values={hidden} />
          <p className="text-sm text-red-900">
            Remove {label} from this draft? {warning}
          </p>
          <div className="flex gap-2">
            <Button type="button" variant="ghost" onClick={() => setAskedAt(null)}>
              Keep it
            </Button>
            <Button type="submit" variant="danger" disabled={pending} autoFocus>
              Remove {label}
            </Button>
          </div>
        </form>
      ) : (
        <Button type="button" variant="ghost" onClick={() => setAskedAt(attempt)}>
          Remove<span className="sr-only"> {label}</span>
        </Button>
      )}
      {state.message && !state.ok && !confirming ? (
        <div role="status" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="in-use">
          <p className="font-medium">{state.message}</p>
          {uses.length ? (
            <ul className="mt-1 list-disc pl-5">
              {uses.map((u) => (
                <li key={u}>{u}</li>
              ))}
            </ul>
          ) : null}
        </div>
      ) : null}
    </div>
  );
}
