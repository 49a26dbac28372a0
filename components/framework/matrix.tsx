import Link from "next/link";
import type { FrameworkLevel, FrameworkStructure } from "@/lib/dal/framework";
import { cellAnchor, cellId, levelCellId } from "@/lib/domain/cell-ref";

type Cell = { expectation: string; description: string; examples: string[] };


/*
 * One level's 3x3 matrix as a real table: competencies are row headers, themes
 * column headers, so a screen reader announces both for every cell. A cell's
 * description and examples open in place through a link, so the open cell is
 * part of the URL and can be shared. Printing shows every cell in full.
 */
export function Matrix({
  structure,
  level,
  cells,
  openCell,
  hrefForCell,
}: {
  structure: FrameworkStructure;
  level: FrameworkLevel;
  cells: Map<string, Cell>;
  openCell: string | null;
  hrefForCell: (cell: string | null, anchor?: string) => string;
}) {
  return (
    <div className="relative overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-xs print:overflow-visible print:border-0 print:shadow-none">
      <table className="w-full min-w-[48rem] table-fixed border-collapse text-sm print:min-w-0">
        <caption className="sr-only">
          {level.name} ({level.code}) expectations: competencies by theme
        </caption>
        <thead>
          <tr>
            <th scope="col" className="w-36 border-b border-stone-200 bg-stone-50 px-4 py-3 text-left align-top text-xs font-semibold uppercase tracking-wide text-stone-600">
              Competency
            </th>
            {structure.themes.map((theme) => (
              <th key={theme.key} scope="col" className="border-b border-l border-stone-200 bg-stone-50 px-4 py-3 text-left align-top">
                <span className="block font-semibold text-stone-900">{theme.name}</span>
                <span className="mt-0.5 block text-xs font-normal text-stone-600">{theme.summary}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {structure.competencies.map((competency) => (
            <tr key={competency.key} className="border-b border-stone-200 last:border-b-0">
              <th scope="row" className="bg-stone-50 px-4 py-4 text-left align-top">
                <span className="block font-semibold text-stone-900">{competency.name}</span>
                <span className="mt-0.5 block text-xs font-normal text-stone-600">{competency.summary}</span>
              </th>
              {structure.themes.map((theme) => {
                const ref = { levelKey: level.key, competencyKey: competency.key, themeKey: theme.key };
                const cell = cells.get(levelCellId(ref));
                const key = cellId(ref);
                const anchor = cellAnchor(ref);
                const open = openCell === key;
                const detailsId = `${anchor}-details`;
                return (
                  <td key={theme.key} id={anchor} className={`scroll-mt-6 border-l border-stone-200 px-4 py-4 align-top ${open ? "bg-brand-50/60" : ""}`}>
                    <p className="font-medium text-stone-900">{cell?.expectation}</p>
                    <div className="no-print mt-2">
                      <Link
                        href={hrefForCell(open ? null : key, anchor)}
                        scroll={false}
                        aria-controls={open ? detailsId : undefined}
                        className="text-xs font-semibold text-brand-700 hover:underline"
                      >
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
