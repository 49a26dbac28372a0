import { describe, expect, it } from "vitest";
import { buildOrgTree, chainAbove, peopleInCycles, wouldCreateCycle } from "./org-rules";

// cto <- vp <- em <- eng ; other has no manager
const org = new Map<string, string | null>([
  ["cto", null],
  ["vp", "cto"],
  ["em", "vp"],
  ["eng", "em"],
  ["other", null],
]);

describe("reporting-line rules", () => {
  it("lists the chain of managers above a person", () => {
    expect(chainAbove(org, "eng")).toEqual(["em", "vp", "cto"]);
    expect(chainAbove(org, "cto")).toEqual([]);
  });

  it("refuses a manager who reports to the person, directly or further down", () => {
    expect(wouldCreateCycle(org, "vp", "em")).toBe(true);
    expect(wouldCreateCycle(org, "cto", "eng")).toBe(true);
    expect(wouldCreateCycle(org, "em", "em")).toBe(true);
  });

  it("allows moves that keep the chart a tree", () => {
    expect(wouldCreateCycle(org, "eng", "vp")).toBe(false);
    expect(wouldCreateCycle(org, "other", "eng")).toBe(false);
    expect(wouldCreateCycle(org, "em", null)).toBe(false);
  });

  it("finds everyone on a loop, and only them", () => {
    const looped = new Map(org);
    looped.set("a", "b");
    looped.set("b", "c");
    looped.set("c", "a");
    looped.set("d", "a");
    expect([...peopleInCycles(looped)].sort()).toEqual(["a", "b", "c"]);
    expect(peopleInCycles(org).size).toBe(0);
  });

  it("builds trees from the top, reports sorted by name", () => {
    const tree = buildOrgTree([
      { id: "cto", managerId: null, name: "Cyd" },
      { id: "b", managerId: "cto", name: "Bea" },
      { id: "a", managerId: "cto", name: "Al" },
      { id: "x", managerId: "gone", name: "Xi" },
    ]);
    expect(tree.map((n) => n.name)).toEqual(["Cyd", "Xi"]);
    expect(tree[0]!.reports.map((n) => n.name)).toEqual(["Al", "Bea"]);
  });
});
