import type { ManagerStatus, Rating } from "@/lib/domain/enums";
import { RATINGS } from "@/lib/domain/enums";

/*
 * The manager's side of a review: not started -> draft (first save) -> shared
 * (the engineer can read it; it is locked) -> acknowledged (by the engineer).
 * Every step needs an open cycle. Who may take a step is a policy
 * (lib/policies/reviews.ts); this is only which steps exist.
 */
export type ManagerEvent = "save" | "share" | "acknowledge";

export function nextManagerStatus(current: ManagerStatus, event: ManagerEvent, cycleOpen: boolean): ManagerStatus | null {
  if (!cycleOpen) return null;
  switch (event) {
    case "save":
      return current === "not-started" || current === "draft" ? "draft" : null;
    case "share":
      return current === "not-started" || current === "draft" ? "shared" : null;
    case "acknowledge":
      return current === "shared" ? "acknowledged" : null;
  }
}

/* The engineer sees the manager part only from sharing on. */
export const isShared = (status: ManagerStatus) => status === "shared" || status === "acknowledged";

/*
 * The disagreement rule: two ratings on the 4-point scale differ by the
 * number of steps between them. A cell with either rating missing, or both
 * the same, has no disagreement (null).
 */
export function differsBy(self: Rating | null | undefined, manager: Rating | null | undefined): number | null {
  if (!self || !manager) return null;
  const steps = Math.abs(RATINGS.indexOf(self) - RATINGS.indexOf(manager));
  return steps === 0 ? null : steps;
}

/* The words that say so, never colour alone. */
export const differsLabel = (steps: number) => `Differs by ${steps}`;

export const MANAGER_STATUS_LABEL: Record<ManagerStatus, string> = { "not-started": "Not started", draft: "Draft", shared: "Shared", acknowledged: "Acknowledged" };

/* Who reads the private notes, said on the page beside them. */
export const PRIVATE_NOTES_AUDIENCE = "Private: only you, managers above you and admins";

/*
 * Calibration counts: for each cell, how many people got each rating, overall
 * and per level. Ratings are counted as given (unrated cells are left out).
 */
export type RatedCell = { levelKey: string; cell: string; rating: Rating | null };
export type RatingCounts = Record<Rating, number>;
const emptyCounts = (): RatingCounts => ({ "not-yet": 0, developing: 0, meets: 0, exceeds: 0 });

export function countRatings(rows: RatedCell[]) {
  const byCell = new Map<string, RatingCounts>();
  const byLevel = new Map<string, Map<string, RatingCounts>>();
  for (const row of rows) {
    if (!row.rating) continue;
    const cell = byCell.get(row.cell) ?? emptyCounts();
    cell[row.rating] += 1;
    byCell.set(row.cell, cell);
    const level = byLevel.get(row.levelKey) ?? new Map<string, RatingCounts>();
    const levelCell = level.get(row.cell) ?? emptyCounts();
    levelCell[row.rating] += 1;
    level.set(row.cell, levelCell);
    byLevel.set(row.levelKey, level);
  }
  return { byCell, byLevel };
}
