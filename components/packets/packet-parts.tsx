import { CitedEvidence, type Cited } from "@/components/evidence/cited-evidence";
import { Markdown } from "@/components/markdown";
import { Badge } from "@/components/ui/card";
import type { PacketRating } from "@/lib/domain/enums";
import { packetRatingLabel } from "@/lib/packets/flow";

export type ManagerCellView = { cell: string; rating: PacketRating | null; comment: string; justification: string };

/* A cell's case as written, with the evidence it cites. */
export function CaseView({ text, citations, cited }: { text: string; citations: string[]; cited: Cited }) {
  return (
    <>
      {text ? <Markdown className="break-words text-sm text-stone-900">{text}</Markdown> : <p className="text-sm text-stone-600">No case written for this cell.</p>}
      <CitedEvidence citations={citations} cited={cited} />
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
