"use client";

import { useCallback, type ReactNode } from "react";
import { useSaveThenStep } from "@/components/forms/use-save-then-step";
import { Button } from "@/components/ui/button";
import { Badge } from "@/components/ui/card";
import { FormMessage, Textarea } from "@/components/ui/field";
import type { Rating } from "@/lib/domain/enums";
import { differsBy, differsLabel } from "@/lib/reviews/manager-review";
import { RATING_SCALE, ratingLabel } from "@/lib/reviews/self-assessment";
import { saveManagerReviewAction, shareManagerReviewAction } from "../actions";
import type { FrameworkCell } from "./self-assessment-form";
import { useAutosave } from "@/components/forms/use-autosave";

export type ManagerCell = { cell: string; rating: Rating | null; comment: string };
type Part = { summary: string; cells: ManagerCell[] };

/*
 * The direct manager's side: per cell, the pinned expectation and the self
 * part (read-only, rendered on the server) beside the manager's rating and
 * comment; a summary; sharing. Autosaves like the self-assessment, with the
 * same conflict protection.
 */
export function ManagerReviewForm(props: {
  reviewId: string;
  personName: string;
  version: number;
  levelLabel: string;
  frameworkCells: FrameworkCell[];
  selfRatings: Record<string, Rating | null> | null;
  selfContent: Record<string, ReactNode>;
  initial: Part;
  audience: string;
}) {
  const draft = useAutosave<Part, Part>({
    initial: props.initial,
    version: props.version,
    savedAt: null,
    send: useCallback((value, version) => saveManagerReviewAction({}, { reviewId: props.reviewId, version, ...value }), [props.reviewId]),
    fromSaved: (current) => current,
  });
  const { value: part, saveState, status, message, conflict, keepMine, useTheirs } = draft;
  const { busy: sharing, errors, setErrors, step } = useSaveThenStep(draft, "The review could not be shared.");

  const update = (next: Part) => draft.change(next);
  const changeCell = (cellKey: string, patch: Partial<ManagerCell>) => {
    update({ ...draft.latest.current, cells: draft.latest.current.cells.map((c) => (c.cell === cellKey ? { ...c, ...patch } : c)) });
    if (patch.rating) setErrors((e) => ({ ...e, [cellKey]: undefined }));
  };

  const share = () => step((version) => shareManagerReviewAction({}, { reviewId: props.reviewId, version }));

  const byCell = new Map(part.cells.map((c) => [c.cell, c]));

  return (
    <div className="space-y-6">
      <div className="sticky top-0 z-10 flex flex-wrap items-center justify-between gap-3 rounded-lg border border-stone-200 bg-white/95 px-4 py-3 shadow-xs">
        <p role="status" aria-live="polite" className="text-sm font-medium text-stone-700" data-testid="manager-save-status">
          {status}
        </p>
        <Button type="button" onClick={share} disabled={sharing || saveState === "conflict"}>
          {sharing ? "Sharing…" : `Share with ${props.personName}`}
        </Button>
      </div>
      <FormMessage message={message} />
      {conflict ? (
        <section aria-labelledby="manager-conflict-title" className="rounded-lg border border-amber-300 bg-amber-50 p-4">
          <h2 id="manager-conflict-title" className="font-semibold text-amber-900">
            Saved somewhere else while you were editing
          </h2>
          <p className="mt-1 text-sm text-amber-900">Your text is still in the form below. The saved summary is:</p>
          <p className="mt-2 whitespace-pre-wrap break-words rounded-md bg-white p-3 text-sm" data-testid="manager-conflict-summary">
            {conflict.current.summary || "(no summary)"}
          </p>
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
        const mine = byCell.get(fc.id) ?? { cell: fc.id, rating: null, comment: "" };
        const self = props.selfRatings?.[fc.id] ?? null;
        const steps = differsBy(self, mine.rating);
        const errorId = errors[fc.id]?.length ? `${fc.anchor}-manager-error` : undefined;
        return (
          <section key={fc.id} id={fc.anchor} aria-labelledby={`${fc.anchor}-title`} className={`scroll-mt-20 rounded-lg border bg-white shadow-xs ${steps ? "border-amber-400" : "border-stone-200"}`} data-testid="manager-cell">
            <div className="flex flex-wrap items-baseline justify-between gap-2 border-b border-stone-200 px-5 py-4">
              <div className="min-w-0">
                <h2 id={`${fc.anchor}-title`} className="text-base font-semibold text-stone-900">
                  {fc.competencyName} · {fc.themeName}
                </h2>
                <p className="mt-1 text-sm text-stone-800">
                  <span className="font-medium">Expected at {props.levelLabel}:</span> {fc.expectation}
                </p>
              </div>
              {steps ? <Badge tone="amber">{differsLabel(steps)}</Badge> : null}
            </div>
            <div className="grid gap-4 px-5 py-4 md:grid-cols-2">
              <div className="min-w-0 text-sm">
                <p className="font-medium text-stone-800">{props.selfRatings ? `Self: ${ratingLabel(self)}` : "Self-assessment not submitted yet"}</p>
                {props.selfContent[fc.id]}
              </div>
              <div className="min-w-0 space-y-3">
                <fieldset aria-describedby={errorId} aria-invalid={errorId ? true : undefined}>
                  <legend className="text-sm font-medium text-stone-800">Your rating against {props.levelLabel}</legend>
                  <div className="mt-2 grid gap-2 sm:grid-cols-2">
                    {RATING_SCALE.map((r) => (
                      <label key={r.value} className={`flex cursor-pointer gap-2 rounded-md border px-3 py-2 text-sm ${mine.rating === r.value ? "border-brand-600 bg-brand-50" : "border-stone-300"}`}>
                        <input type="radio" name={`manager-rating-${fc.id}`} value={r.value} checked={mine.rating === r.value} onChange={() => changeCell(fc.id, { rating: r.value })} className="mt-0.5" />
                        <span className="font-medium">{r.label}</span>
                      </label>
                    ))}
                  </div>
                  {errorId ? (
                    <p id={errorId} className="mt-1 text-sm font-medium text-red-700">
                      {errors[fc.id]!.join(" ")}
                    </p>
                  ) : null}
                </fieldset>
                <div className="space-y-1.5">
                  <label htmlFor={`${fc.anchor}-comment`} className="block text-sm font-medium text-stone-800">
                    Your comment on {fc.competencyName} · {fc.themeName}
                  </label>
                  <Textarea id={`${fc.anchor}-comment`} aria-describedby={`${fc.anchor}-comment-hint`} rows={4} value={mine.comment} onChange={(e) => changeCell(fc.id, { comment: e.target.value })} />
                  <p id={`${fc.anchor}-comment-hint`} className="text-xs text-stone-600">
                    Markdown. Visible to: {props.audience}
                  </p>
                </div>
              </div>
            </div>
          </section>
        );
      })}
      <section aria-labelledby="summary-label" className="rounded-lg border border-stone-200 bg-white px-5 py-4 shadow-xs">
        <label id="summary-label" htmlFor="manager-summary" className="block text-base font-semibold text-stone-900">
          Summary
        </label>
        <Textarea
          id="manager-summary"
          rows={6}
          aria-describedby={errors.summary?.length ? "manager-summary-hint manager-summary-error" : "manager-summary-hint"}
          aria-invalid={errors.summary?.length ? true : undefined}
          value={part.summary}
          onChange={(e) => {
            update({ ...draft.latest.current, summary: e.target.value });
            setErrors((x) => ({ ...x, summary: undefined }));
          }}
        />
        <p id="manager-summary-hint" className="mt-1 text-xs text-stone-600">
          Markdown. Visible to: {props.audience}
        </p>
        {errors.summary?.length ? (
          <p id="manager-summary-error" className="mt-1 text-sm font-medium text-red-700">
            {errors.summary.join(" ")}
          </p>
        ) : null}
      </section>
    </div>
  );
}
