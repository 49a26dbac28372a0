import type { Metadata } from "next";
import Link from "next/link";
import { Markdown } from "@/components/markdown";
import { Badge, Card, PageHeader } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { orNotFound } from "@/lib/page-guards";
import { listEvidence, listLearningByCell } from "@/lib/dal/evidence";
import { orgTimeZone, orgToday } from "@/lib/dal/org-settings";
import { getReview } from "@/lib/dal/reviews";
import { cellId } from "@/lib/domain/cell-ref";
import { clockIn, dueState } from "@/lib/domain/org-time";
import { formatDate, formatDateTime } from "@/lib/format";
import { SELF_PART_AUDIENCE } from "@/lib/policies/reviews";
import { ratingLabel } from "@/lib/reviews/self-assessment";
import { SelfAssessmentForm } from "./self-assessment-form";

export const metadata: Metadata = { title: "Self-assessment" };

type Props = { params: Promise<{ id: string }> };


export default async function ReviewPage({ params }: Props) {
  const viewer = await requireViewer();
  const id = (await params).id;
  const data = orNotFound(viewer, () => getReview(viewer, id));
  const { review, person, frameworkCells, self, cited } = data;
  const own = person.id === viewer.id;
  const due = dueState(review.selfDueOn, orgToday());
  const open = review.cycleStatus === "open";

  return (
    <>
      <PageHeader
        title={own ? `My self-assessment: ${review.cycleName}` : `${person.name}'s self-assessment: ${review.cycleName}`}
        description={
          <>
            Written against {data.levelLabel}, in the framework as it stood when the cycle opened.{" "}
            {review.selfStatus === "submitted" ? (
              <Badge tone="brand">Submitted {formatDateTime(review.selfSubmittedAt)}</Badge>
            ) : open ? (
              <Badge tone={due === "overdue" ? "red" : "amber"}>{due === "overdue" ? `Overdue: due ${formatDate(review.selfDueOn)}` : `Due ${formatDate(review.selfDueOn)}`}</Badge>
            ) : (
              <Badge>Cycle closed; not submitted</Badge>
            )}
          </>
        }
      />
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
      ) : self ? (
        <div className="space-y-4">
          <p className="text-sm text-stone-600">Visible to: {own ? SELF_PART_AUDIENCE : `${person.name}, their managers and admins`}.</p>
          {frameworkCells.map((fc, i) => {
            const mine = self[i]!;
            return (
              <Card key={fc.id}>
                <section id={fc.anchor} aria-labelledby={`${fc.anchor}-title`} className="px-5 py-4">
                  <div className="flex flex-wrap items-baseline justify-between gap-2">
                    <h2 id={`${fc.anchor}-title`} className="text-base font-semibold text-stone-900">
                      {fc.competencyName} · {fc.themeName}
                    </h2>
                    <Badge tone={mine.rating ? "brand" : "neutral"}>{ratingLabel(mine.rating)}</Badge>
                  </div>
                  <p className="mt-1 text-sm text-stone-700">
                    <span className="font-medium">Expected at {data.levelLabel}:</span> {fc.expectation}
                  </p>
                  {mine.evidence ? <Markdown className="mt-3 break-words text-sm text-stone-900">{mine.evidence}</Markdown> : <p className="mt-3 text-sm text-stone-600">No evidence written.</p>}
                  {mine.citations.length ? (
                    <ul className="mt-2 space-y-1 text-sm" aria-label="Cited evidence">
                      {mine.citations.map((id) => {
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
                </section>
              </Card>
            );
          })}
        </div>
      ) : (
        <Card>
          <p className="px-5 py-6 text-sm text-stone-700">{person.name} has not submitted their self-assessment yet. It shows here once they do.</p>
        </Card>
      )}
    </>
  );
}
