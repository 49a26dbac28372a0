"use client";

import type { ReactNode } from "react";
import { CitationPicker, type CitableEntry } from "@/components/forms/citation-picker";
import { Textarea } from "@/components/ui/field";

export type CaseCell = { cell: string; text: string; citations: string[] };
export type EditorCell = { id: string; anchor: string; name: string };

/* One cell of the author's case: the text and the evidence it cites, with what it is written against beside it. */
export function CaseCellEditor(props: { cell: EditorCell; value: CaseCell; onChange: (patch: Partial<CaseCell>) => void; context: ReactNode; entries: CitableEntry[]; audience: string; error?: string[] }) {
  const { cell, value, entries } = props;
  const errorId = props.error?.length ? `${cell.anchor}-error` : undefined;
  return (
    <section id={cell.anchor} aria-labelledby={`${cell.anchor}-title`} className={`scroll-mt-20 rounded-lg border bg-white shadow-xs ${errorId ? "border-red-400" : "border-stone-200"}`} data-testid="packet-cell">
      <h2 id={`${cell.anchor}-title`} className="border-b border-stone-200 px-5 py-3 text-base font-semibold text-stone-900">
        {cell.name}
      </h2>
      <div className="grid gap-5 px-5 py-4 md:grid-cols-2">
        <div className="min-w-0 space-y-3">
          <div className="space-y-1.5">
            <label htmlFor={`${cell.anchor}-case`} className="block text-sm font-medium text-stone-800">
              Your case for {cell.name}
            </label>
            <Textarea
              id={`${cell.anchor}-case`}
              rows={7}
              aria-describedby={[`${cell.anchor}-hint`, errorId].filter(Boolean).join(" ")}
              aria-invalid={errorId ? true : undefined}
              value={value.text}
              onChange={(e) => props.onChange({ text: e.target.value })}
            />
            <p id={`${cell.anchor}-hint`} className="text-xs text-stone-600">
              Markdown. Write against the target level&apos;s expectation. Visible to: {props.audience}
            </p>
            {errorId ? (
              <p id={errorId} className="text-sm font-medium text-red-700">
                {props.error!.join(" ")}
              </p>
            ) : null}
          </div>
          <CitationPicker cellId={cell.id} entries={entries} cited={value.citations} onChange={(citations) => props.onChange({ citations })} />
        </div>
        <div className="min-w-0 border-t border-stone-200 pt-4 md:border-l md:border-t-0 md:pl-5 md:pt-0">{props.context}</div>
      </div>
    </section>
  );
}
