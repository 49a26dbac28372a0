import { describe, expect, it } from "vitest";
import type { PacketRating } from "@/lib/domain/enums";
import { assessReadiness, DEFAULT_READINESS_RULE, readinessRuleInWords, type ReadinessCell, type ReadinessRule } from "./readiness";

const NAMES = ["Values", "Technical", "Leadership"].flatMap((c) => ["Complexity", "Sphere of influence", "Multiplier effect"].map((t) => `${c} · ${t}`));
const cells = (rating: PacketRating | null, overrides: Record<number, Partial<ReadinessCell>> = {}): ReadinessCell[] =>
  NAMES.map((name, i) => ({ id: `cell-${i}`, anchor: `anchor-${i}`, name, rating, justification: "", ...overrides[i] }));
const held = (cellsHeld: { name: string }[]) => cellsHeld.map((c) => c.name);

describe("the readiness rule", () => {
  it("is ready by default when the manager rates every cell Meets or Exceeds", () => {
    const result = assessReadiness(DEFAULT_READINESS_RULE, cells("meets", { 3: { rating: "exceeds" } }));
    expect(result).toMatchObject({ ready: true, atStandard: 9, total: 9, holding: [], justified: [] });
    expect(result.summary).toBe("Ready: 9 of 9 cells at Meets or above.");
  });

  it("names every cell not yet rated, with links to each", () => {
    const result = assessReadiness(DEFAULT_READINESS_RULE, cells(null, { 0: { rating: "meets" } }));
    expect(result.ready).toBe(false);
    expect(result.holding).toHaveLength(8);
    expect(result.holding[0]).toEqual({ id: "cell-1", anchor: "anchor-1", name: "Values · Sphere of influence", reason: "Not rated by the manager yet" });
    expect(result.summary).toBe("Not ready: 8 cells hold the packet back.");
    expect(result.unrated).toBe(8);
  });

  it("holds a gap back until the manager writes a justification, and counts a justified gap", () => {
    const gap = cells("meets", { 4: { rating: "not-yet" } });
    const before = assessReadiness(DEFAULT_READINESS_RULE, gap);
    expect(before.ready).toBe(false);
    expect(before.holding).toEqual([{ id: "cell-4", anchor: "anchor-4", name: "Technical · Sphere of influence", reason: "Rated Not yet, below Meets, with no written justification" }]);
    expect(before.summary).toBe("Not ready: 1 cell holds the packet back.");
    // Whitespace is not a justification.
    expect(assessReadiness(DEFAULT_READINESS_RULE, cells("meets", { 4: { rating: "not-yet", justification: "   \n" } })).ready).toBe(false);
    const after = assessReadiness(DEFAULT_READINESS_RULE, cells("meets", { 4: { rating: "not-yet", justification: "Covered by the platform migration; the scope grows next quarter." } }));
    expect(after).toMatchObject({ ready: true, atStandard: 8, holding: [], justified: [{ id: "cell-4", name: "Technical · Sphere of influence" }] });
    expect(after.summary).toBe("Ready: 8 of 9 cells at Meets or above, 1 gap justified.");
  });

  it("limits justified gaps to the number the admin allows, naming them all when there are too many", () => {
    const rule: ReadinessRule = { minimumRating: "meets", maxJustifiedGaps: 1 };
    const two = cells("meets", { 1: { rating: "not-yet", justification: "Why one" }, 7: { rating: "not-yet", justification: "Why two" } });
    const result = assessReadiness(rule, two);
    expect(result.ready).toBe(false);
    expect(result.justified).toEqual([]);
    expect(result.holding.map((h) => h.reason)).toEqual(["One of 2 justified gaps; this rule accepts at most 1", "One of 2 justified gaps; this rule accepts at most 1"]);
    expect(held(result.holding)).toEqual(["Values · Sphere of influence", "Leadership · Sphere of influence"]);
    expect(assessReadiness(rule, cells("meets", { 1: { rating: "not-yet", justification: "Why one" } })).ready).toBe(true);
  });

  it("refuses any gap when the admin allows none, even with a justification", () => {
    const rule: ReadinessRule = { minimumRating: "meets", maxJustifiedGaps: 0 };
    const result = assessReadiness(rule, cells("meets", { 2: { rating: "not-yet", justification: "Written anyway" } }));
    expect(result.ready).toBe(false);
    expect(result.holding).toEqual([expect.objectContaining({ name: "Values · Multiplier effect", reason: "Rated Not yet, below Meets; this rule does not accept justified gaps" })]);
  });

  it("treats Meets as a gap when the rule asks for Exceeds", () => {
    const rule: ReadinessRule = { minimumRating: "exceeds", maxJustifiedGaps: null };
    const result = assessReadiness(rule, cells("exceeds", { 0: { rating: "meets" } }));
    expect(result.holding).toEqual([expect.objectContaining({ name: "Values · Complexity", reason: "Rated Meets, below Exceeds, with no written justification" })]);
    expect(assessReadiness(rule, cells("exceeds", { 0: { rating: "meets", justification: "Close enough, see the design reviews." } })).ready).toBe(true);
  });

  it("states the rule in words, naming the target, and for a track move the target track", () => {
    expect(readinessRuleInWords(DEFAULT_READINESS_RULE)).toBe("Ready for the committee when the manager rates every cell at least Meets against the target level, or writes a justification for each cell rated below that.");
    expect(readinessRuleInWords({ minimumRating: "exceeds", maxJustifiedGaps: 2 }, { label: "IC3 · Senior Software Engineer", trackMove: false })).toBe(
      "Ready for the committee when the manager rates every cell at least Exceeds against IC3 · Senior Software Engineer, or writes a justification for each cell rated below that, for at most 2 cells.",
    );
    expect(readinessRuleInWords({ minimumRating: "meets", maxJustifiedGaps: 0 }, { label: "M1 · Engineering Manager", trackName: "Management", trackMove: true })).toBe(
      "Ready for the committee when the manager rates every cell at least Meets against M1 · Engineering Manager, the target level on the Management track. A cell rated below that holds the packet back, even with a justification.",
    );
  });

  it("judges a track move by the same rule, against the target level's cells only", () => {
    const target = { label: "M1 · Engineering Manager", trackName: "Management", trackMove: true };
    const result = assessReadiness(DEFAULT_READINESS_RULE, cells("meets", { 8: { rating: "not-yet", justification: "New to managing; the first report starts in May." } }), target);
    expect(result).toMatchObject({ ready: true, total: 9, justified: [{ name: "Leadership · Multiplier effect" }] });
    expect(result.rule).toContain("M1 · Engineering Manager, the target level on the Management track");
  });

  it("works for a framework of any shape: four cells, or a single one", () => {
    const four = ["A · X", "A · Y", "B · X", "B · Y"].map((name, i): ReadinessCell => ({ id: `${i}`, anchor: `a${i}`, name, rating: i === 3 ? null : "meets", justification: "" }));
    expect(assessReadiness(DEFAULT_READINESS_RULE, four)).toMatchObject({ ready: false, total: 4, atStandard: 3, holding: [{ name: "B · Y" }] });
    expect(assessReadiness(DEFAULT_READINESS_RULE, [{ id: "1", anchor: "a", name: "Only", rating: "exceeds", justification: "" }])).toMatchObject({ ready: true, total: 1 });
  });
});
