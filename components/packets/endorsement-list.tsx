import type { ReactNode } from "react";
import { DiffText } from "@/components/framework/diff-text";
import { Markdown } from "@/components/markdown";
import { Badge } from "@/components/ui/card";
import type { EndorsementStance } from "@/lib/domain/enums";
import { formatDate, formatDateTime } from "@/lib/format";
import { wordDiff } from "@/lib/framework/word-diff";
import { REQUEST_STATE_LABEL, STANCE_LABEL, type Freshness, type RequestState } from "@/lib/packets/endorsements";

/*
 * A packet's endorsement requests with their answers, as the packet's readers
 * and the committee see them: each asked cell endorsed or questioned, with the
 * comment; an answer given to words the author has since changed says so and
 * shows what changed since (a word diff).
 */
export type EndorsementAnswerView = { cell: string; name: string; anchor: string; stance: EndorsementStance | null; comment: string; answeredAt: Date | null; answeredText: string | null; currentText: string; freshness: Freshness | null };
export type EndorsementView = { id: string; endorserName: string; state: RequestState; message: string; declineReason: string; createdAt: Date; answeredAt: Date | null; cells: EndorsementAnswerView[] };

const STATE_TONE: Record<RequestState, "amber" | "brand" | "neutral" | "red"> = { pending: "amber", answered: "brand", declined: "neutral", cancelled: "neutral", closed: "neutral" };

export function AnswerView({ answer, who }: { answer: EndorsementAnswerView; who: string }) {
  if (!answer.stance) return <p className="text-sm text-stone-600">No answer for {answer.name}.</p>;
  const stale = answer.freshness === "earlier";
  return (
    <div className={`rounded-md border px-3 py-2 text-sm ${answer.stance === "question" ? "border-amber-300 bg-amber-50" : "border-stone-200 bg-stone-50"}`} data-testid="endorsement-answer">
      <p className="font-medium text-stone-900">
        <Badge tone={answer.stance === "question" ? "amber" : "brand"}>{STANCE_LABEL[answer.stance]}</Badge> {answer.name}
        <span className="font-normal text-stone-600"> · {who}{answer.answeredAt ? `, ${formatDate(answer.answeredAt)}` : ""}</span>
      </p>
      {answer.comment ? <Markdown className="mt-1 break-words text-stone-900">{answer.comment}</Markdown> : null}
      {stale ? (
        <details className="mt-2" data-testid="earlier-version">
          <summary className="cursor-pointer text-xs font-semibold text-amber-900">Given to an earlier version of this cell: see what changed since</summary>
          <p className="mt-1 text-xs font-medium uppercase tracking-wide text-stone-600">The words {who} answered</p>
          <p className="whitespace-pre-wrap break-words text-stone-800">{answer.answeredText}</p>
          <p className="mt-2 text-xs font-medium uppercase tracking-wide text-stone-600">Changes since</p>
          <p className="whitespace-pre-wrap break-words text-stone-900">
            <DiffText parts={wordDiff(answer.answeredText ?? "", answer.currentText)} side="both" />
          </p>
        </details>
      ) : null}
    </div>
  );
}

export function EndorsementList({ endorsements, actions }: { endorsements: EndorsementView[]; actions?: (e: EndorsementView) => ReactNode }) {
  return (
    <ul className="divide-y divide-stone-200" aria-label="Endorsement requests" data-testid="endorsements">
      {endorsements.map((e) => (
        <li key={e.id} className="space-y-2 px-5 py-4" data-testid="endorsement-request">
          <div className="flex flex-wrap items-center justify-between gap-2">
            <p className="text-sm font-semibold text-stone-900">
              {e.endorserName} <Badge tone={STATE_TONE[e.state]}>{REQUEST_STATE_LABEL[e.state]}</Badge>
            </p>
            <p className="text-xs text-stone-600">
              Asked {formatDateTime(e.createdAt)}
              {e.answeredAt ? ` · answered ${formatDateTime(e.answeredAt)}` : ""}
            </p>
          </div>
          {e.state === "declined" ? <p className="text-sm text-stone-700">Declined{e.declineReason ? `: ${e.declineReason}` : "."}</p> : null}
          {e.state === "answered" ? (
            <div className="space-y-2">
              {e.cells.map((a) => (
                <AnswerView key={a.cell} answer={a} who={e.endorserName} />
              ))}
            </div>
          ) : (
            <p className="text-sm text-stone-700">Asked about: {e.cells.map((c) => c.name).join(", ")}.</p>
          )}
          {actions?.(e)}
        </li>
      ))}
    </ul>
  );
}
