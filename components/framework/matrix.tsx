import Link from "next/link";
import type { FrameworkLevel, FrameworkStructure } from "@/lib/dal/framework";
import { cellAnchor, cellId, levelCellId } from "@/lib/domain/cell-ref";
import { MatrixGrid } from "./matrix-grid";

type Cell = { expectation: string; description: string; examples: string[] };

/*
 * One level's matrix, whatever its shape: each cell's expectation, with its
 * description and examples opening in place through a link, so the open cell
 * is part of the URL and can be shared. Printing shows every cell in full.
 */
export function Matrix({
  structure,
  level,
  cells,
  openCell,
  hrefForCell,
}: {
  structure: Pick<FrameworkStructure, "competencies" | "themes">;
  level: Pick<FrameworkLevel, "key" | "name" | "code">;
  cells: Map<string, Cell>;
  openCell: string | null;
  hrefForCell: (cell: string | null, anchor?: string) => string;
}) {
  return (
    <MatrixGrid
      competencies={structure.competencies}
      themes={structure.themes}
      caption={`${level.name} (${level.code}) expectations: competencies by theme`}
      cellProps={(competency, theme) => {
        const ref = { competencyKey: competency.key, themeKey: theme.key };
        return { id: cellAnchor(ref), className: `scroll-mt-6 ${openCell === cellId(ref) ? "bg-brand-50/60" : ""}` };
      }}
      renderCell={(competency, theme) => {
        const ref = { levelKey: level.key, competencyKey: competency.key, themeKey: theme.key };
        const cell = cells.get(levelCellId(ref));
        const key = cellId(ref);
        const anchor = cellAnchor(ref);
        const open = openCell === key;
        const detailsId = `${anchor}-details`;
        return (
          <>
            <p className="font-medium text-stone-900">{cell?.expectation}</p>
            <div className="no-print mt-2">
              <Link href={hrefForCell(open ? null : key, anchor)} scroll={false} aria-controls={open ? detailsId : undefined} className="text-xs font-semibold text-brand-700 hover:underline">
                {open ? "Hide details" : "Details and examples"}
                <span className="sr-only">
                  {" "}
                  for {competency.name}, {theme.name}
                </span>
              </Link>
            </div>
            <div id={detailsId} className={open ? "mt-3 space-y-2" : "hidden print:mt-2 print:block print:space-y-1"}>
              <p className="text-stone-700">{cell?.description}</p>
              <p className="text-xs font-semibold uppercase tracking-wide text-stone-600">For example</p>
              <ul className="list-disc space-y-1 pl-5 text-stone-700">
                {cell?.examples.map((example) => (
                  <li key={example}>{example}</li>
                ))}
              </ul>
            </div>
          </>
        );
      }}
    />
  );
}
