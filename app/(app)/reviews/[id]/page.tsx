import type { Metadata } from "next";
import Link from "next/link";
import { Markdown } from "@/components/markdown";
import { ReviewHeatmap } from "@/components/reviews/review-heatmap";
import { Badge, Card, CardHeader, PageHeader } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { orNotFound } from "@/lib/page-guards";
import { listEvidence, listLearningByCell } from "@/lib/dal/evidence";
import { getManagerPart } from "@/lib/dal/manager-reviews";
import { orgTimeZone, orgToday } from "@/lib/dal/org-settings";
import { getPrivateNotes } from "@/lib/dal/review-notes";
import { getReview } from "@/lib/dal/reviews";
import { cellId } from "@/lib/domain/cell-ref";
import { clockIn, dueState } from "@/lib/domain/org-time";
import { formatDate, formatDateTime } from "@/lib/format";
import { levelHref } from "@/lib/framework/urls";
import { canReadPrivateNotes, SELF_PART_AUDIENCE } from "@/lib/policies/reviews";
import { MANAGER_STATUS_LABEL, PRIVATE_NOTES_AUDIENCE } from "@/lib/reviews/manager-review";
import { AcknowledgeForm } from "./acknowledge-form";
import { ManagerReviewForm } from "./manager-review-form";
import { PrivateNotesForm } from "@/components/forms/private-notes-form";
import { savePrivateNotesAction } from "../actions";
import { ReviewCells, SelfEvidence } from "./review-cells";
import { SelfAssessmentForm } from "./self-assessment-form";

export const metadata: Metadata = { title: "Review" };

type Props = { params: Promise<{ id: string }> };

export default async function ReviewPage({ params }: Props) {
  const viewer = await requireViewer();
  const id = (await params).id;
  const data = orNotFound(viewer, () => getReview(viewer, id));
  const manager = orNotFound(viewer, () => getManagerPart(viewer, id));
  // Private notes are asked for only where the policy allows; the engineer's page never reads them.
  const notes = canReadPrivateNotes(viewer, data.relationship) ? orNotFound(viewer, () => getPrivateNotes(viewer, id)) : null;
  const { review, person, frameworkCells, self, cited } = data;
  const part = manager.part;
  const own = person.id === viewer.id;
  const today = orgToday();
  const open = review.cycleStatus === "open";
  const selfDue = dueState(review.selfDueOn, today);
  const managerDue = dueState(review.managerDueOn, today);
  const managerAudience = own ? "you, your managers and admins" : `${person.name} once you share it, their managers and admins`;
  const ratings = Object.fromEntries(frameworkCells.map((fc, i) => [fc.id, { self: self?.[i]?.rating ?? null, manager: part?.cells.find((c) => c.cell === fc.id)?.rating ?? null }]));

  return (
    <>
      <PageHeader
        title={own ? `My review: ${review.cycleName}` : `${person.name}'s review: ${review.cycleName}`}
        description={
          <>
            Written against {data.levelLabel}, in{" "}
            <Link href={levelHref({ level: review.levelKey, version: data.frameworkVersion })} className="text-brand-700 underline">
              framework version {data.frameworkVersion}
            </Link>
            , as it stood when the cycle opened.{" "}
            {review.selfStatus === "submitted" ? (
              <Badge tone="brand">Self-assessment submitted {formatDateTime(review.selfSubmittedAt)}</Badge>
            ) : open ? (
              <Badge tone={selfDue === "overdue" ? "red" : "amber"}>{selfDue === "overdue" ? `Self-assessment overdue: due ${formatDate(review.selfDueOn)}` : `Self-assessment due ${formatDate(review.selfDueOn)}`}</Badge>
            ) : (
              <Badge>Cycle closed; self-assessment not submitted</Badge>
            )}{" "}
            {own && !part ? null : (
              <Badge tone={manager.status === "acknowledged" || manager.status === "shared" ? "brand" : open && managerDue === "overdue" ? "red" : "neutral"}>
                Manager review: {MANAGER_STATUS_LABEL[manager.status]}
                {(manager.status === "not-started" || manager.status === "draft") && open ? ` · ${managerDue === "overdue" ? "overdue, was" : ""} due ${formatDate(review.managerDueOn)}` : ""}
              </Badge>
            )}{" "}
            <Link href={`/reviews/history/${person.id}`} className="text-sm text-brand-700 underline">
              Rating history
            </Link>
          </>
        }
      />
      <div className="space-y-6">
        {part ? (
          <Card>
            <div className="px-5 py-4">
              <ReviewHeatmap caption="Self against manager, per cell" competencies={data.competencies} themes={data.themes} ratings={ratings} showSelf={self !== null} showManager />
            </div>
          </Card>
        ) : null}

        {data.canWriteSelf ? (
          <SelfAssessmentForm
            reviewId={review.id}
            version={review.selfVersion}
            levelLabel={data.levelLabel}
            audience={SELF_PART_AUDIENCE}
            frameworkCells={frameworkCells}
            initial={self!}
            savedAt={review.selfSavedAt ? clockIn(orgTimeZone(), review.selfSavedAt) : null}
            entries={listEvidence(viewer, viewer.id).map((e) => ({ id: e.id, title: e.title, occurredOn: e.occurredOn, cells: e.cells.map(cellId) }))}
            learning={listLearningByCell(viewer, viewer.id).map((l) => ({ id: l.id, item: l.item, cell: l.cell }))}
          />
        ) : part?.canWrite ? (
          <ManagerReviewForm
            reviewId={review.id}
            personName={person.name}
            version={part.version}
            levelLabel={data.levelLabel}
            frameworkCells={frameworkCells}
            selfRatings={self ? Object.fromEntries(self.map((c) => [c.cell, c.rating])) : null}
            selfContent={Object.fromEntries(frameworkCells.map((fc, i) => [fc.id, self ? <SelfEvidence cell={self[i]!} cited={cited} /> : <p className="mt-2 text-stone-600">It shows here once {person.name} submits it. You can start writing now.</p>]))}
            initial={{ summary: part.summary, cells: part.cells }}
            audience={managerAudience}
          />
        ) : (
          <>
            {own ? null : <p className="text-sm text-stone-600">Visible to: {person.name}, their managers and admins{part && manager.status !== "shared" && manager.status !== "acknowledged" ? " (the manager part once shared)" : ""}.</p>}
            <ReviewCells levelLabel={data.levelLabel} frameworkCells={frameworkCells} self={self} manager={part?.cells ?? null} cited={cited} selfNote={`${person.name} has not submitted their self-assessment yet.`} />
          </>
        )}

        {part && !part.canWrite ? (
          <Card>
            <CardHeader id="manager-summary-title" title="Manager's summary" description={part.author ? `By ${part.author}${part.sharedAt ? `, shared ${formatDateTime(part.sharedAt)}` : ", not shared yet"}` : undefined} />
            <div className="px-5 py-4">{part.summary ? <Markdown className="break-words text-sm text-stone-900">{part.summary}</Markdown> : <p className="text-sm text-stone-600">No summary yet.</p>}</div>
          </Card>
        ) : null}

        {own && data.canWriteSelf && part ? <ReviewCells levelLabel={data.levelLabel} frameworkCells={frameworkCells} self={null} manager={part.cells} cited={cited} selfNote="Your self-assessment is above." /> : null}

        {own && !part ? (
          <Card>
            <p className="px-5 py-6 text-sm text-stone-700">Your manager&apos;s review shows here once they share it with you.</p>
          </Card>
        ) : null}

        {part && (manager.status === "shared" || manager.status === "acknowledged") ? (
          <Card>
            <CardHeader id="response-title" title={own ? "Your response" : `${person.name}'s response`} description={part.acknowledgedAt ? `Acknowledged ${formatDateTime(part.acknowledgedAt)}` : "Not acknowledged yet"} />
            <div className="px-5 py-4">
              {manager.canRespond ? (
                <AcknowledgeForm reviewId={review.id} />
              ) : part.response ? (
                <Markdown className="break-words text-sm text-stone-900">{part.response}</Markdown>
              ) : (
                <p className="text-sm text-stone-600">{part.acknowledgedAt ? "Acknowledged without a written response." : "No response yet."}</p>
              )}
            </div>
          </Card>
        ) : null}

        {notes ? (
          <section aria-labelledby="private-notes-title" className="rounded-lg border-2 border-dashed border-stone-400 bg-stone-50 px-5 py-4" data-testid="private-notes">
            <h2 id="private-notes-title" className="text-base font-semibold text-stone-900">
              Private notes
            </h2>
            <p className="mt-1 text-sm font-medium text-stone-800">{PRIVATE_NOTES_AUDIENCE}. {person.name} never sees them.</p>
            <div className="mt-3">
              {notes.canWrite ? (
                <PrivateNotesForm action={savePrivateNotesAction} record={{ name: "reviewId", id: review.id }} fieldId="private-notes" hint="Markdown. Never shown to the person reviewed, in any form." version={notes.version} body={notes.body} />
              ) : notes.body ? (
                <>
                  <Markdown className="break-words text-sm text-stone-900">{notes.body}</Markdown>
                  <p className="mt-2 text-xs text-stone-600">{notes.updatedBy ? `Last saved by ${notes.updatedBy}, ${formatDateTime(notes.updatedAt)}` : null}</p>
                </>
              ) : (
                <p className="text-sm text-stone-600">No private notes.</p>
              )}
            </div>
          </section>
        ) : null}
      </div>
    </>
  );
}
