import { beforeAll, describe, expect, it } from "vitest";
import fs from "node:fs";
import path from "node:path";
import { count, eq } from "drizzle-orm";
import { db } from "@/db";
import { frameworkVersions } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { buildOrg, type Org } from "@/lib/test/org";
import { getFrameworkStructure, getCells } from "./framework";
import { exportFramework } from "./framework-document";
import { discardDraft } from "./framework-drafts";
import { importFramework } from "./framework-import";
import { getPublishPreview, publishDraft } from "./framework-publish";
import { createEvidence } from "./evidence";
import { openCycle } from "./review-cycles";
import { getReview, listMyReviews, saveSelfAssessment, submitSelfAssessment } from "./reviews";
import { getCalibration } from "./review-team";
import { saveManagerReview } from "./manager-reviews";

let org: Org;
const versions = () => db().select({ n: count() }).from(frameworkVersions).get()!.n;
const asFile = (doc: unknown) => JSON.stringify(doc, null, 2) + "\n";

/* Sixteen competencies by one theme, on the same tracks and levels as the default: a shape the 3x3 never had. */
function sixteenByOne() {
  const doc = exportFramework(org.as.admin, 1)!;
  const competencies = Array.from({ length: 16 }, (_, i) => ({ key: `skill-${i + 1}`, name: `Skill ${i + 1}`, summary: `What skill ${i + 1} covers.` }));
  return {
    ...doc,
    name: "Sixteen skills",
    competencies,
    themes: [{ key: "impact", name: "Impact", summary: "How far the work reaches." }],
    tracks: doc.tracks.map((t) => ({ ...t, levels: t.levels.map((l) => ({ ...l, cells: Object.fromEntries(competencies.map((c) => [c.key, { impact: { expectation: `${c.name} at ${l.code}.`, description: `How ${c.name} shows at ${l.code}.`, examples: [`An example of ${c.name} at ${l.code}.`] } }])) })) })),
  };
}

beforeAll(() => {
  org = buildOrg();
});

describe("importing a framework file", () => {
  it("writes nothing when the file has problems, and lists each by its path", () => {
    const before = versions();
    const broken = exportFramework(org.as.admin, 1)!;
    broken.themes[1]!.name = "";
    const result = importFramework(org.as.admin, asFile(broken), "broken.json");
    expect(result).toEqual({ ok: false, message: "broken.json has 1 problem. Nothing was imported.", problems: [{ path: "themes[1].name", where: "Theme “influence”, the name", message: "is empty" }] });
    expect(versions()).toBe(before);
  });

  it("refuses a level key that another track owns", () => {
    const doc = exportFramework(org.as.admin, 1)!;
    doc.tracks[1]!.levels[3]!.key = "ic1";
    doc.tracks[0]!.levels[0]!.key = "ic1-new";
    const result = importFramework(org.as.admin, asFile(doc), "moved.json");
    expect(result).toMatchObject({ ok: false, problems: [{ path: "tracks[1].levels[3].key", where: "Level “M4” on track “Management”, the key", message: expect.stringContaining('belongs to the track "ic"') }] });
    expect(versions()).toBe(1);
  });

  it("is for admins only", () => {
    expect(() => importFramework(org.as.director, asFile(exportFramework(org.as.admin, 1)), "x.json")).toThrow(NotFoundError);
  });

  it("round-trips the default framework: export, import, export again gives an equal file", () => {
    const first = asFile(exportFramework(org.as.engineer, 1));
    expect(JSON.parse(first)).toEqual(JSON.parse(fs.readFileSync(path.join(process.cwd(), "db", "seed", "framework.json"), "utf8")));
    const imported = importFramework(org.as.admin, first, "trellis-framework-v1.json");
    if (!imported.ok) throw new Error(JSON.stringify(imported));
    expect(imported.value.number).toBe(2);
    expect(asFile(exportFramework(org.as.admin, 2))).toBe(first);
    expect(importFramework(org.as.admin, first, "again.json")).toEqual({ ok: false, message: "Version 2 is a draft in progress. Publish or discard it, then import this file." });
    expect(discardDraft(org.as.admin, 2).ok).toBe(true);
  });
});

describe("a framework of another shape, through the data layer", () => {
  it("imports and publishes sixteen competencies by one theme", () => {
    const imported = importFramework(org.as.admin, asFile(sixteenByOne()), "sixteen.json");
    if (!imported.ok) throw new Error(JSON.stringify(imported));
    const preview = getPublishPreview(org.as.admin, imported.value.number);
    expect(preview.problems).toEqual([]);
    expect(preview.inUse).toEqual([]);
    expect(preview.diff!.counts).toEqual({ cellsChanged: 0, cellsAdded: 11 * 16, cellsRemoved: 11 * 9 });
    const published = publishDraft(org.as.admin, imported.value.number, preview.stamp);
    expect(published.ok).toBe(true);
    const structure = getFrameworkStructure(org.as.engineer)!;
    expect(structure.competencies).toHaveLength(16);
    expect(structure.themes.map((t) => t.name)).toEqual(["Impact"]);
    expect(getCells(structure, ["ic2"]).get("ic2.skill-16.impact")?.expectation).toBe("Skill 16 at IC2.");
  });

  it("tags evidence to the new cells and no longer to cells the current version does not have", () => {
    expect(createEvidence(org.as.engineer, { title: "Skill win", occurredOn: "2026-01-05", description: "", links: [], cells: [{ competencyKey: "skill-3", themeKey: "impact" }] }).ok).toBe(true);
    expect(createEvidence(org.as.engineer, { title: "Old cell", occurredOn: "2026-01-05", description: "", links: [], cells: [{ competencyKey: "values", themeKey: "complexity" }] })).toEqual({ ok: false, fieldErrors: { cells: ["Choose cells from the framework"] } });
  });

  it("runs a review cycle of sixteen cells: self-assessment, manager review and calibration", () => {
    const cycle = openCycle(org.as.admin, { name: "Sixteen cycle", selfDueOn: "2026-08-01", managerDueOn: "2026-08-31" }, "2026-01-01");
    expect(cycle.ok).toBe(true);
    const reviewId = listMyReviews(org.as.engineer).find((r) => r.cycleName === "Sixteen cycle")!.id;
    const review = getReview(org.as.engineer, reviewId);
    expect(review.frameworkCells.map((c) => c.id)).toEqual(Array.from({ length: 16 }, (_, i) => `skill-${i + 1}.impact`));
    expect(review.frameworkCells[0]).toMatchObject({ competencyName: "Skill 1", themeName: "Impact", expectation: "Skill 1 at IC2." });
    const cells = review.frameworkCells.map((c) => ({ cell: c.id, rating: "meets" as const, evidence: `Did ${c.id}`, citations: [] }));
    expect(saveSelfAssessment(org.as.engineer, reviewId, 1, cells).ok).toBe(true);
    expect(submitSelfAssessment(org.as.engineer, reviewId, 2).ok).toBe(true);
    expect(saveManagerReview(org.as.manager, reviewId, 1, { summary: "Good half.", cells: review.frameworkCells.map((c) => ({ cell: c.id, rating: "exceeds" as const, comment: "" })) }).ok).toBe(true);
    const calibration = getCalibration(org.as.manager, { cycleId: cycle.ok ? cycle.value.id : "" })!;
    expect(calibration.frameworkCells).toHaveLength(16);
    expect(calibration.people.find((p) => p.reviewId === reviewId)?.cells["skill-16.impact"]).toEqual({ self: "meets", manager: "exceeds" });
    expect(db().select({ status: frameworkVersions.status }).from(frameworkVersions).where(eq(frameworkVersions.number, 1)).get()?.status).toBe("published");
  });
});
