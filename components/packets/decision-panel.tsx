import Link from "next/link";
import { Markdown } from "@/components/markdown";
import { Badge } from "@/components/ui/card";
import type { ReactNode } from "react";
import type { PacketOutcome, PacketStatus } from "@/lib/domain/enums";
import { formatDate, formatDateTime } from "@/lib/format";
import { PACKET_STATUS_LABEL } from "@/lib/packets/flow";

type Decision = { outcome: PacketOutcome; reasons: string; effectiveDate: string | null; decidedAt: Date; decidedBy: string | null; missing: Record<string, string> };
type Cell = { id: string; anchor: string; name: string };

/*
 * The committee's decision at the top of a decided packet: approved with the
 * new level's effective date, or declined with what is missing, cell by cell
 * (also beside each cell), and the way on: reopening as a new draft.
 */
export function DecisionPanel(props: { personName: string; own: boolean; targetLabel: string; decision: Decision; cells: Cell[]; audience: string; reopen?: ReactNode; reopenedAs: { id: string; status: PacketStatus } | null }) {
  const { decision: d } = props;
  const approved = d.outcome === "approved";
  const missing = props.cells.filter((c) => d.missing[c.id]);
  return (
    <section aria-labelledby="decision-title" className={`rounded-lg border px-5 py-4 ${approved ? "border-brand-300 bg-brand-50" : "border-amber-300 bg-amber-50"}`} data-testid="decision">
      <h2 id="decision-title" className="text-base font-semibold text-stone-900">
        {approved ? `Approved: ${props.own ? "you are" : `${props.personName} is`} ${props.targetLabel} from ${formatDate(d.effectiveDate)}` : "Declined by the committee"}
      </h2>
      <p className="mt-1 text-xs text-stone-700">
        Recorded by {d.decidedBy ?? "an admin"} on {formatDateTime(d.decidedAt)} for the promotion committee. Visible to: {props.audience}.
      </p>
      <h3 className="mt-3 text-sm font-semibold text-stone-900">The committee&apos;s reasons</h3>
      <Markdown className="mt-1 break-words text-sm text-stone-900">{d.reasons}</Markdown>
      {missing.length ? (
        <>
          <h3 className="mt-3 text-sm font-semibold text-stone-900">What is missing</h3>
          <ul className="mt-1 space-y-2" aria-label="What is missing, by cell">
            {missing.map((c) => (
              <li key={c.id} className="text-sm">
                <a href={`#${c.anchor}`} className="font-medium text-brand-700 underline">
                  {c.name}
                </a>
                <Markdown className="break-words text-stone-900">{d.missing[c.id]!}</Markdown>
              </li>
            ))}
          </ul>
        </>
      ) : null}
      {props.reopenedAs ? (
        <p className="mt-3 text-sm text-stone-900">
          Reopened as a new draft:{" "}
          <Link href={`/packets/${props.reopenedAs.id}`} prefetch={false} className="font-medium text-brand-700 underline">
            open it
          </Link>{" "}
          <Badge>{PACKET_STATUS_LABEL[props.reopenedAs.status]}</Badge>
        </p>
      ) : props.reopen ? (
        <div className="mt-3 space-y-2">
          <p className="text-sm text-stone-800">When the gaps are closed, reopen it: a new draft starts from this case, with what was missing beside each cell. This packet stays as it is.</p>
          {props.reopen}
        </div>
      ) : null}
    </section>
  );
}
