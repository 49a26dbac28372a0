import type { CellRef } from "@/lib/domain/cell-ref";
import { cellId } from "@/lib/domain/cell-ref";
import type { Rating, SelfStatus } from "@/lib/domain/enums";
import { conflicted, type Failure } from "@/lib/domain/result";

/* The fixed scale, always read against the person's pinned level. */
export const RATING_SCALE: { value: Rating; label: string; meaning: string }[] = [
  { value: "not-yet", label: "Not yet", meaning: "Not yet showing this at my level" },
  { value: "developing", label: "Developing", meaning: "Sometimes, with support" },
  { value: "meets", label: "Meets", meaning: "Consistently, as my level expects" },
  { value: "exceeds", label: "Exceeds", meaning: "Already operating at the next level" },
];
export const ratingLabel = (rating: Rating | null | undefined) => RATING_SCALE.find((r) => r.value === rating)?.label ?? "Not rated";

/*
 * The self-assessment's state machine: not started -> draft (first save) ->
 * submitted (locked). Saving or submitting needs an open cycle; a submitted
 * self-assessment takes neither.
 */
export type SelfEvent = "save" | "submit";

export function nextSelfStatus(current: SelfStatus, event: SelfEvent, cycleOpen: boolean): SelfStatus | null {
  if (!cycleOpen || current === "submitted") return null;
  return event === "save" ? "draft" : "submitted";
}

/* The cells still without a rating, in framework order: each is named and linked when a submit is refused. */
export function missingRatings<C extends CellRef>(frameworkCells: C[], ratings: Map<string, Rating | null>): C[] {
  return frameworkCells.filter((cell) => !ratings.get(cellId(cell)));
}

/*
 * Optimistic concurrency for autosave: a save applies only to the version its
 * tab loaded. Otherwise the tab is told, keeps its text, and is shown the saved one.
 */
export function checkVersion<C>(expected: number, current: { version: number; content: C }): Failure | null {
  if (expected === current.version) return null;
  return conflicted(current.version, current.content, "This self-assessment was saved somewhere else (another tab or device) while you were editing. Your text is still here; compare it with the saved version below before saving again.");
}
