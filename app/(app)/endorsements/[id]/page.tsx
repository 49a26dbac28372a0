import type { Metadata } from "next";
import Link from "next/link";
import { Markdown } from "@/components/markdown";
import { AnswerView } from "@/components/packets/endorsement-list";
import { Badge, PageHeader } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { getEndorsementRequest } from "@/lib/dal/endorsement-answers";
import { formatDate } from "@/lib/format";
import { requestState, REQUEST_STATE_LABEL } from "@/lib/packets/endorsements";
import { orNotFound } from "@/lib/page-guards";
import { ENDORSEMENT_AUDIENCE } from "@/lib/policies/endorsements";
import { AnswerForm } from "./answer-form";
import { DeclineForm } from "./decline-form";

export const metadata: Metadata = { title: "Endorsement request" };

type Props = { params: Promise<{ id: string }> };

/*
 * What an endorser sees: the cells they were asked about (the author's case
 * and the target level's expectation) and nothing else of the packet, with
 * their answer, or the form to give it.
 */
export default async function EndorsementPage({ params }: Props) {
  const viewer = await requireViewer();
  const id = (await params).id;
  const { request, packet, cells, can } = orNotFound(viewer, () => getEndorsementRequest(viewer, id));
  const author = packet.authorName;
  const audience = ENDORSEMENT_AUDIENCE(author);
  const state = requestState(request.status, packet.status);
  const caseContent = Object.fromEntries(
    cells.map((c) => [
      c.id,
      <div key={c.id} className="space-y-3 text-sm">
        <p className="text-stone-900">
          <span className="font-medium">Expected at {packet.target}:</span> {c.expectation ?? "Not described in this framework version."}
        </p>
        <div>
          <p className="mb-1 font-medium text-stone-800">{author}&apos;s case</p>
          {c.text ? <Markdown className="break-words text-stone-900">{c.text}</Markdown> : <p className="text-stone-600">No case written for this cell yet.</p>}
        </div>
        {c.freshness === "earlier" ? (
          <p className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-amber-900" data-testid="stale-notice">
            {author} has changed these words since you answered on {formatDate(c.answeredAt)}. Your answer shows as given to an earlier version until you confirm it.
          </p>
        ) : null}
      </div>,
    ]),
  );
  return (
    <>
      <PageHeader
        title={`Endorse ${author}'s promotion packet`}
        description={
          <>
            {author} is making the case for {packet.target}
            {packet.kind === "track-move" ? " (a move to another track)" : ""} and asked you on {formatDate(request.createdAt)} about {cells.length} {cells.length === 1 ? "claim" : "claims"}. <Badge tone={state === "pending" ? "amber" : "neutral"}>{REQUEST_STATE_LABEL[state]}</Badge>
          </>
        }
        actions={
          <Link href="/endorsements" className="text-sm font-medium text-brand-700 underline">
            All requests
          </Link>
        }
      />
      <div className="space-y-6">
        {request.message ? (
          <section aria-labelledby="note-title" className="rounded-lg border border-stone-200 bg-white px-5 py-4 shadow-xs">
            <h2 id="note-title" className="text-sm font-semibold text-stone-900">
              {author}&apos;s note to you
            </h2>
            <Markdown className="mt-1 break-words text-sm text-stone-900">{request.message}</Markdown>
          </section>
        ) : null}
        <p className="text-sm text-stone-700">
          You see only the claims you were asked about, as {author} wrote them. Endorse what you saw first-hand, question what you cannot vouch for, and leave the rest. Your answers are visible to: {audience}.
        </p>
        {can.answer ? (
          <AnswerForm requestId={request.id} version={request.version} cells={cells.map((c) => ({ id: c.id, anchor: c.anchor, name: c.name, stance: c.stance, comment: c.comment, stale: c.freshness === "earlier" }))} caseContent={caseContent} audience={audience} />
        ) : (
          <div className="space-y-4">
            {request.status === "declined" ? <p className="rounded-md border border-stone-200 bg-white px-4 py-3 text-sm text-stone-800">You declined this request{request.declineReason ? `: ${request.declineReason}` : "."}</p> : null}
            {cells.map((c) => (
              <section key={c.id} aria-labelledby={`${c.anchor}-title`} className="rounded-lg border border-stone-200 bg-white px-5 py-4 shadow-xs" data-testid="endorse-cell">
                <h2 id={`${c.anchor}-title`} className="mb-2 text-base font-semibold text-stone-900">
                  {c.name}
                </h2>
                {caseContent[c.id]}
                {request.status === "answered" ? (
                  <div className="mt-3">
                    <AnswerView answer={{ cell: c.id, name: c.name, anchor: c.anchor, stance: c.stance, comment: c.comment, answeredAt: c.answeredAt, answeredText: c.answeredText, currentText: c.text, freshness: c.freshness }} who="You" />
                  </div>
                ) : null}
              </section>
            ))}
          </div>
        )}
        {can.decline ? <DeclineForm requestId={request.id} authorName={author} /> : null}
      </div>
    </>
  );
}
