"use client";

import Link from "next/link";
import { useCallback } from "react";
import { CitationPicker, type CitableEntry } from "@/components/forms/citation-picker";
import { useSaveThenStep } from "@/components/forms/use-save-then-step";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { FormMessage, Textarea } from "@/components/ui/field";
import type { Rating } from "@/lib/domain/enums";
import { RATING_SCALE, ratingLabel } from "@/lib/reviews/self-assessment";
import { saveSelfAssessmentAction, submitSelfAssessmentAction } from "../actions";
import { useAutosave } from "@/components/forms/use-autosave";

export type FrameworkCell = { id: string; anchor: string; competencyName: string; themeName: string; expectation: string; description: string };
export type SelfCell = { cell: string; rating: Rating | null; evidence: string; citations: string[] };
export type Learning = { id: string; item: string; cell: string };

export function SelfAssessmentForm(props: {
  reviewId: string;
  version: number;
  levelLabel: string;
  audience: string;
  frameworkCells: FrameworkCell[];
  initial: SelfCell[];
  savedAt: string | null;
  entries: CitableEntry[];
  learning: Learning[];
}) {
  const draft = useAutosave<Map<string, SelfCell>, SelfCell[]>({
    initial: new Map(props.initial.map((c) => [c.cell, c])),
    version: props.version,
    savedAt: props.savedAt,
    send: useCallback((value, version) => saveSelfAssessmentAction({}, { reviewId: props.reviewId, version, cells: [...value.values()] }), [props.reviewId]),
    fromSaved: (current) => new Map(current.map((c) => [c.cell, c])),
  });
  const { value: cells, saveState, status, message, conflict, keepMine, useTheirs } = draft;
  const { busy: submitting, errors: missing, setErrors: setMissing, step } = useSaveThenStep(draft, "Your self-assessment could not be submitted.");

  const change = (cellKey: string, patch: Partial<SelfCell>) => {
    const next = new Map(draft.latest.current);
    next.set(cellKey, { ...next.get(cellKey)!, ...patch });
    draft.change(next);
    if (patch.rating) setMissing((m) => ({ ...m, [cellKey]: undefined }));
  };

  const submit = () => step((version) => submitSelfAssessmentAction({}, { reviewId: props.reviewId, version }));

  const missingCells = props.frameworkCells.filter((c) => missing[c.id]?.length);

  return (
    <div className="space-y-6">
      <div className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-stone-200 bg-white/95 px-4 py-3 shadow-xs">
        <p role="status" aria-live="polite" className="text-sm font-medium text-stone-700" data-testid="save-status">
          {status}
        </p>
        <Button type="button" onClick={submit} disabled={submitting || saveState === "conflict"}>
          {submitting ? "Submitting…" : "Submit self-assessment"}
        </Button>
      </div>
      <FormMessage message={message} />
      {missingCells.length ? (
        <nav aria-label="Cells without a rating" className="rounded-md border border-red-200 bg-red-50 px-4 py-3 text-sm text-red-800">
          <p className="font-medium">These cells still need a rating:</p>
          <ul className="mt-1 list-disc pl-5">
            {missingCells.map((c) => (
              <li key={c.id}>
                <a href={`#${c.anchor}`} className="underline">
                  {c.competencyName} · {c.themeName}
                </a>
              </li>
            ))}
          </ul>
        </nav>
      ) : null}
      {conflict ? (
        <section aria-labelledby="conflict-title" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 id="conflict-title" className="font-semibold text-amber-900">
            Saved somewhere else while you were editing
          </h2>
          <p className="mt-1 text-sm text-amber-900">Another tab or device saved this self-assessment. Your text is still in the form below. Here is what is saved now where it differs from yours:</p>
          <ul className="mt-3 space-y-3">
            {props.frameworkCells
              .map((c) => ({ c, theirs: conflict.current.find((t) => t.cell === c.id), mine: cells.get(c.id) }))
              .filter(({ theirs, mine }) => theirs && mine && (theirs.rating !== mine.rating || theirs.evidence !== mine.evidence || theirs.citations.join() !== mine.citations.join()))
              .map(({ c, theirs }) => (
                <li key={c.id} className="rounded-md bg-white p-3 text-sm" data-testid="conflict-cell">
                  <p className="font-medium">
                    {c.competencyName} · {c.themeName}: {ratingLabel(theirs!.rating)}
                  </p>
                  <p className="mt-1 whitespace-pre-wrap break-words text-stone-700">{theirs!.evidence || "(no evidence text)"}</p>
                </li>
              ))}
          </ul>
          <div className="mt-3 flex flex-wrap gap-2">
            <Button type="button" onClick={keepMine}>
              Keep mine and save
            </Button>
            <Button type="button" variant="secondary" onClick={useTheirs}>
              Use the saved version
            </Button>
          </div>
        </section>
      ) : null}
      {props.frameworkCells.map((fc) => {
        const cell = cells.get(fc.id)!;
        const errorId = missing[fc.id]?.length ? `${fc.anchor}-error` : undefined;
        const learning = props.learning.filter((l) => l.cell === fc.id);
        return (
          <section key={fc.id} id={fc.anchor} aria-labelledby={`${fc.anchor}-title`} className="scroll-mt-20 rounded-lg border border-stone-200 bg-white shadow-xs">
            <div className="border-b border-stone-200 px-5 py-4">
              <h2 id={`${fc.anchor}-title`} className="text-base font-semibold text-stone-900">
                {fc.competencyName} · {fc.themeName}
              </h2>
              <p className="mt-1 text-sm text-stone-800">
                <span className="font-medium">Expected at {props.levelLabel}:</span> {fc.expectation}
              </p>
              <details className="mt-1 text-sm text-stone-700">
                <summary className="cursor-pointer text-xs font-semibold text-brand-700">More about this cell</summary>
                <p className="mt-1">{fc.description}</p>
              </details>
            </div>
            <div className="space-y-4 px-5 py-4">
              <fieldset aria-describedby={errorId} aria-invalid={errorId ? true : undefined}>
                <legend className="text-sm font-medium text-stone-800">Your rating against {props.levelLabel}</legend>
                <p className="text-xs text-stone-600">Visible to: {props.audience}</p>
                <div className="mt-2 grid gap-2 sm:grid-cols-4">
                  {RATING_SCALE.map((r) => (
                    <label key={r.value} className={`flex cursor-pointer gap-2 rounded-md border px-3 py-2 text-sm ${cell.rating === r.value ? "border-brand-600 bg-brand-50" : "border-stone-300"}`}>
                      <input type="radio" name={`rating-${fc.id}`} value={r.value} checked={cell.rating === r.value} onChange={() => change(fc.id, { rating: r.value })} className="mt-0.5" />
                      <span>
                        <span className="block font-medium">{r.label}</span>
                        <span className="block text-xs text-stone-600">{r.meaning}</span>
                      </span>
                    </label>
                  ))}
                </div>
                {errorId ? (
                  <p id={errorId} className="mt-1 text-sm font-medium text-red-700">
                    {missing[fc.id]!.join(" ")}
                  </p>
                ) : null}
              </fieldset>
              <div className="space-y-1.5">
                <label htmlFor={`${fc.anchor}-evidence`} className="block text-sm font-medium text-stone-800">
                  Your evidence for {fc.competencyName} · {fc.themeName}
                </label>
                <Textarea id={`${fc.anchor}-evidence`} aria-describedby={`${fc.anchor}-evidence-hint`} rows={5} value={cell.evidence} onChange={(e) => change(fc.id, { evidence: e.target.value })} />
                <p id={`${fc.anchor}-evidence-hint`} className="text-xs text-stone-600">
                  Markdown. Visible to: {props.audience}
                </p>
              </div>
              <CitationPicker cellId={fc.id} entries={props.entries} cited={cell.citations} onChange={(citations) => change(fc.id, { citations })} />
              {learning.length ? (
                <div className="text-sm">
                  <p className="font-medium text-stone-800">Learning for this cell</p>
                  <ul className="mt-1 flex flex-wrap gap-2">
                    {learning.map((l) => (
                      <li key={l.id}>
                        <Link href={`/stipend/claims/${l.id}`} className="text-brand-700 underline">
                          {l.item}
                        </Link>
                      </li>
                    ))}
                  </ul>
                </div>
              ) : null}
              {cell.citations.length ? (
                <p className="text-xs text-stone-600">
                  <Badge tone="brand">{cell.citations.length} cited</Badge>
                </p>
              ) : null}
            </div>
          </section>
        );
      })}
    </div>
  );
}
