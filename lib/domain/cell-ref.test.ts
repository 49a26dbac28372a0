import { describe, expect, it } from "vitest";
import { cellAnchor, cellId, levelCellId, parseCellId, parseLevelCellId } from "./cell-ref";

describe("CellRef", () => {
  it("round-trips a cell and a level's cell, dashes included", () => {
    const ref = { competencyKey: "people-leadership", themeKey: "multiplier" };
    expect(cellId(ref)).toBe("people-leadership.multiplier");
    expect(parseCellId(cellId(ref))).toEqual(ref);
    const atLevel = { levelKey: "ic2", ...ref };
    expect(levelCellId(atLevel)).toBe("ic2.people-leadership.multiplier");
    expect(parseLevelCellId(levelCellId(atLevel))).toEqual(atLevel);
  });

  it("keeps keys that differ only in where a dash falls apart", () => {
    expect(cellAnchor({ competencyKey: "a-b", themeKey: "c" })).not.toBe(cellAnchor({ competencyKey: "a", themeKey: "b-c" }));
    expect(cellId({ competencyKey: "a-b", themeKey: "c" })).not.toBe(cellId({ competencyKey: "a", themeKey: "b-c" }));
  });

  it.each(["", "values", "values.", ".complexity", "values.complexity.extra", "Values.complexity", "values/complexity", "values.com plexity", "1x.y", null, 42])("refuses %j", (value) => {
    expect(parseCellId(value)).toBeNull();
  });

  it.each(["values.complexity", ".values.complexity", "IC2.values.complexity", "ic2.values"])("refuses %j as a level cell", (value) => {
    expect(parseLevelCellId(value)).toBeNull();
  });
});
