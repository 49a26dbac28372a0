import Link from "next/link";
import { Markdown } from "@/components/markdown";
import { Badge } from "@/components/ui/card";
import { cellId, type CellRef } from "@/lib/domain/cell-ref";
import { formatDate } from "@/lib/format";

export type EvidenceItem = { id: string; title: string; occurredOn: string; description: string; links: string[]; cells: CellRef[] };

/* One entry of the log: what, when, which cells, the story and its links. */
export function EvidenceCard({ entry, cellNames, href }: { entry: EvidenceItem; cellNames: Map<string, string>; href?: string }) {
  return (
    <article className="min-w-0 px-5 py-4" aria-labelledby={`entry-${entry.id}`}>
      <div className="flex flex-wrap items-baseline justify-between gap-2">
        <h3 id={`entry-${entry.id}`} className="font-semibold text-stone-900">
          {href ? (
            <Link href={href} className="text-brand-700 hover:underline">
              {entry.title}
            </Link>
          ) : (
            entry.title
          )}
        </h3>
        <p className="text-sm text-stone-600">{formatDate(entry.occurredOn)}</p>
      </div>
      <ul className="mt-2 flex flex-wrap gap-1" aria-label="Cells">
        {entry.cells.map((c) => (
          <li key={cellId(c)}>
            <Badge tone="brand">{cellNames.get(cellId(c)) ?? cellId(c)}</Badge>
          </li>
        ))}
      </ul>
      {entry.description ? <Markdown className="mt-2 break-words text-sm text-stone-800">{entry.description}</Markdown> : null}
      {entry.links.length ? (
        <ul className="mt-2 space-y-0.5 text-sm">
          {entry.links.map((l) => (
            <li key={l} className="truncate">
              <a href={l} rel="noopener noreferrer nofollow" target="_blank" className="text-brand-700 underline">
                {l}
              </a>
            </li>
          ))}
        </ul>
      ) : null}
    </article>
  );
}
