import type { CSSProperties, ReactNode } from "react";

/*
 * The framework's matrix as a real table, for any shape: competencies are the
 * row headers and themes the column headers, in the version's order, so a
 * screen reader announces both for every cell. The table asks for room by the
 * number of themes: one theme fits a phone, twenty scroll inside their own box
 * (focusable, so keyboards can scroll it too). Printing drops the minimum.
 * Used by the framework browser, the review heatmap and the editor; the
 * packet pages take it too.
 */
export type MatrixAxis = { key: string; name: string; summary?: string };

type Props = {
  competencies: MatrixAxis[];
  themes: MatrixAxis[];
  caption: string;
  /* Shown above the table, or read by screen readers only. */
  captionVisible?: boolean;
  renderCell: (competency: MatrixAxis, theme: MatrixAxis) => ReactNode;
  /* Per-cell attributes: an anchor id, a tint. */
  cellProps?: (competency: MatrixAxis, theme: MatrixAxis) => { id?: string; className?: string; "data-testid"?: string };
  /* "sheet": ruled cells with the axes' summaries (reading); "tiles": separate tinted cells (heatmaps). */
  variant?: "sheet" | "tiles";
  cornerLabel?: string;
  testId?: string;
};

const SIZES = { sheet: { header: 9, column: 13 }, tiles: { header: 8, column: 9 } } as const;

export function MatrixGrid({ competencies, themes, caption, captionVisible = false, renderCell, cellProps, variant = "sheet", cornerLabel = "Competency", testId }: Props) {
  const size = SIZES[variant];
  const minWidth = { "--matrix-min": `${size.header + themes.length * size.column}rem` } as CSSProperties;
  const sheet = variant === "sheet";
  return (
    <div
      className={`relative overflow-x-auto ${sheet ? "rounded-lg border border-stone-200 bg-white shadow-xs print:overflow-visible print:border-0 print:shadow-none" : ""}`}
      role="region"
      aria-label={caption}
      tabIndex={0}
    >
      <table style={minWidth} className={`w-full min-w-(--matrix-min) table-fixed text-sm print:min-w-0 ${sheet ? "border-collapse" : "border-separate border-spacing-1"}`} data-testid={testId}>
        <caption className={captionVisible ? "mb-2 text-left text-sm font-semibold text-stone-900" : "sr-only"}>{caption}</caption>
        <colgroup>
          <col style={{ width: `${size.header}rem` }} />
          {themes.map((t) => (
            <col key={t.key} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {sheet ? (
              <th scope="col" className="border-b border-stone-200 bg-stone-50 px-4 py-3 text-left align-top text-xs font-semibold uppercase tracking-wide text-stone-600">
                {cornerLabel}
              </th>
            ) : (
              <td />
            )}
            {themes.map((theme) => (
              <th key={theme.key} scope="col" className={sheet ? "border-b border-l border-stone-200 bg-stone-50 px-4 py-3 text-left align-top" : "px-2 py-1 text-left align-bottom text-xs font-medium uppercase tracking-wide text-stone-600"}>
                <span className={sheet ? "block font-semibold text-stone-900" : undefined}>{theme.name}</span>
                {sheet && theme.summary ? <span className="mt-0.5 block text-xs font-normal text-stone-600">{theme.summary}</span> : null}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {competencies.map((competency) => (
            <tr key={competency.key} className={sheet ? "border-b border-stone-200 last:border-b-0" : undefined}>
              <th scope="row" className={sheet ? "bg-stone-50 px-4 py-4 text-left align-top" : "px-2 py-1 text-left align-top text-sm font-medium text-stone-800"}>
                <span className={sheet ? "block font-semibold text-stone-900" : undefined}>{competency.name}</span>
                {sheet && competency.summary ? <span className="mt-0.5 block text-xs font-normal text-stone-600">{competency.summary}</span> : null}
              </th>
              {themes.map((theme) => {
                const { className = "", ...rest } = cellProps?.(competency, theme) ?? {};
                return (
                  <td key={theme.key} className={`${sheet ? "border-l border-stone-200 px-4 py-4" : "rounded-md px-2 py-2"} align-top ${className}`} {...rest}>
                    {renderCell(competency, theme)}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
