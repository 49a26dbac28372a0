import { beforeAll, describe, expect, it } from "vitest";
import { levelCellId } from "@/lib/domain/cell-ref";
import { loadDefaultFramework } from "@/lib/dal/framework-install";
import { parseFramework } from "@/lib/framework/format";
import { buildOrg, type Org } from "@/lib/test/org";
import { getCells, getFrameworkStructure } from "./framework";
import { exportFramework } from "./framework-document";

let org: Org;
beforeAll(() => {
  org = buildOrg();
});

describe("framework versions", () => {
  it("exports a published version in the file format, identical to what was installed", () => {
    const exported = exportFramework(org.as.engineer, 1);
    expect(exported).not.toBeNull();
    expect(parseFramework(JSON.parse(JSON.stringify(exported)))).toEqual(loadDefaultFramework());
  });

  it("reads a level's nine cells and the tracks in order", () => {
    const structure = getFrameworkStructure(org.as.engineer)!;
    expect(structure.tracks.map((t) => t.levels.map((l) => l.code).join(" "))).toEqual(["IC1 IC2 IC3 IC4 IC5 IC6", "M1 M2 M3 M4 M5"]);
    const cells = getCells(structure, ["ic3"]);
    expect(cells.size).toBe(9);
    expect(cells.get(levelCellId({ levelKey: "ic3", competencyKey: "technical", themeKey: "complexity" }))?.examples.length).toBeGreaterThanOrEqual(2);
  });

  it("does not know a version that does not exist", () => {
    expect(getFrameworkStructure(org.as.admin, 99)).toBeNull();
    expect(exportFramework(org.as.admin, 99)).toBeNull();
  });
});
