import { Fragment, type ReactNode } from "react";
import type { MatrixAxis } from "./matrix-grid";

/*
 * The matrix as one section per competency with a card per theme, for work
 * done cell by cell (writing a level's cells, a packet's case per cell). Any
 * shape fits any screen: cards wrap, and a single theme gives one card per
 * competency. Headings name the competency (h2) and the theme (h3 in the card).
 */
export function MatrixSections({ competencies, themes, renderCell, idPrefix = "competency" }: { competencies: MatrixAxis[]; themes: MatrixAxis[]; renderCell: (competency: MatrixAxis, theme: MatrixAxis) => ReactNode; idPrefix?: string }) {
  return (
    <div className="space-y-8">
      {competencies.map((competency) => (
        <section key={competency.key} aria-labelledby={`${idPrefix}-${competency.key}`}>
          <h2 id={`${idPrefix}-${competency.key}`} className="text-lg font-semibold text-stone-900">
            {competency.name}
          </h2>
          {competency.summary ? <p className="mt-0.5 max-w-3xl text-sm text-stone-600">{competency.summary}</p> : null}
          <div className="mt-3 grid gap-4 md:grid-cols-[repeat(auto-fill,minmax(20rem,1fr))]">{themes.map((theme) => <Fragment key={theme.key}>{renderCell(competency, theme)}</Fragment>)}</div>
        </section>
      ))}
    </div>
  );
}
