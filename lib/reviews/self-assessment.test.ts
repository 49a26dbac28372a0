import { describe, expect, it } from "vitest";
import { SELF_STATUSES, type Rating } from "@/lib/domain/enums";
import { checkVersion, missingRatings, nextSelfStatus } from "./self-assessment";

describe("self-assessment state machine", () => {
  it.each(SELF_STATUSES)("from %s", (status) => {
    expect(nextSelfStatus(status, "save", false)).toBeNull();
    expect(nextSelfStatus(status, "submit", false)).toBeNull();
    if (status === "submitted") {
      expect(nextSelfStatus(status, "save", true)).toBeNull();
      expect(nextSelfStatus(status, "submit", true)).toBeNull();
    } else {
      expect(nextSelfStatus(status, "save", true)).toBe("draft");
      expect(nextSelfStatus(status, "submit", true)).toBe("submitted");
    }
  });

  it("names the unrated cells in framework order", () => {
    const cells = [
      { competencyKey: "values", themeKey: "complexity" },
      { competencyKey: "values", themeKey: "influence" },
      { competencyKey: "technical", themeKey: "complexity" },
    ];
    const ratings = new Map<string, Rating | null>([["values.complexity", "meets"], ["values.influence", null]]);
    expect(missingRatings(cells, ratings)).toEqual([cells[1], cells[2]]);
    expect(missingRatings(cells, new Map(cells.map((c) => [`${c.competencyKey}.${c.themeKey}`, "exceeds" as Rating])))).toEqual([]);
  });
});

describe("conflict check", () => {
  it("lets a save through on the version it loaded", () => {
    expect(checkVersion(3, { version: 3, content: "theirs" })).toBeNull();
  });
  it("refuses a stale save and hands back the saved version and its content", () => {
    const failure = checkVersion(2, { version: 3, content: { evidence: "theirs" } });
    expect(failure).toMatchObject({ ok: false, conflict: { version: 3, current: { evidence: "theirs" } } });
    expect(failure?.message).toMatch(/saved somewhere else/);
  });
});
