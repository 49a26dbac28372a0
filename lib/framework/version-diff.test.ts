import { describe, expect, it } from "vitest";
import { loadDefaultFramework } from "@/lib/dal/framework-install";
import { diffFrameworks, isUnchanged } from "./version-diff";

const base = () => structuredClone(loadDefaultFramework());
const ic = (doc: ReturnType<typeof base>) => doc.tracks.find((t) => t.key === "ic")!;

describe("the difference between two framework versions", () => {
  it("is empty between a version and itself", () => {
    expect(isUnchanged(diffFrameworks(base(), base()))).toBe(true);
  });

  it("marks the changed words of a cell, and only that cell", () => {
    const after = base();
    const cell = ic(after).levels[1]!.cells.technical!.complexity!;
    const before = cell.expectation;
    cell.expectation = `${before} Also owns the rollout plan.`;
    const diff = diffFrameworks(base(), after);
    expect(diff.counts).toEqual({ cellsChanged: 1, cellsAdded: 0, cellsRemoved: 0 });
    expect(diff.structure).toEqual([]);
    expect(diff.levels).toHaveLength(1);
    expect(diff.levels[0]).toMatchObject({ levelKey: "ic2", label: "IC2 · Software Engineer", trackName: "Individual contributor", kind: "changed" });
    const [change] = diff.levels[0]!.cells;
    expect(change).toMatchObject({ kind: "changed", competencyName: "Technical", themeName: "Complexity" });
    expect(change!.fields.map((f) => f.field)).toEqual(["expectation"]);
    expect(change!.fields[0]!.parts.filter((p) => p.kind === "added").map((p) => p.text.trim())).toEqual(["Also owns the rollout plan."]);
    expect(change!.fields[0]!.parts.filter((p) => p.kind !== "removed").map((p) => p.text).join("")).toBe(cell.expectation);
  });

  it("compares examples as a list, line by line", () => {
    const after = base();
    ic(after).levels[0]!.cells.values!.influence!.examples.push("Thanks a teammate in the team channel for a careful review.");
    const [change] = diffFrameworks(base(), after).levels[0]!.cells;
    expect(change!.fields).toEqual([{ field: "examples", parts: expect.arrayContaining([{ kind: "added", text: expect.stringContaining("Thanks a teammate") }]) }]);
  });

  it("names renamed, added, removed and reordered competencies, themes and levels by key", () => {
    const before = base();
    const after = base();
    after.competencies[0]!.name = "Principles";
    after.themes.reverse();
    after.competencies.push({ key: "delivery", name: "Delivery", summary: "Getting things shipped." });
    const track = ic(after);
    track.levels.splice(5, 1);
    for (const level of after.tracks.flatMap((t) => t.levels)) level.cells.delivery = Object.fromEntries(after.themes.map((t) => [t.key, { expectation: `Delivers at ${level.code}`, description: "d", examples: ["e"] }]));
    const diff = diffFrameworks(before, after);
    expect(diff.structure).toEqual(
      expect.arrayContaining([
        { kind: "changed", what: "competency", key: "values", label: "Principles", detail: "Renamed from “Values”" },
        { kind: "added", what: "competency", key: "delivery", label: "Delivery", detail: "New competency" },
        { kind: "moved", what: "theme", key: "complexity", label: "Complexity", detail: "Now 3rd in order, was 1st" },
        { kind: "removed", what: "level", key: "ic6", label: "IC6 · Principal Engineer", detail: "Removed level" },
      ]),
    );
    expect(diff.counts).toEqual({ cellsChanged: 0, cellsAdded: 10 * 3, cellsRemoved: 9 });
    const removed = diff.levels.find((l) => l.levelKey === "ic6")!;
    expect(removed.kind).toBe("removed");
    expect(removed.cells.every((c) => c.kind === "removed" && c.fields.every((f) => f.parts.every((p) => p.kind === "removed")))).toBe(true);
    // Cells are named as the newer version names them.
    expect(diff.levels[0]!.cells.find((c) => c.competencyKey === "delivery")).toMatchObject({ kind: "added", competencyName: "Delivery" });
  });

  it("names a changed equivalence with both levels", () => {
    const after = base();
    const m2 = after.tracks[1]!.levels.find((l) => l.key === "m2")!;
    const ic4 = ic(after).levels.find((l) => l.key === "ic4")!;
    m2.equivalentLevelKey = null;
    ic4.equivalentLevelKey = null;
    expect(diffFrameworks(base(), after).structure).toEqual([
      { kind: "changed", what: "level", key: "ic4", label: "IC4 · Staff Engineer", detail: "Equivalent level: M2 · Senior Engineering Manager → none" },
      { kind: "changed", what: "level", key: "m2", label: "M2 · Senior Engineering Manager", detail: "Equivalent level: IC4 · Staff Engineer → none" },
    ]);
  });

  it("diffs a different shape: sixteen competencies by one theme against the 3x3", () => {
    const after = base();
    after.competencies = Array.from({ length: 16 }, (_, i) => ({ key: `c${i + 1}`, name: `Competency ${i + 1}`, summary: "" }));
    after.themes = [{ key: "impact", name: "Impact", summary: "" }];
    for (const level of after.tracks.flatMap((t) => t.levels)) level.cells = Object.fromEntries(after.competencies.map((c) => [c.key, { impact: { expectation: `${c.name} at ${level.code}`, description: "d", examples: ["e"] } }]));
    const diff = diffFrameworks(base(), after);
    expect(diff.counts).toEqual({ cellsChanged: 0, cellsAdded: 11 * 16, cellsRemoved: 11 * 9 });
    expect(diff.structure.filter((s) => s.what === "theme").map((s) => `${s.kind} ${s.key}`)).toEqual(["added impact", "removed complexity", "removed influence", "removed multiplier"]);
  });
});
