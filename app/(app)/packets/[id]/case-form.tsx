"use client";

import { useCallback, useState, type ReactNode } from "react";
import type { CitableEntry } from "@/components/forms/citation-picker";
import { ConflictPanel } from "@/components/forms/conflict-panel";
import { SaveBar } from "@/components/forms/save-bar";
import { useAutosave } from "@/components/forms/use-autosave";
import { useSaveThenStep } from "@/components/forms/use-save-then-step";
import { Button } from "@/components/ui/button";
import { FormMessage, Textarea } from "@/components/ui/field";
import { savePacketCaseAction, submitPacketAction } from "./actions";
import { CaseCellEditor, type CaseCell, type EditorCell } from "./case-cell-editor";

type Case = { summary: string; cells: CaseCell[] };

/*
 * The author's part of a draft packet: a summary and each cell's case,
 * autosaved with the same conflict protection as reviews, then submitted to
 * the manager with an optional note.
 */
export function CaseForm(props: {
  packetId: string;
  version: number;
  savedAt: string | null;
  targetLabel: string;
  managerName: string | null;
  audience: string;
  cells: EditorCell[];
  initial: Case;
  context: Record<string, ReactNode>;
  entries: CitableEntry[];
}) {
  const draft = useAutosave<Case, Case>({
    initial: props.initial,
    version: props.version,
    savedAt: props.savedAt,
    send: useCallback((value, version) => savePacketCaseAction({}, { packetId: props.packetId, version, ...value }), [props.packetId]),
    fromSaved: (current) => current,
  });
  const { value, status, saveState, message, conflict, keepMine, useTheirs } = draft;
  const { busy: submitting, errors, setErrors, step } = useSaveThenStep(draft, "The packet could not be submitted.");
  const [note, setNote] = useState("");
  const byCell = new Map(value.cells.map((c) => [c.cell, c]));

  const changeCell = (cell: string, patch: Partial<CaseCell>) => {
    const current = draft.latest.current;
    draft.change({ ...current, cells: current.cells.map((c) => (c.cell === cell ? { ...c, ...patch } : c)) });
    if (patch.text?.trim()) setErrors((e) => ({ ...e, [cell]: undefined }));
  };

  const submit = () => step((version) => submitPacketAction({}, { packetId: props.packetId, version, note }));

  const missing = props.cells.filter((c) => errors[c.id]?.length);
  const to = props.managerName ?? "your manager";
  return (
    <div className="space-y-6">
      <SaveBar testId="case-save-status" status={status}>
        <a href="#submit" className="text-sm font-semibold text-brand-700 underline">
          Ready? Submit to {to}
        </a>
      </SaveBar>
      <FormMessage message={message} />
      {missing.length ? (
        <nav aria-label="Cells without a case" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          <p className="font-medium">These cells still need a case:</p>
          <ul className="mt-1 list-disc pl-5">
            {missing.map((c) => (
              <li key={c.id}>
                <a href={`#${c.anchor}`} className="underline">
                  {c.name}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {conflict ? (
        <ConflictPanel id="case-conflict" onKeepMine={keepMine} onUseTheirs={useTheirs}>
          <ul className="space-y-3">
            {conflict.current.summary !== value.summary ? (
              <li className="rounded-md bg-white p-3 text-sm" data-testid="conflict-cell">
                <p className="font-medium">Summary</p>
                <p className="mt-1 whitespace-pre-wrap break-words text-stone-700">{conflict.current.summary || "(empty)"}</p>
              </li>
            ) : null}
            {props.cells
              .map((c) => ({ c, theirs: conflict.current.cells.find((t) => t.cell === c.id), mine: byCell.get(c.id) }))
              .filter(({ theirs, mine }) => theirs && mine && (theirs.text !== mine.text || theirs.citations.join() !== mine.citations.join()))
              .map(({ c, theirs }) => (
                <li key={c.id} className="rounded-md bg-white p-3 text-sm" data-testid="conflict-cell">
                  <p className="font-medium">{c.name}</p>
                  <p className="mt-1 whitespace-pre-wrap break-words text-stone-700">{theirs!.text || "(empty)"}</p>
                </li>
              ))}
          </ul>
        </ConflictPanel>
      ) : null}
      <div className="rounded-lg border border-stone-200 bg-white px-5 py-4 shadow-xs">
        <label htmlFor="packet-summary" className="mb-2 block text-base font-semibold text-stone-900">
          Summary: why now, for {props.targetLabel}
        </label>
        <Textarea
          id="packet-summary"
          rows={6}
          aria-describedby={errors.summary?.length ? "packet-summary-hint packet-summary-error" : "packet-summary-hint"}
          aria-invalid={errors.summary?.length ? true : undefined}
          value={value.summary}
          onChange={(e) => {
            draft.change({ ...draft.latest.current, summary: e.target.value });
            setErrors((x) => ({ ...x, summary: undefined }));
          }}
        />
        <p id="packet-summary-hint" className="mt-1 text-xs text-stone-600">
          Markdown. Visible to: {props.audience}
        </p>
        {errors.summary?.length ? (
          <p id="packet-summary-error" className="mt-1 text-sm font-medium text-red-700">
            {errors.summary.join(" ")}
          </p>
        ) : null}
      </div>
      {props.cells.map((cell) => (
        <CaseCellEditor key={cell.id} cell={cell} value={byCell.get(cell.id) ?? { cell: cell.id, text: "", citations: [] }} onChange={(patch) => changeCell(cell.id, patch)} context={props.context[cell.id]} entries={props.entries} audience={props.audience} error={errors[cell.id]} />
      ))}
      <section id="submit" aria-labelledby="submit-title" className="scroll-mt-20 rounded-lg border border-stone-200 bg-white px-5 py-4 shadow-xs">
        <h2 id="submit-title" className="text-base font-semibold text-stone-900">
          Submit to {to}
        </h2>
        <p className="mt-1 text-sm text-stone-700">Submitting locks your case while {to} reviews it. They rate each cell against {props.targetLabel}, then return it to you with feedback or endorse it for the committee.</p>
        <label htmlFor="submit-note" className="mt-3 block text-sm font-medium text-stone-800">
          Note for {to} (optional)
        </label>
        <Textarea id="submit-note" rows={2} value={note} onChange={(e) => setNote(e.target.value)} aria-describedby="submit-note-hint" />
        <p id="submit-note-hint" className="mt-1 text-xs text-stone-600">
          Shown on the packet&apos;s timeline. Visible to: {props.audience}
        </p>
        <Button type="button" className="mt-3" onClick={submit} disabled={submitting || saveState === "conflict"}>
          {submitting ? "Submitting…" : `Submit to ${to}`}
        </Button>
      </section>
    </div>
  );
}
