import type { Rating } from "@/lib/domain/enums";
import { differsBy, differsLabel } from "@/lib/reviews/manager-review";
import { ratingLabel } from "@/lib/reviews/self-assessment";

export type HeatmapCell = { id: string; competencyName: string; themeName: string };
export type CellRatings = Record<string, { self: Rating | null; manager: Rating | null }>;

/* Shade by rating; the text in every cell says the same, so colour is never the only cue. */
export const RATING_SHADE: Record<Rating, string> = {
  "not-yet": "bg-stone-100",
  developing: "bg-brand-50",
  meets: "bg-brand-100",
  exceeds: "bg-brand-200",
};

/* Competencies down, themes across, in framework order. */
export function gridOf<C extends HeatmapCell>(cells: C[]) {
  const competencies = [...new Set(cells.map((c) => c.competencyName))];
  const themes = [...new Set(cells.map((c) => c.themeName))];
  return { competencies, themes, at: (competency: string, theme: string) => cells.find((c) => c.competencyName === competency && c.themeName === theme) };
}

/*
 * One review's nine cells as a 3x3 table of self against manager, rendered on
 * the server: each cell names both ratings and any disagreement in words.
 */
export function ReviewHeatmap({ caption, cells, ratings, showSelf, showManager }: { caption: string; cells: HeatmapCell[]; ratings: CellRatings; showSelf: boolean; showManager: boolean }) {
  const { competencies, themes, at } = gridOf(cells);
  return (
    <div className="relative overflow-x-auto" role="region" aria-label={caption} tabIndex={0}>
      <table className="w-full min-w-[36rem] table-fixed border-separate border-spacing-1 text-sm" data-testid="review-heatmap">
        <caption className="mb-2 text-left text-sm font-semibold text-stone-900">{caption}</caption>
        <thead>
          <tr>
            <td className="w-32" />
            {themes.map((t) => (
              <th key={t} scope="col" className="px-2 py-1 text-left text-xs font-medium uppercase tracking-wide text-stone-600">
                {t}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {competencies.map((competency) => (
            <tr key={competency}>
              <th scope="row" className="px-2 py-1 text-left text-sm font-medium text-stone-800">
                {competency}
              </th>
              {themes.map((theme) => {
                const cell = at(competency, theme);
                const r = cell ? ratings[cell.id] : undefined;
                const self = showSelf ? (r?.self ?? null) : null;
                const manager = showManager ? (r?.manager ?? null) : null;
                const steps = differsBy(self, manager);
                return (
                  <td key={theme} className={`rounded-md px-2 py-2 align-top ${manager ? RATING_SHADE[manager] : "bg-white ring-1 ring-stone-200"} ${steps ? "ring-2 ring-amber-500" : ""}`}>
                    {showSelf ? <span className="block">Self: {ratingLabel(self)}</span> : null}
                    {showManager ? <span className="block">Manager: {ratingLabel(manager)}</span> : null}
                    {steps ? <strong className="mt-1 block text-amber-900">{differsLabel(steps)}</strong> : null}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
