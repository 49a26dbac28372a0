import type { Metadata } from "next";
import Link from "next/link";
import { MatrixSections } from "@/components/framework/matrix-sections";
import { getDraftLevel } from "@/lib/dal/framework-cells";
import { cellAnchor } from "@/lib/domain/cell-ref";
import { levelHref } from "@/lib/framework/urls";
import { orNotFound } from "@/lib/page-guards";
import { DraftHeader } from "../../../_components/draft-header";
import { draftPageViewer } from "../../../_components/draft-page";
import { CellEditor } from "./cell-editor";

export const metadata: Metadata = { title: "Write a level's cells" };

type Props = { params: Promise<{ version: string; level: string }> };

/* One level of a draft, every cell written in place in the matrix's order; each cell saves on its own. */
export default async function DraftLevelCellsPage({ params }: Props) {
  const { viewer, number } = await draftPageViewer(params);
  const levelKey = (await params).level;
  const data = orNotFound(viewer, () => getDraftLevel(viewer, number, levelKey));
  const { draft, level, basedOn } = data;
  return (
    <>
      <DraftHeader
        draft={draft}
        basedOn={basedOn}
        title={`${level.code} · ${level.name}`}
        description={
          <>
            {level.trackName} track. Write each cell in place: a one-line expectation, a fuller description and a few example behaviours. Each cell saves itself a moment after you stop typing.{" "}
            <a href={levelHref({ level: level.key, version: draft.number })} className="text-brand-700 underline">
              Preview this level
            </a>
          </>
        }
      />
      <nav aria-label="Levels of this track" className="no-print mb-6">
        <ul className="flex flex-wrap gap-1.5">
          {data.siblings.map((l) => (
            <li key={l.key}>
              <Link
                href={`/admin/framework/${draft.number}/cells/${l.key}`}
                aria-current={l.key === level.key ? "page" : undefined}
                title={l.name}
                className={`inline-flex rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset ${l.key === level.key ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-stone-800 ring-stone-300 hover:bg-stone-100"}`}
              >
                {l.code}
                <span className="sr-only"> {l.name}</span>
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <MatrixSections
        competencies={data.competencies}
        themes={data.themes}
        renderCell={(competency, theme) => {
          const cell = data.cells.find((c) => c.competencyKey === competency.key && c.themeKey === theme.key)!;
          return (
            <CellEditor
              number={draft.number}
              levelKey={level.key}
              cell={cell.id}
              anchor={cellAnchor(cell)}
              competencyName={competency.name}
              themeName={theme.name}
              revision={cell.revision}
              text={cell.text}
              published={cell.published}
              currentNumber={data.currentNumber}
            />
          );
        }}
      />
    </>
  );
}
