"use client";

import { useCallback } from "react";
import { DiffText } from "@/components/framework/diff-text";
import { useAutosave } from "@/components/forms/use-autosave";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { FormMessage, Textarea } from "@/components/ui/field";
import { wordDiff } from "@/lib/framework/word-diff";
import { saveDraftCellAction } from "./actions";

export type CellText = { expectation: string; description: string; examples: string[] };
type Draft = { expectation: string; description: string; examples: string };

const toDraft = (t: CellText): Draft => ({ expectation: t.expectation, description: t.description, examples: t.examples.join("\n") });
const EXPECTATION_MAX = 200;

/*
 * One cell of a draft, written in place: it saves itself two seconds after
 * typing stops, against the revision it loaded. If another admin saved the
 * cell first, this one keeps its text and shows theirs, to keep or take.
 */
export function CellEditor(props: { number: number; levelKey: string; cell: string; anchor: string; competencyName: string; themeName: string; revision: number; text: CellText; published: CellText | null; currentNumber: number | null }) {
  const { number, levelKey, cell } = props;
  const draft = useAutosave<Draft, CellText>({
    initial: toDraft(props.text),
    version: props.revision,
    savedAt: null,
    send: useCallback((value, revision) => saveDraftCellAction({}, { number, levelKey, cell, revision, ...value }), [number, levelKey, cell]),
    fromSaved: toDraft,
  });
  const { value, status, message, fieldErrors, conflict, keepMine, useTheirs } = draft;
  const set = (patch: Partial<Draft>) => draft.change({ ...draft.latest.current, ...patch });
  const published = props.published ? toDraft(props.published) : null;
  const changed = published !== null && (published.expectation !== value.expectation.trim() || published.description !== value.description.trim() || published.examples !== value.examples.split("\n").map((l) => l.trim()).filter(Boolean).join("\n"));
  const unwritten = !value.expectation.trim() || !value.description.trim() || !value.examples.trim();
  const id = (field: string) => `${props.anchor}-${field}`;
  const errorOf = (field: string) => fieldErrors[field]?.join(" ");
  const describe = (field: string, hint?: boolean) => [hint ? id(`${field}-hint`) : null, errorOf(field) ? id(`${field}-error`) : null].filter(Boolean).join(" ") || undefined;
  const name = `${props.competencyName} · ${props.themeName}`;
  const forCell = <span className="sr-only"> for {name}</span>;
  const error = (field: string) =>
    errorOf(field) ? (
      <p id={id(`${field}-error`)} className="text-sm font-medium text-red-700">
        {errorOf(field)}
      </p>
    ) : null;

  return (
    <section id={props.anchor} aria-labelledby={id("title")} className="scroll-mt-6 rounded-lg border border-stone-200 bg-white p-4 shadow-xs" data-testid={`cell-${cell}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={id("title")} className="font-semibold text-stone-900">
          <span className="sr-only">{props.competencyName} · </span>
          {props.themeName}
        </h3>
        <span className="flex flex-wrap gap-1.5">
          {unwritten ? <Badge tone="red">To write</Badge> : null}
          {published === null ? <Badge tone="brand">New</Badge> : changed ? <Badge tone="blue">Changed from v{props.currentNumber}</Badge> : null}
        </span>
      </div>
      <p role="status" aria-live="polite" className="mt-1 text-xs text-stone-600" data-testid="cell-save-status">
        {status}
      </p>
      <div className="mt-3 space-y-3">
        <div className="space-y-1">
          <label htmlFor={id("expectation")} className="block text-sm font-medium text-stone-800">
            Expectation{forCell}
          </label>
          <Textarea id={id("expectation")} rows={2} value={value.expectation} maxLength={EXPECTATION_MAX} aria-describedby={describe("expectation", true)} aria-invalid={errorOf("expectation") ? true : undefined} onChange={(e) => set({ expectation: e.target.value })} />
          <p id={id("expectation-hint")} className="text-xs text-stone-600">
            One line. {value.expectation.length}/{EXPECTATION_MAX} characters.
          </p>
          {error("expectation")}
        </div>
        <div className="space-y-1">
          <label htmlFor={id("description")} className="block text-sm font-medium text-stone-800">
            Description{forCell}
          </label>
          <Textarea id={id("description")} rows={4} value={value.description} aria-describedby={describe("description")} aria-invalid={errorOf("description") ? true : undefined} onChange={(e) => set({ description: e.target.value })} />
          {error("description")}
        </div>
        <div className="space-y-1">
          <label htmlFor={id("examples")} className="block text-sm font-medium text-stone-800">
            Examples{forCell}
          </label>
          <Textarea id={id("examples")} rows={3} value={value.examples} aria-describedby={describe("examples", true)} aria-invalid={errorOf("examples") ? true : undefined} onChange={(e) => set({ examples: e.target.value })} />
          <p id={id("examples-hint")} className="text-xs text-stone-600">
            One example behaviour per line, up to five.
          </p>
          {error("examples")}
        </div>
      </div>
      <FormMessage message={conflict ? null : message} />
      {conflict ? (
        <div className="mt-3 rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-950" data-testid="cell-conflict">
          <p className="font-semibold">Saved by someone else while you were editing</p>
          <p className="mt-1">Your text is still in the fields above. The saved text is:</p>
          <p className="mt-2 font-medium">{conflict.current.expectation || "(no expectation)"}</p>
          <p className="mt-1 whitespace-pre-wrap break-words">{conflict.current.description}</p>
          <ul className="mt-1 list-disc pl-5">
            {conflict.current.examples.map((e, i) => (
              <li key={i}>{e}</li>
            ))}
          </ul>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button type="button" onClick={keepMine}>
              Keep mine and save
            </Button>
            <Button type="button" variant="secondary" onClick={useTheirs}>
              Use the saved text
            </Button>
          </div>
        </div>
      ) : null}
      {published && changed ? (
        <details className="mt-3 text-sm">
          <summary className="cursor-pointer text-xs font-semibold text-brand-700">Words changed from version {props.currentNumber}</summary>
          <p className="mt-2 break-words text-stone-800">
            <DiffText parts={wordDiff(published.expectation, value.expectation)} side="both" />
          </p>
          <p className="mt-2 break-words text-stone-700">
            <DiffText parts={wordDiff(published.description, value.description)} side="both" />
          </p>
        </details>
      ) : null}
    </section>
  );
}
