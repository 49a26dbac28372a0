import { MatrixGrid, type MatrixAxis } from "@/components/framework/matrix-grid";
import { cellId } from "@/lib/domain/cell-ref";
import type { Rating } from "@/lib/domain/enums";
import { differsBy, differsLabel } from "@/lib/reviews/manager-review";
import { ratingLabel } from "@/lib/reviews/self-assessment";

export type CellRatings = Record<string, { self: Rating | null; manager: Rating | null }>;

/* Shade by rating; the text in every cell says the same, so colour is never the only cue. */
export const RATING_SHADE: Record<Rating, string> = {
  "not-yet": "bg-stone-100",
  developing: "bg-brand-50",
  meets: "bg-brand-100",
  exceeds: "bg-brand-200",
};

/*
 * One review's cells as a table of self against manager, in the shape of the
 * framework version the review is pinned to, rendered on the server: each
 * cell names both ratings and any disagreement in words.
 */
export function ReviewHeatmap({ caption, competencies, themes, ratings, showSelf, showManager }: { caption: string; competencies: MatrixAxis[]; themes: MatrixAxis[]; ratings: CellRatings; showSelf: boolean; showManager: boolean }) {
  const at = (competency: MatrixAxis, theme: MatrixAxis) => {
    const r = ratings[cellId({ competencyKey: competency.key, themeKey: theme.key })];
    const self = showSelf ? (r?.self ?? null) : null;
    const manager = showManager ? (r?.manager ?? null) : null;
    return { self, manager, steps: differsBy(self, manager) };
  };
  return (
    <MatrixGrid
      variant="tiles"
      caption={caption}
      captionVisible
      testId="review-heatmap"
      competencies={competencies}
      themes={themes}
      cellProps={(c, t) => {
        const { manager, steps } = at(c, t);
        return { className: `${manager ? RATING_SHADE[manager] : "bg-white ring-1 ring-stone-200"} ${steps ? "ring-2 ring-amber-500" : ""}` };
      }}
      renderCell={(c, t) => {
        const { self, manager, steps } = at(c, t);
        return (
          <>
            {showSelf ? <span className="block">Self: {ratingLabel(self)}</span> : null}
            {showManager ? <span className="block">Manager: {ratingLabel(manager)}</span> : null}
            {steps ? <strong className="mt-1 block text-amber-900">{differsLabel(steps)}</strong> : null}
          </>
        );
      }}
    />
  );
}
