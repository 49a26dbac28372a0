import Link from "next/link";
import { DiffText } from "@/components/framework/diff-text";
import type { Rating } from "@/lib/domain/enums";
import { wordDiff } from "@/lib/framework/word-diff";
import { ratingLabel } from "@/lib/reviews/self-assessment";

export type CellText = { expectation: string; description: string; examples?: string[] };
export type LatestReview = { cycleName: string; levelLabel: string; selfShown: boolean; cells: Record<string, { self: Rating | null; manager: Rating | null }> } | null;
export type Learning = { id: string; item: string; cell: string };

/*
 * What a cell's case is written against, shown beside it: the target level's
 * expectation, the word diff from the current level one click away, the
 * latest shared review's ratings for the cell, and the learning tied to it.
 * Rendered on the server and handed to the forms as finished markup.
 */
export function CellContext(props: { cellId: string; target: CellText | null; current: CellText | null; fromLabel: string; targetLabel: string; review: LatestReview; learning: Learning[] }) {
  const { target, current, review } = props;
  const ratings = review?.cells[props.cellId];
  const learning = props.learning.filter((l) => l.cell === props.cellId);
  const expectation = target && current ? wordDiff(current.expectation, target.expectation) : null;
  const description = target && current ? wordDiff(current.description, target.description) : null;
  return (
    <div className="space-y-3 text-sm">
      <div>
        <p className="text-stone-900">
          <span className="font-medium">Expected at {props.targetLabel}:</span> {target?.expectation ?? "Not described in this framework version."}
        </p>
        {target ? (
          <details className="mt-1 text-stone-700">
            <summary className="cursor-pointer text-xs font-semibold text-brand-700">Description and examples</summary>
            <p className="mt-1">{target.description}</p>
            {target.examples?.length ? (
              <ul className="mt-1 list-disc space-y-0.5 pl-5">
                {target.examples.map((e) => (
                  <li key={e}>{e}</li>
                ))}
              </ul>
            ) : null}
          </details>
        ) : null}
      </div>
      {expectation && description ? (
        <details className="rounded-md border border-stone-200 bg-stone-50 px-3 py-2" data-testid="what-changes">
          <summary className="cursor-pointer text-xs font-semibold text-brand-700">What changes from {props.fromLabel}</summary>
          <p className="mt-2 text-xs font-medium uppercase tracking-wide text-stone-600">At {props.fromLabel}</p>
          <p className="text-stone-800">
            <DiffText parts={expectation} side="from" />
          </p>
          <p className="mt-2 text-xs font-medium uppercase tracking-wide text-stone-600">At {props.targetLabel}</p>
          <p className="text-stone-900">
            <DiffText parts={expectation} side="to" />
          </p>
          <p className="mt-2 text-stone-700">
            <DiffText parts={description} side="to" />
          </p>
        </details>
      ) : null}
      <p className="text-stone-700">
        <span className="font-medium text-stone-800">Latest shared review:</span>{" "}
        {review ? (
          <>
            {review.cycleName}, against {review.levelLabel}: {review.selfShown ? `self ${ratingLabel(ratings?.self)}, ` : ""}manager {ratingLabel(ratings?.manager)}
          </>
        ) : (
          "none yet"
        )}
      </p>
      {learning.length ? (
        <div>
          <p className="font-medium text-stone-800">Learning for this cell</p>
          <ul className="mt-0.5 list-disc pl-5">
            {learning.map((l) => (
              <li key={l.id}>
                <Link href={`/stipend/claims/${l.id}`} className="text-brand-700 underline">
                  {l.item}
                </Link>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
    </div>
  );
}
