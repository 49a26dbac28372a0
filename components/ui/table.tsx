import type { ReactNode } from "react";

/*
 * A data table: the caption names it for screen readers, and the wrapper
 * scrolls sideways on narrow screens and can be focused, so keyboard users can
 * scroll it too. The box is positioned so the table's screen-reader-only
 * text (absolutely positioned) scrolls with it instead of widening the page.
 */
export function DataTable({ caption, children }: { caption: string; children: ReactNode }) {
  return (
    <div className="relative overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full text-sm">
        <caption className="sr-only">{caption}</caption>
        {children}
      </table>
    </div>
  );
}

export type Column = string | { label: ReactNode; align?: "left" | "right"; key?: string };

/* Column headers; the first and last get the card's outer padding. */
export function TableHead({ columns }: { columns: Column[] }) {
  return (
    <thead className="border-b border-stone-200 bg-stone-50 text-left text-xs uppercase tracking-wide text-stone-600">
      <tr>
        {columns.map((column, i) => {
          const c = typeof column === "string" ? { label: column } : column;
          const edge = i === 0 || i === columns.length - 1 ? "px-5" : "px-3";
          return (
            <th key={c.key ?? (typeof c.label === "string" ? c.label : i)} scope="col" className={`${edge} py-2 font-medium ${c.align === "right" ? "text-right" : ""}`}>
              {c.label}
            </th>
          );
        })}
      </tr>
    </thead>
  );
}
