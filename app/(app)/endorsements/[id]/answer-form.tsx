"use client";

import { startTransition, useActionState, useState, type ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, Textarea } from "@/components/ui/field";
import type { EndorsementStance } from "@/lib/domain/enums";
import type { ActionState } from "@/lib/domain/result";
import { answerEndorsementAction } from "../actions";

type Cell = { id: string; anchor: string; name: string; stance: EndorsementStance | null; comment: string; stale: boolean };
type Answer = { cell: string; stance: EndorsementStance | null; comment: string; reconfirm: boolean };
const CHOICES: { value: EndorsementStance | null; label: string }[] = [
  { value: "endorse", label: "Endorse" },
  { value: "question", label: "Question" },
  { value: null, label: "No answer" },
];

/*
 * The endorser's answer: for each asked cell, endorse or question it with a
 * comment (a question needs one), or leave it. An answer given to words the
 * author has since changed can be confirmed for the current words.
 */
export function AnswerForm({ requestId, version, cells, caseContent, audience }: { requestId: string; version: number; cells: Cell[]; caseContent: Record<string, ReactNode>; audience: string }) {
  const [state, run, pending] = useActionState(answerEndorsementAction, {} as ActionState);
  const [answers, setAnswers] = useState<Answer[]>(cells.map((c) => ({ cell: c.id, stance: c.stance, comment: c.comment, reconfirm: false })));
  const change = (cell: string, patch: Partial<Answer>) => setAnswers((list) => list.map((a) => (a.cell === cell ? { ...a, ...patch } : a)));
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    startTransition(() => run({ requestId, version: state.version ?? version, answers }));
  };
  return (
    <form onSubmit={submit} className="space-y-4" noValidate>
      {cells.map((cell) => {
        const a = answers.find((x) => x.cell === cell.id)!;
        const error = state.fieldErrors?.[cell.id];
        const errorId = error?.length ? `${cell.anchor}-answer-error` : undefined;
        return (
          <section key={cell.id} id={cell.anchor} aria-labelledby={`${cell.anchor}-title`} className={`scroll-mt-20 rounded-lg border bg-white shadow-xs ${errorId ? "border-red-400" : "border-stone-200"}`} data-testid="endorse-cell">
            <h2 id={`${cell.anchor}-title`} className="border-b border-stone-200 px-5 py-3 text-base font-semibold text-stone-900">
              {cell.name}
            </h2>
            <div className="grid gap-5 px-5 py-4 md:grid-cols-2">
              <div className="min-w-0">{caseContent[cell.id]}</div>
              <div className="min-w-0 space-y-3 border-t border-stone-200 pt-4 md:border-l md:border-t-0 md:pl-5 md:pt-0">
                <fieldset aria-describedby={errorId}>
                  <legend className="text-sm font-medium text-stone-800">Your answer on {cell.name}</legend>
                  <div className="mt-2 flex flex-wrap gap-2">
                    {CHOICES.map((c) => (
                      <label key={c.label} className={`flex cursor-pointer items-center gap-2 rounded-md border px-3 py-1.5 text-sm ${a.stance === c.value ? "border-brand-600 bg-brand-50" : "border-stone-300"}`}>
                        <input type="radio" name={`stance-${cell.id}`} checked={a.stance === c.value} onChange={() => change(cell.id, { stance: c.value })} />
                        {c.label}
                      </label>
                    ))}
                  </div>
                </fieldset>
                <div className="space-y-1.5">
                  <label htmlFor={`${cell.anchor}-comment`} className="block text-sm font-medium text-stone-800">
                    Comment on {cell.name}
                  </label>
                  <Textarea id={`${cell.anchor}-comment`} rows={3} value={a.comment} onChange={(e) => change(cell.id, { comment: e.target.value })} aria-describedby={[`${cell.anchor}-comment-hint`, errorId].filter(Boolean).join(" ")} aria-invalid={errorId ? true : undefined} />
                  <p id={`${cell.anchor}-comment-hint`} className="text-xs text-stone-600">
                    Markdown. {a.stance === "question" ? "Say what you question: a question needs a comment." : "What you saw of this work."} Visible to: {audience}
                  </p>
                  {errorId ? (
                    <p id={errorId} className="text-sm font-medium text-red-700">
                      {error!.join(" ")}
                    </p>
                  ) : null}
                </div>
                {cell.stale && a.stance ? (
                  <label className="flex items-start gap-2 text-sm text-amber-900">
                    <input type="checkbox" checked={a.reconfirm} onChange={(e) => change(cell.id, { reconfirm: e.target.checked })} className="mt-1" />
                    Confirm my answer for the current words of this cell
                  </label>
                ) : null}
              </div>
            </div>
          </section>
        );
      })}
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <Button type="submit" disabled={pending}>
        {pending ? "Saving…" : "Save my answer"}
      </Button>
    </form>
  );
}
