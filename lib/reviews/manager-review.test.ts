import { describe, expect, it } from "vitest";
import { MANAGER_STATUSES, RATINGS } from "@/lib/domain/enums";
import { countRatings, differsBy, differsLabel, isShared, nextManagerStatus } from "./manager-review";

describe("manager-review state machine", () => {
  it.each(MANAGER_STATUSES)("from %s", (status) => {
    for (const event of ["save", "share", "acknowledge"] as const) expect(nextManagerStatus(status, event, false)).toBeNull();
    const writable = status === "not-started" || status === "draft";
    expect(nextManagerStatus(status, "save", true)).toBe(writable ? "draft" : null);
    expect(nextManagerStatus(status, "share", true)).toBe(writable ? "shared" : null);
    expect(nextManagerStatus(status, "acknowledge", true)).toBe(status === "shared" ? "acknowledged" : null);
    expect(isShared(status)).toBe(status === "shared" || status === "acknowledged");
  });
});

describe("the disagreement rule", () => {
  it("counts the steps between two ratings on the 4-point scale", () => {
    expect(differsBy("not-yet", "exceeds")).toBe(3);
    expect(differsBy("exceeds", "developing")).toBe(2);
    expect(differsBy("meets", "developing")).toBe(1);
    expect(differsLabel(2)).toBe("Differs by 2");
  });

  it.each(RATINGS)("has no disagreement when both say %s or either is missing", (rating) => {
    expect(differsBy(rating, rating)).toBeNull();
    expect(differsBy(rating, null)).toBeNull();
    expect(differsBy(undefined, rating)).toBeNull();
  });
});

describe("calibration counts", () => {
  it("counts each rating per cell and per level, leaving unrated cells out", () => {
    const { byCell, byLevel } = countRatings([
      { levelKey: "ic2", cell: "values.complexity", rating: "meets" },
      { levelKey: "ic2", cell: "values.complexity", rating: "meets" },
      { levelKey: "ic3", cell: "values.complexity", rating: "exceeds" },
      { levelKey: "ic3", cell: "technical.influence", rating: "developing" },
      { levelKey: "ic3", cell: "technical.influence", rating: null },
    ]);
    expect(byCell.get("values.complexity")).toEqual({ "not-yet": 0, developing: 0, meets: 2, exceeds: 1 });
    expect(byCell.get("technical.influence")).toEqual({ "not-yet": 0, developing: 1, meets: 0, exceeds: 0 });
    expect(byLevel.get("ic2")?.get("values.complexity")).toEqual({ "not-yet": 0, developing: 0, meets: 2, exceeds: 0 });
    expect(byLevel.get("ic3")?.get("values.complexity")?.exceeds).toBe(1);
    expect(byLevel.get("ic2")?.has("technical.influence")).toBe(false);
  });
});
