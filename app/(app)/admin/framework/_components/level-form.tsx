"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input, Select, Textarea } from "@/components/ui/field";
import type { ActionState } from "@/lib/domain/result";

export type EquivalentChoice = { trackName: string; levels: { key: string; label: string }[] };
type Action = (state: ActionState, data: FormData) => Promise<ActionState>;

/*
 * A level's code, name and summary, and (for an existing level) the level on
 * another track it is equivalent to: both sides are set together.
 */
export function LevelForm({ action, hidden, idPrefix, defaults, equivalents, submitLabel }: { action: Action; hidden: Record<string, string | number>; idPrefix: string; defaults: { code: string; name: string; summary: string; equivalentLevelKey?: string | null }; equivalents?: EquivalentChoice[]; submitLabel: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(action, {});
  const v = state.ok ? null : state.values;
  const adding = !("levelKey" in hidden);
  return (
    <form action={formAction} className="space-y-3" noValidate key={state.ok && adding ? state.attempt : undefined}>
      {Object.entries(hidden).map(([name, value]) => (
        <input key={name} type="hidden" name={name} value={value} />
      ))}
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <div className="grid gap-3 sm:grid-cols-[8rem_1fr]">
        <Field id={`${idPrefix}-code`} label="Code" errors={state.fieldErrors?.code}>
          {(aria) => <Input {...aria} name="code" defaultValue={v?.code ?? defaults.code} maxLength={12} />}
        </Field>
        <Field id={`${idPrefix}-name`} label="Level name" errors={state.fieldErrors?.name}>
          {(aria) => <Input {...aria} name="name" defaultValue={v?.name ?? defaults.name} maxLength={80} />}
        </Field>
      </div>
      <Field id={`${idPrefix}-summary`} label="Summary" errors={state.fieldErrors?.summary}>
        {(aria) => <Textarea {...aria} name="summary" rows={2} defaultValue={v?.summary ?? defaults.summary} />}
      </Field>
      {equivalents ? (
        <Field id={`${idPrefix}-equivalent`} label="Equivalent level on another track" hint="Used when someone changes track. Both levels name each other." errors={state.fieldErrors?.equivalentLevelKey}>
          {(aria) => (
            <Select {...aria} name="equivalentLevelKey" defaultValue={v?.equivalentLevelKey ?? defaults.equivalentLevelKey ?? ""}>
              <option value="">None</option>
              {equivalents.map((group) => (
                <optgroup key={group.trackName} label={group.trackName}>
                  {group.levels.map((l) => (
                    <option key={l.key} value={l.key}>
                      {l.label}
                    </option>
                  ))}
                </optgroup>
              ))}
            </Select>
          )}
        </Field>
      ) : null}
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
