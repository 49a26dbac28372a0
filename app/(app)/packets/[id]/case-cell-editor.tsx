"use client";

import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";

export type CaseCell = { cell: string; text: string; citations: string[] };
export type EditorCell = { id: string; anchor: string; name: string };
export type CitableEntry = { id: string; title: string; occurredOn: string; cells: string[] };

/* One cell of the author's case: the text and the evidence it cites, with what it is written against beside it. */
export function CaseCellEditor(props: { cell: EditorCell; value: CaseCell; onChange: (patch: Partial<CaseCell>) => void; context: ReactNode; entries: CitableEntry[]; audience: string; error?: string[] }) {
  const { cell, value, entries } = props;
  const errorId = props.error?.length ? `${cell.anchor}-error` : undefined;
  const forCell = entries.filter((e) => e.cells.includes(cell.id));
  const others = entries.filter((e) => !e.cells.includes(cell.id));
  const cite = (entryId: string) => props.onChange({ citations: value.citations.includes(entryId) ? value.citations.filter((id) => id !== entryId) : [...value.citations, entryId] });
  const entryButton = (e: CitableEntry) => {
    const cited = value.citations.includes(e.id);
    return (
      <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-1">
        <span className="min-w-0 break-words">
          {e.title} <span className="text-stone-500">({e.occurredOn})</span>
        </span>
        <Button type="button" variant={cited ? "ghost" : "secondary"} onClick={() => cite(e.id)} aria-pressed={cited}>
          {cited ? "Cited · remove" : "Cite"}
          <span className="sr-only"> {e.title}</span>
        </Button>
      </li>
    );
  };
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
          <div className="text-sm">
            <p className="font-medium text-stone-800">Evidence from your log</p>
            {entries.length === 0 ? (
              <p className="text-stone-600">
                Your log is empty.{" "}
                <Link href={`/evidence/new?cell=${cell.id}`} className="text-brand-700 underline">
                  Log a win
                </Link>
              </p>
            ) : (
              <>
                {forCell.length ? <ul className="divide-y divide-stone-100">{forCell.map(entryButton)}</ul> : <p className="text-stone-600">Nothing in your log is tagged to this cell yet.</p>}
                {others.length ? (
                  <details className="mt-1">
                    <summary className="cursor-pointer text-xs font-semibold text-brand-700">Other entries ({others.length})</summary>
                    <ul className="divide-y divide-stone-100">{others.map(entryButton)}</ul>
                  </details>
                ) : null}
              </>
            )}
          </div>
        </div>
        <div className="min-w-0 border-t border-stone-200 pt-4 md:border-l md:border-t-0 md:pl-5 md:pt-0">{props.context}</div>
      </div>
    </section>
  );
}
