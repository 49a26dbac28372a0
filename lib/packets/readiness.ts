import type { PacketRating } from "@/lib/domain/enums";
import { PACKET_RATINGS } from "@/lib/domain/enums";
import { packetRatingLabel } from "./flow";

/*
 * The readiness meter: one rule, set by an admin, computed here and nowhere
 * else, so the page, the manager's form and the endorse step always agree.
 * A cell is at standard when the manager rates it at least the rule's
 * minimum against the target level. A cell below that (a gap) counts only
 * with a written justification from the manager, and only as many gaps as
 * the rule allows (null: any number).
 */
export type ReadinessRule = { minimumRating: "meets" | "exceeds"; maxJustifiedGaps: number | null };
export const DEFAULT_READINESS_RULE: ReadinessRule = { minimumRating: "meets", maxJustifiedGaps: null };
export const MINIMUM_RATINGS = ["meets", "exceeds"] as const;

export type ReadinessCell = { id: string; anchor: string; name: string; rating: PacketRating | null; justification: string };
export type CellMention = { id: string; anchor: string; name: string };
export type HoldingCell = CellMention & { reason: string };
export type ReadinessTarget = { label: string; trackName?: string | null; trackMove: boolean };

export type Readiness = {
  ready: boolean;
  /* The lowest rating that is not a gap, so a form can ask for a justification where one is needed. */
  minimumRating: ReadinessRule["minimumRating"];
  rule: string;
  summary: string;
  total: number;
  atStandard: number;
  unrated: number;
  justified: CellMention[];
  holding: HoldingCell[];
};

const rank = (rating: PacketRating) => PACKET_RATINGS.indexOf(rating);
/* A rating below the rule's minimum: the cell is a gap, which counts only with a justification. */
export const isGap = (rating: PacketRating | null, minimumRating: ReadinessRule["minimumRating"]) => rating !== null && rank(rating) < rank(minimumRating);
const mention = ({ id, anchor, name }: ReadinessCell): CellMention => ({ id, anchor, name });
const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/* The rule as the page states it, for one packet's target or (without one) in general. */
export function readinessRuleInWords(rule: ReadinessRule, target?: ReadinessTarget): string {
  const against = !target ? "the target level" : target.trackMove ? `${target.label}, the target level on the ${target.trackName ?? "other"} track` : target.label;
  const base = `Ready for the committee when the manager rates every cell at least ${packetRatingLabel(rule.minimumRating)} against ${against}`;
  if (rule.maxJustifiedGaps === 0) return `${base}. A cell rated below that holds the packet back, even with a justification.`;
  const gaps = `, or writes a justification for each cell rated below that`;
  return rule.maxJustifiedGaps === null ? `${base}${gaps}.` : `${base}${gaps}, for at most ${plural(rule.maxJustifiedGaps, "cell")}.`;
}

export function assessReadiness(rule: ReadinessRule, cells: ReadinessCell[], target?: ReadinessTarget): Readiness {
  const minimum = packetRatingLabel(rule.minimumRating);
  const unrated = cells.filter((c) => !c.rating);
  const gaps = cells.filter((c) => isGap(c.rating, rule.minimumRating));
  const atStandard = cells.length - unrated.length - gaps.length;
  const written = gaps.filter((c) => c.justification.trim() !== "");
  const allowed = rule.maxJustifiedGaps ?? Infinity;
  const justifiedCount = written.length <= allowed ? written.length : 0;
  const holding: HoldingCell[] = [];
  for (const c of cells) {
    if (!c.rating) holding.push({ ...mention(c), reason: "Not rated by the manager yet" });
    else if (!gaps.includes(c)) continue;
    else if (!written.includes(c)) holding.push({ ...mention(c), reason: `Rated ${packetRatingLabel(c.rating)}, below ${minimum}, with no written justification` });
    else if (allowed === 0) holding.push({ ...mention(c), reason: `Rated ${packetRatingLabel(c.rating)}, below ${minimum}; this rule does not accept justified gaps` });
    else if (justifiedCount === 0) holding.push({ ...mention(c), reason: `One of ${written.length} justified gaps; this rule accepts at most ${allowed}` });
  }
  const justified = justifiedCount ? written.map(mention) : [];
  const ready = holding.length === 0 && cells.length > 0;
  const summary = ready
    ? `Ready: ${atStandard} of ${plural(cells.length, "cell")} at ${minimum} or above${justified.length ? `, ${plural(justified.length, "gap")} justified` : ""}.`
    : `Not ready: ${plural(holding.length, "cell holds", "cells hold")} the packet back.`;
  return { ready, minimumRating: rule.minimumRating, rule: readinessRuleInWords(rule, target), summary, total: cells.length, atStandard, unrated: unrated.length, justified, holding };
}
