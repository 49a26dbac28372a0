import Link from "next/link";
import { Markdown } from "@/components/markdown";
import { Badge } from "@/components/ui/card";
import type { PacketRating } from "@/lib/domain/enums";
import { formatDate } from "@/lib/format";
import { packetRatingLabel } from "@/lib/packets/flow";

export type Cited = Record<string, { title: string; occurredOn: string; removed: boolean } | undefined>;
export type ManagerCellView = { cell: string; rating: PacketRating | null; comment: string; justification: string };

/* A cell's case as written, with the evidence it cites. */
export function CaseView({ text, citations, cited }: { text: string; citations: string[]; cited: Cited }) {
  return (
    <>
      {text ? <Markdown className="break-words text-sm text-stone-900">{text}</Markdown> : <p className="text-sm text-stone-600">No case written for this cell.</p>}
      {citations.length ? (
        <ul className="mt-2 space-y-1 text-sm" aria-label="Cited evidence">
          {citations.map((id) => {
            const entry = cited[id];
            return entry ? (
              <li key={id}>
                <Link href={`/evidence/${id}`} className="text-brand-700 underline">
                  {entry.title}
                </Link>{" "}
                <span className="text-stone-600">({formatDate(entry.occurredOn)})</span> {entry.removed ? <Badge tone="amber">Removed from the log</Badge> : null}
              </li>
            ) : null;
          })}
        </ul>
      ) : null}
    </>
  );
}

const tone = (rating: PacketRating | null) => (rating === "not-yet" ? "amber" : rating ? "brand" : "neutral");

/* The manager's rating, comment and justification for one cell. */
export function ManagerView({ cell, by, heading }: { cell: ManagerCellView | undefined; by: string | null; heading: string }) {
  return (
    <div className="space-y-1.5 text-sm" data-testid="manager-cell-view">
      <p className="font-medium text-stone-800">
        {heading}: <Badge tone={tone(cell?.rating ?? null)}>{packetRatingLabel(cell?.rating)}</Badge>
        {by ? <span className="font-normal text-stone-600"> · {by}</span> : null}
      </p>
      {cell?.comment ? <Markdown className="break-words text-stone-900">{cell.comment}</Markdown> : null}
      {cell?.justification ? (
        <div className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2">
          <p className="text-xs font-semibold uppercase tracking-wide text-amber-900">Justification for the gap</p>
          <Markdown className="break-words text-stone-900">{cell.justification}</Markdown>
        </div>
      ) : null}
    </div>
  );
}
