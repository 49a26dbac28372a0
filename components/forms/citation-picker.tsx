"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";

export type CitableEntry = { id: string; title: string; occurredOn: string; cells: string[] };

/* The author's evidence log beside one cell: entries tagged to it first, the rest folded away; each cited or not with one button. */
export function CitationPicker({ cellId, entries, cited, onChange }: { cellId: string; entries: CitableEntry[]; cited: string[]; onChange: (citations: string[]) => void }) {
  const forCell = entries.filter((e) => e.cells.includes(cellId));
  const others = entries.filter((e) => !e.cells.includes(cellId));
  const entryButton = (e: CitableEntry) => {
    const isCited = cited.includes(e.id);
    return (
      <li key={e.id} className="flex flex-wrap items-center justify-between gap-2 py-1">
        <span className="min-w-0 break-words">
          {e.title} <span className="text-stone-500">({e.occurredOn})</span>
        </span>
        <Button type="button" variant={isCited ? "ghost" : "secondary"} onClick={() => onChange(isCited ? cited.filter((id) => id !== e.id) : [...cited, e.id])} aria-pressed={isCited}>
          {isCited ? "Cited · remove" : "Cite"}
          <span className="sr-only"> {e.title}</span>
        </Button>
      </li>
    );
  };
  return (
    <div className="text-sm">
      <p className="font-medium text-stone-800">Evidence from your log</p>
      {entries.length === 0 ? (
        <p className="text-stone-600">
          Your log is empty.{" "}
          <Link href={`/evidence/new?cell=${cellId}`} className="text-brand-700 underline">
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
  );
}
