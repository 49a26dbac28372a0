import { Markdown } from "@/components/markdown";
import type { ClaimEvent } from "@/lib/dal/stipend-claims";
import { formatDateTime } from "@/lib/format";
import { STATUS_LABELS } from "@/lib/stipend/claim-rules";

const verbs = { pending: "Filed", approved: "Approved", rejected: "Rejected", withdrawn: "Withdrew", reimbursed: "Marked reimbursed" } as const;

export function ClaimHistory({ events }: { events: ClaimEvent[] }) {
  return (
    <ol className="space-y-2 text-sm">
      {events.map((e) => (
        <li key={e.id} className="border-l-2 border-stone-300 pl-3">
          <p className="text-stone-900">
            <span className="font-medium">{verbs[e.toStatus]}</span> by {e.actorName ?? "Trellis"}
            <span className="text-stone-600"> · {formatDateTime(e.at)}</span>
          </p>
          {e.fromStatus ? <p className="text-xs text-stone-600">{STATUS_LABELS[e.fromStatus]} → {STATUS_LABELS[e.toStatus]}</p> : null}
          {e.reason ? <Markdown className="text-stone-700">{e.reason}</Markdown> : null}
        </li>
      ))}
    </ol>
  );
}
