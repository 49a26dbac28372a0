"use client";

import { useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input, Select, Textarea } from "@/components/ui/field";
import type { ActionState } from "@/lib/domain/result";
import { changeLevelAction, createLinkAction, endSessionsAction, setActiveAction } from "../actions";
import { LevelOptions, type LevelGroup } from "../level-options";

export function ChangeLevelForm({ personId, current, levelGroups, today }: { personId: string; current: string; levelGroups: LevelGroup[]; today: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(changeLevelAction, {});
  const v = state.ok ? {} : (state.values ?? {});
  return (
    <form action={formAction} className="space-y-4" noValidate key={JSON.stringify(state)}>
      <input type="hidden" name="id" value={personId} />
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <div className="grid gap-4 sm:grid-cols-2">
        <Field id="level" label="New level" hint="Moving track? Pick a level on the other track." errors={state.fieldErrors?.level}>
          {(aria) => (
            <Select {...aria} name="level" defaultValue={v.level ?? current}>
              <LevelOptions groups={levelGroups} />
            </Select>
          )}
        </Field>
        <Field id="effectiveDate" label="Effective from" errors={state.fieldErrors?.effectiveDate}>
          {(aria) => <Input {...aria} name="effectiveDate" type="date" max={today} defaultValue={v.effectiveDate ?? today} />}
        </Field>
      </div>
      <Field id="reason" label="Reason" hint="Shown to the person in their level history." errors={state.fieldErrors?.reason}>
        {(aria) => <Textarea {...aria} name="reason" rows={2} defaultValue={v.reason ?? ""} />}
      </Field>
      <Button type="submit" variant="secondary" disabled={pending}>
        {pending ? "Recording…" : "Record level change"}
      </Button>
    </form>
  );
}

/* Issues a one-time link and shows it once, ready to copy; with a mail server set up, Trellis has also emailed it (`emailTo`). */
export function AccountLinkForm({ personId, purpose, label, emailTo }: { personId: string; purpose: "invite" | "reset"; label: string; emailTo: string | null }) {
  const [state, formAction, pending] = useActionState<ActionState<{ link: string }>, FormData>(createLinkAction, {});
  const [copied, setCopied] = useState(false);
  const link = state.data?.link;
  return (
    <div className="space-y-3">
      <form action={formAction}>
        <input type="hidden" name="id" value={personId} />
        <input type="hidden" name="purpose" value={purpose} />
        <Button type="submit" variant="secondary" disabled={pending}>
          {pending ? "Creating…" : label}
        </Button>
      </form>
      <FormMessage message={state.message} />
      {link ? (
        <div className="space-y-2 rounded-md border border-brand-200 bg-brand-50 p-3">
          <label htmlFor={`${purpose}-link`} className="block text-sm font-medium text-brand-900">
            {purpose === "invite" ? "Invitation link (valid for 7 days, works once)" : "Password reset link (valid for 24 hours, works once)"}
          </label>
          <div className="flex gap-2">
            <Input id={`${purpose}-link`} readOnly value={link} onFocus={(e) => e.currentTarget.select()} />
            <Button
              type="button"
              onClick={async () => {
                await navigator.clipboard.writeText(link);
                setCopied(true);
              }}
            >
              {copied ? "Copied" : "Copy"}
            </Button>
          </div>
          <p className="text-xs text-brand-900">
            {emailTo ? `Trellis is emailing it to ${emailTo}. You can also copy it; it is shown only now.` : "Send it to them yourself; Trellis shows it only now."} Issuing a new link voids this one.
          </p>
        </div>
      ) : null}
    </div>
  );
}

export function ActiveForm({ personId, active, name }: { personId: string; active: boolean; name: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(setActiveAction, {});
  return (
    <form
      action={formAction}
      className="space-y-3"
      onSubmit={(e) => {
        if (active && !window.confirm(`Deactivate ${name}? Their sessions end at once. Their records stay.`)) e.preventDefault();
      }}
    >
      <input type="hidden" name="id" value={personId} />
      <input type="hidden" name="active" value={active ? "false" : "true"} />
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <Button type="submit" variant={active ? "danger" : "secondary"} disabled={pending}>
        {active ? "Deactivate" : "Reactivate"}
      </Button>
    </form>
  );
}

export function EndSessionsForm({ personId }: { personId: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(endSessionsAction, {});
  return (
    <form action={formAction} className="space-y-3">
      <input type="hidden" name="id" value={personId} />
      <Button type="submit" variant="secondary" disabled={pending}>
        Sign out everywhere
      </Button>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
    </form>
  );
}
