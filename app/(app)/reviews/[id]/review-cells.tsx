import { CitedEvidence, type Cited } from "@/components/evidence/cited-evidence";
import { Markdown } from "@/components/markdown";
import { Badge, Card } from "@/components/ui/card";
import type { Rating } from "@/lib/domain/enums";
import { differsBy, differsLabel } from "@/lib/reviews/manager-review";
import { ratingLabel } from "@/lib/reviews/self-assessment";

type FrameworkCell = { id: string; anchor: string; competencyName: string; themeName: string; expectation: string };
type SelfCell = { cell: string; rating: Rating | null; evidence: string; citations: string[] };
type ManagerCell = { cell: string; rating: Rating | null; comment: string };

/* A cell's self evidence and citations, rendered on the server (also handed to the manager's form). */
export function SelfEvidence({ cell, cited }: { cell: SelfCell; cited: Cited }) {
  return (
    <>
      {cell.evidence ? <Markdown className="mt-2 break-words text-sm text-stone-900">{cell.evidence}</Markdown> : <p className="mt-2 text-sm text-stone-600">No evidence written.</p>}
      <CitedEvidence citations={cell.citations} cited={cited} />
    </>
  );
}

/* Read-only: each cell's expectation, the self part and the manager part side by side, with disagreements named. */
export function ReviewCells({ levelLabel, frameworkCells, self, manager, cited, selfNote }: { levelLabel: string; frameworkCells: FrameworkCell[]; self: SelfCell[] | null; manager: ManagerCell[] | null; cited: Cited; selfNote: string }) {
  const managerOf = new Map((manager ?? []).map((c) => [c.cell, c]));
  return (
    <div className="space-y-4">
      {frameworkCells.map((fc, i) => {
        const mine = self?.[i];
        const theirs = managerOf.get(fc.id);
        const steps = differsBy(mine?.rating, theirs?.rating);
        return (
          <Card key={fc.id} className={steps ? "border-amber-400" : ""}>
            <section id={fc.anchor} aria-labelledby={`${fc.anchor}-title`} className="px-5 py-4" data-testid="review-cell">
              <div className="flex flex-wrap items-baseline justify-between gap-2">
                <h2 id={`${fc.anchor}-title`} className="text-base font-semibold text-stone-900">
                  {fc.competencyName} · {fc.themeName}
                </h2>
                {steps ? <Badge tone="amber">{differsLabel(steps)}</Badge> : null}
              </div>
              <p className="mt-1 text-sm text-stone-700">
                <span className="font-medium">Expected at {levelLabel}:</span> {fc.expectation}
              </p>
              <div className={`mt-3 grid gap-4 ${manager ? "md:grid-cols-2" : ""}`}>
                <div className="min-w-0">
                  <p className="text-sm font-medium text-stone-800">{mine ? `Self: ${ratingLabel(mine.rating)}` : selfNote}</p>
                  {mine ? <SelfEvidence cell={mine} cited={cited} /> : null}
                </div>
                {manager ? (
                  <div className="min-w-0">
                    <p className="text-sm font-medium text-stone-800">Manager: {ratingLabel(theirs?.rating)}</p>
                    {theirs?.comment ? <Markdown className="mt-2 break-words text-sm text-stone-900">{theirs.comment}</Markdown> : <p className="mt-2 text-sm text-stone-600">No comment.</p>}
                  </div>
                ) : null}
              </div>
            </section>
          </Card>
        );
      })}
    </div>
  );
}
