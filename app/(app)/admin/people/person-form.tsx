"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input, Select } from "@/components/ui/field";
import type { ActionState } from "@/lib/domain/result";
import { LevelOptions, type LevelGroup } from "./level-options";
import { PersonOptions, type PersonOption } from "./person-options";


export type PersonFormDefaults = { id?: string; version?: string; name: string; email: string; role: string; managerId: string; team: string; startDate: string; level?: string };

/* Add and edit share one form; editing omits the level (level changes are recorded separately, with a reason). */
export function PersonForm({
  action,
  defaults,
  managers,
  teams,
  levelGroups,
  submitLabel,
}: {
  action: (state: ActionState, formData: FormData) => Promise<ActionState>;
  defaults: PersonFormDefaults;
  managers: PersonOption[];
  teams: string[];
  levelGroups?: LevelGroup[];
  submitLabel: string;
}) {
  const [state, formAction, pending] = useActionState(action, {});
  const v: Record<string, string | undefined> = { ...defaults, ...state.values };
  const errors = state.fieldErrors ?? {};
  // Remount fields with the echoed values after each submission, so what was typed stays.
  const key = JSON.stringify(state.values ?? {});
  return (
    <form action={formAction} className="space-y-5" noValidate key={key}>
      {defaults.id ? <input type="hidden" name="id" value={defaults.id} /> : null}
      {defaults.version ? <input type="hidden" name="version" value={defaults.version} /> : null}
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <div className="grid gap-5 sm:grid-cols-2">
        <Field id="name" label="Full name" errors={errors.name}>
          {(aria) => <Input {...aria} name="name" defaultValue={v.name} autoComplete="off" />}
        </Field>
        <Field id="email" label="Email" hint="They sign in with this address." errors={errors.email}>
          {(aria) => <Input {...aria} name="email" type="email" defaultValue={v.email} autoComplete="off" />}
        </Field>
        <Field id="role" label="Role" hint="Admins manage people, the framework, cycles and stipend settings." errors={errors.role}>
          {(aria) => (
            <Select {...aria} name="role" defaultValue={v.role}>
              <option value="engineer">Engineer</option>
              <option value="manager">Manager</option>
              <option value="admin">Admin</option>
            </Select>
          )}
        </Field>
        <Field id="managerId" label="Manager" errors={errors.managerId}>
          {(aria) => (
            <Select {...aria} name="managerId" defaultValue={v.managerId}>
              <option value="">No manager</option>
              <PersonOptions people={managers.filter((m) => m.id !== defaults.id)} withTeam />
            </Select>
          )}
        </Field>
        <Field id="team" label="Team or pod" errors={errors.team}>
          {(aria) => (
            <>
              <Input {...aria} name="team" defaultValue={v.team} list="team-options" autoComplete="off" />
              <datalist id="team-options">
                {teams.map((t) => (
                  <option key={t} value={t} />
                ))}
              </datalist>
            </>
          )}
        </Field>
        <Field id="startDate" label="Start date" errors={errors.startDate}>
          {(aria) => <Input {...aria} name="startDate" type="date" defaultValue={v.startDate} />}
        </Field>
        {levelGroups ? (
          <Field id="level" label="Level" hint="Their level on joining; later changes are recorded with a date and reason." errors={errors.level}>
            {(aria) => (
              <Select {...aria} name="level" defaultValue={v.level}>
                <option value="">Choose a level</option>
                <LevelOptions groups={levelGroups} />
              </Select>
            )}
          </Field>
        ) : null}
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : submitLabel}
      </Button>
    </form>
  );
}
