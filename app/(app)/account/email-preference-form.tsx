"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage } from "@/components/ui/field";
import type { EmailPreference } from "@/lib/domain/enums";
import type { ActionState } from "@/lib/domain/result";
import { saveEmailPreferenceAction } from "./actions";

const CHOICES: { value: EmailPreference; label: string; hint: string }[] = [
  { value: "immediate", label: "Each notification, as it happens", hint: "One email per review step, claim decision or reminder." },
  { value: "digest", label: "A daily digest", hint: "One email a day, from 08:00 in the organisation's time zone, with what you have not read yet." },
  { value: "off", label: "No email", hint: "Notifications stay here in Trellis. Invitation and password-reset links are still emailed." },
];

export function EmailPreferenceForm({ current, version, mailOn }: { current: EmailPreference; version: number; mailOn: boolean }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(saveEmailPreferenceAction, {});
  const chosen = (state.ok ? undefined : state.values?.email) ?? current;
  const errors = state.fieldErrors?.email;
  return (
    <form action={formAction} className="space-y-4" noValidate>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <input type="hidden" name="version" value={state.version ?? version} />
      <fieldset aria-describedby={errors ? "email-error" : undefined}>
        <legend className="text-sm font-medium text-stone-800">Email me about notifications</legend>
        <div className="mt-2 space-y-2" key={state.attempt}>
          {CHOICES.map((c) => (
            <label key={c.value} className="flex cursor-pointer items-start gap-3 rounded-md border border-stone-200 p-3 has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input type="radio" name="email" value={c.value} defaultChecked={chosen === c.value} className="mt-1 accent-brand-700" aria-describedby={`email-${c.value}-hint`} />
              <span>
                <span className="block text-sm font-medium text-stone-900">{c.label}</span>
                <span id={`email-${c.value}-hint`} className="block text-xs text-stone-600">
                  {c.hint}
                </span>
              </span>
            </label>
          ))}
        </div>
        {errors ? (
          <p id="email-error" className="mt-2 text-sm font-medium text-red-700">
            {errors.join(" ")}
          </p>
        ) : null}
      </fieldset>
      {mailOn ? null : <p className="text-sm text-amber-900">This Trellis has no mail server set up yet, so nothing is emailed for now; your choice applies once an admin sets one up.</p>}
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save email setting"}
      </Button>
    </form>
  );
}
