import { describe, expect, it } from "vitest";
import { loadDefaultFramework } from "@/lib/dal/framework-install";

const fw = loadDefaultFramework();
const allLevels = fw.tracks.flatMap((t) => t.levels.map((l) => ({ ...l, track: t.key })));

describe("the default framework", () => {
  it("is the 3x3 matrix of Values, Technical and Leadership by Complexity, Sphere of influence and Multiplier effect", () => {
    expect(fw.competencies.map((c) => c.name)).toEqual(["Values", "Technical", "Leadership"]);
    expect(fw.themes.map((t) => t.name)).toEqual(["Complexity", "Sphere of influence", "Multiplier effect"]);
  });

  it("has an IC track from Associate to Principal and a management track from Engineering Manager to CTO", () => {
    const ic = fw.tracks.find((t) => t.key === "ic")!;
    const mgmt = fw.tracks.find((t) => t.key === "mgmt")!;
    expect(ic.levels.length).toBeGreaterThanOrEqual(5);
    expect(ic.levels[0]!.name).toMatch(/Associate/);
    expect(ic.levels.at(-1)!.name).toMatch(/Principal/);
    expect(mgmt.levels.length).toBeGreaterThanOrEqual(5);
    expect(mgmt.levels[0]!.name).toBe("Engineering Manager");
    expect(mgmt.levels.at(-1)!.name).toBe("Chief Technology Officer");
  });

  it("opens the management track at Senior, with equivalences on both sides", () => {
    const byKey = new Map(allLevels.map((l) => [l.key, l]));
    const senior = allLevels.find((l) => l.name === "Senior Software Engineer")!;
    expect(byKey.get(senior.equivalentLevelKey!)?.name).toBe("Engineering Manager");
    for (const level of allLevels.filter((l) => l.equivalentLevelKey)) {
      expect(byKey.get(level.equivalentLevelKey!)?.equivalentLevelKey).toBe(level.key);
    }
  });

  it("fills every cell of every level with an expectation, a description and 2-3 examples", () => {
    for (const level of allLevels) {
      for (const c of fw.competencies) {
        for (const t of fw.themes) {
          const cell = level.cells[c.key]?.[t.key];
          expect(cell, `${level.code} ${c.key}/${t.key}`).toBeDefined();
          expect(cell!.expectation.trim().length, `${level.code} ${c.key}/${t.key} expectation`).toBeGreaterThan(20);
          expect(cell!.description.trim().length, `${level.code} ${c.key}/${t.key} description`).toBeGreaterThan(60);
          expect(cell!.examples.length).toBeGreaterThanOrEqual(2);
          expect(cell!.examples.length).toBeLessThanOrEqual(3);
          for (const example of cell!.examples) expect(example.trim().length).toBeGreaterThan(15);
        }
      }
    }
  });

  it("never repeats a piece of text, so each level says something of its own", () => {
    const texts = allLevels.flatMap((l) => Object.values(l.cells).flatMap((row) => Object.values(row).flatMap((cell) => [cell.expectation, cell.description, ...cell.examples])));
    expect(texts.length).toBeGreaterThanOrEqual(allLevels.length * 9 * 4);
    const seen = new Map<string, number>();
    for (const text of texts) seen.set(text.trim().toLowerCase(), (seen.get(text.trim().toLowerCase()) ?? 0) + 1);
    expect([...seen].filter(([, n]) => n > 1).map(([t]) => t)).toEqual([]);
  });

  it("has unique level codes and names", () => {
    expect(new Set(allLevels.map((l) => l.code)).size).toBe(allLevels.length);
    expect(new Set(allLevels.map((l) => l.name)).size).toBe(allLevels.length);
  });
});
