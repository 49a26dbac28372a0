"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Input, Textarea } from "@/components/ui/field";
import type { ActionState } from "@/lib/domain/result";
import { EVIDENCE_AUDIENCE } from "@/lib/policies/evidence";
import { CellChecklist } from "@/components/framework/cell-checklist";
import type { MatrixAxis } from "@/components/framework/matrix-grid";
import { createEvidenceAction, updateEvidenceAction } from "../actions";

export type EvidenceMatrix = { competencies: MatrixAxis[]; themes: MatrixAxis[] };
export type EvidenceDefaults = { entryId?: string; version?: number; title: string; occurredOn: string; description: string; links: string; cells: string[] };

/* Add or edit an evidence-log entry. Cells go to the server as one comma-joined list of CellRef ids. */
export function EvidenceForm({ defaults, matrix, today }: { defaults: EvidenceDefaults; matrix: EvidenceMatrix; today: string }) {
  const editing = Boolean(defaults.entryId);
  const [state, formAction, pending] = useActionState<ActionState, FormData>(editing ? updateEvidenceAction : createEvidenceAction, {});
  const v = state.ok || !state.values ? null : state.values;
  const chosen = new Set(v ? (v.cells ?? "").split(",").filter(Boolean) : defaults.cells);
  const cellErrors = state.fieldErrors?.cells;
  return (
    <form
      action={(formData) => {
        formData.set("cells", formData.getAll("cell").join(","));
        formData.delete("cell");
        formAction(formData);
      }}
      className="space-y-5"
      noValidate
      key={state.attempt}
    >
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <p className="text-xs text-stone-600">Visible to: {EVIDENCE_AUDIENCE}.</p>
      {editing ? (
        <>
          <input type="hidden" name="entryId" value={defaults.entryId} />
          <input type="hidden" name="version" value={state.version ?? defaults.version} />
        </>
      ) : null}
      <Field id="title" label="What happened" errors={state.fieldErrors?.title}>
        {(aria) => <Input {...aria} name="title" defaultValue={v?.title ?? defaults.title} />}
      </Field>
      <Field id="occurredOn" label="Date" errors={state.fieldErrors?.occurredOn}>
        {(aria) => <Input {...aria} name="occurredOn" type="date" max={today} defaultValue={v?.occurredOn ?? defaults.occurredOn} className="max-w-48" />}
      </Field>
      <Field id="description" label="Description" hint="Markdown: **bold**, lists, links. What you did, for whom, and what changed because of it." errors={state.fieldErrors?.description}>
        {(aria) => <Textarea {...aria} name="description" rows={6} defaultValue={v?.description ?? defaults.description} />}
      </Field>
      <Field id="links" label="Links" hint="One per line: the pull request, design doc, talk or ticket." errors={state.fieldErrors?.links}>
        {(aria) => <Textarea {...aria} name="links" rows={3} defaultValue={v?.links ?? defaults.links} />}
      </Field>
      <fieldset aria-describedby={cellErrors ? "cells-error" : undefined} aria-invalid={cellErrors ? true : undefined}>
        <legend className="text-sm font-medium text-stone-800">Cells it demonstrates</legend>
        <CellChecklist competencies={matrix.competencies} themes={matrix.themes} name="cell" chosen={chosen} />
        {cellErrors ? (
          <p id="cells-error" className="mt-1 text-sm font-medium text-red-700">
            {cellErrors.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : editing ? "Save changes" : "Add to my log"}
      </Button>
    </form>
  );
}
