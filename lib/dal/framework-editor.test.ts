import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { cells, frameworkVersions } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { buildOrg, type Org } from "@/lib/test/org";
import { insertPerson } from "@/lib/test/factory";
import { fileClaim } from "@/lib/test/builders";
import { getFrameworkStructure, getCells } from "./framework";
import { currentVersion, getVersionDiff } from "./framework-document";
import { discardDraft, listFrameworkVersions, startDraft, updateDraftDetails } from "./framework-drafts";
import { addMatrixItem, moveMatrixItem, removeMatrixItem, updateMatrixItem } from "./framework-edit-matrix";
import { addLevel, addTrack, moveLevel, removeLevel, removeTrack, updateLevel } from "./framework-edit-levels";
import { getDraftLevel, saveDraftCell } from "./framework-cells";
import { getPublishPreview, publishDraft } from "./framework-publish";
import { createEvidence } from "./evidence";
import { closeCycle, openCycle } from "./review-cycles";
import { getReview, listMyReviews } from "./reviews";
import { changeLevel } from "./level-changes";
import { getPersonProfile, getViewerById } from "./people";
import { startPacket } from "./packet-start";
import { withdrawPacket } from "./packet-case";

let org: Org;
const revisionOf = (number: number) => db().select({ r: frameworkVersions.revision }).from(frameworkVersions).where(eq(frameworkVersions.number, number)).get()!.r;
const cellText = (number: number, levelKey: string, competencyKey: string, themeKey: string) => {
  const id = db().select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.number, number)).get()!.id;
  return db().select().from(cells).where(and(eq(cells.versionId, id), eq(cells.levelKey, levelKey), eq(cells.competencyKey, competencyKey), eq(cells.themeKey, themeKey))).get();
};
const ok = <T extends { ok: boolean }>(result: T) => {
  if (!result.ok) throw new Error(JSON.stringify(result));
  return result as Extract<T, { ok: true }>;
};

beforeAll(() => {
  org = buildOrg();
});

describe("starting and editing a draft", () => {
  it("starts a draft as a copy of the current version, one at a time, for admins only", () => {
    expect(() => startDraft(org.as.manager)).toThrow(NotFoundError);
    const started = ok(startDraft(org.as.admin));
    expect(started.value.number).toBe(2);
    expect(startDraft(org.as.admin)).toEqual({ ok: false, message: expect.stringContaining("Version 2 is already a draft in progress") });
    const { versions, draft, current } = listFrameworkVersions(org.as.admin);
    expect(draft).toMatchObject({ number: 2, status: "draft", competencies: 3, themes: 3, levels: 11 });
    expect(current).toBe(1);
    expect(versions.map((v) => v.number)).toEqual([2, 1]);
    // Everyone else still reads version 1, and the draft only by its number as an admin.
    expect(getFrameworkStructure(org.as.engineer)!.version.number).toBe(1);
    expect(getFrameworkStructure(org.as.engineer, 2)).toBeNull();
  });

  it("autosaves a cell against the revision the editor loaded, and hands a stale editor the saved text", () => {
    const level = getDraftLevel(org.as.admin, 2, "ic2");
    const cell = level.cells.find((c) => c.id === "technical.complexity")!;
    expect(cell.text).toEqual(cell.published);
    const mine = { expectation: "Plans and ships a feature end to end.", description: "Breaks the work down.", examples: ["Ships the settings page."] };
    const saved = ok(saveDraftCell(org.as.admin, 2, { levelKey: "ic2", competencyKey: "technical", themeKey: "complexity" }, cell.revision, mine));
    expect(saved.version).toBe(cell.revision + 1);
    const stale = saveDraftCell(org.as.admin, 2, { levelKey: "ic2", competencyKey: "technical", themeKey: "complexity" }, cell.revision, { ...mine, expectation: "Other tab" });
    expect(stale).toMatchObject({ ok: false, conflict: { version: cell.revision + 1, current: mine } });
    expect(cellText(2, "ic2", "technical", "complexity")?.expectation).toBe(mine.expectation);
    // The published version is untouched.
    expect(cellText(1, "ic2", "technical", "complexity")?.expectation).toBe(cell.published!.expectation);
    expect(() => saveDraftCell(org.as.engineer, 2, { levelKey: "ic2", competencyKey: "technical", themeKey: "complexity" }, cell.revision + 1, mine)).toThrow(NotFoundError);
  });

  it("checks every structure change against the draft's revision", () => {
    const revision = revisionOf(2);
    ok(updateDraftDetails(org.as.admin, 2, revision, { name: "Trellis Engineering Framework 2027", description: "Refreshed.", notes: "Clearer IC2." }));
    expect(updateMatrixItem(org.as.admin, 2, revision, "theme", "influence", { name: "Reach", summary: "" })).toMatchObject({ ok: false, conflict: { version: revision + 1 } });
  });

  it("adds a competency with empty cells on every level, renames, reorders and removes it", () => {
    const added = ok(addMatrixItem(org.as.admin, 2, revisionOf(2), "competency", { name: "Delivery", summary: "Shipping." }));
    expect(added.value.key).toBe("delivery");
    expect(addMatrixItem(org.as.admin, 2, revisionOf(2), "competency", { name: "delivery", summary: "" })).toMatchObject({ ok: false, fieldErrors: { name: [expect.stringContaining("already has")] } });
    expect(getDraftLevel(org.as.admin, 2, "m5").cells.filter((c) => c.competencyKey === "delivery").map((c) => c.text.expectation)).toEqual(["", "", ""]);
    ok(moveMatrixItem(org.as.admin, 2, revisionOf(2), "competency", "delivery", "up"));
    expect(getFrameworkStructure(org.as.admin, 2)!.competencies.map((c) => c.key)).toEqual(["values", "technical", "delivery", "leadership"]);
    expect(moveMatrixItem(org.as.admin, 2, revisionOf(2), "competency", "values", "up")).toEqual({ ok: false, message: "It is already first." });
    ok(updateMatrixItem(org.as.admin, 2, revisionOf(2), "theme", "influence", { name: "Reach", summary: "Who a person works with." }));
    ok(removeMatrixItem(org.as.admin, 2, revisionOf(2), "competency", "delivery"));
    expect(getDraftLevel(org.as.admin, 2, "ic1").cells).toHaveLength(9);
  });

  it("adds a level that starts from the text below it, pairs equivalents both ways, reorders and removes it", () => {
    const added = ok(addLevel(org.as.admin, 2, revisionOf(2), "ic", { code: "IC7", name: "Distinguished Engineer", summary: "" }));
    expect(added.value.key).toBe("ic7");
    expect(cellText(2, "ic7", "values", "complexity")?.expectation).toBe(cellText(2, "ic6", "values", "complexity")?.expectation);
    expect(addLevel(org.as.admin, 2, revisionOf(2), "mgmt", { code: "ic7", name: "Clash", summary: "" })).toMatchObject({ ok: false, fieldErrors: { code: ["Another level already has the code ic7"] } });
    ok(updateLevel(org.as.admin, 2, revisionOf(2), "ic7", { code: "IC7", name: "Distinguished Engineer", summary: "Rare.", equivalentLevelKey: "m4" }));
    const levels = getFrameworkStructure(org.as.admin, 2)!.levels;
    expect(levels.find((l) => l.key === "m4")?.equivalentLevelKey).toBe("ic7");
    expect(updateLevel(org.as.admin, 2, revisionOf(2), "ic7", { code: "IC7", name: "D", summary: "", equivalentLevelKey: "ic6" })).toMatchObject({ fieldErrors: { equivalentLevelKey: ["Choose a level on another track"] } });
    ok(moveLevel(org.as.admin, 2, revisionOf(2), "ic7", "up"));
    expect(getFrameworkStructure(org.as.admin, 2)!.tracks[0]!.levels.map((l) => l.code)).toEqual(["IC1", "IC2", "IC3", "IC4", "IC5", "IC7", "IC6"]);
    ok(moveLevel(org.as.admin, 2, revisionOf(2), "ic7", "down"));
    ok(removeLevel(org.as.admin, 2, revisionOf(2), "ic7"));
    expect(getFrameworkStructure(org.as.admin, 2)!.levels.find((l) => l.key === "m4")?.equivalentLevelKey).toBeNull();
  });

  it("adds a track whose levels belong to it", () => {
    const track = ok(addTrack(org.as.admin, 2, revisionOf(2), { name: "Design", summary: "Product designers." }));
    const level = ok(addLevel(org.as.admin, 2, revisionOf(2), track.value.key, { code: "D1", name: "Designer", summary: "" }));
    expect(getDraftLevel(org.as.admin, 2, level.value.key).cells.every((c) => c.text.expectation === "")).toBe(true);
    ok(removeTrack(org.as.admin, 2, revisionOf(2), track.value.key));
  });
});

describe("removing what is in use", () => {
  it("is refused with the list of people, reviews, evidence and stipend claims that use it", async () => {
    const principal = insertPerson(db(), { name: "Pia Principal", trackKey: "ic", levelKey: "ic6" });
    const refusal = removeLevel(org.as.admin, 2, revisionOf(2), "ic6");
    expect(refusal).toEqual({ ok: false, message: expect.stringContaining("“IC6 · Principal Engineer” is in use"), uses: [expect.stringMatching(/^1 person is at this level now: Pia Principal;/)] });
    expect(getFrameworkStructure(org.as.admin, 2)!.levels.some((l) => l.key === "ic6")).toBe(true);
    expect(principal.levelKey).toBe("ic6");

    ok(createEvidence(org.as.engineer, { title: "Ran the incident review", occurredOn: "2026-01-10", description: "", links: [], cells: [{ competencyKey: "leadership", themeKey: "multiplier" }] }));
    await fileClaim(org.as.engineer, { item: "Staff Engineer's Path", cell: { competencyKey: "leadership", themeKey: "multiplier" } });
    const theme = removeMatrixItem(org.as.admin, 2, revisionOf(2), "theme", "multiplier");
    expect(theme).toMatchObject({ ok: false, uses: [`1 evidence-log entry is tagged to it: “Ran the incident review” (${org.people.engineer.name})`, `1 stipend claim is tied to it: “Staff Engineer's Path” (${org.people.engineer.name})`] });

    const cycle = ok(openCycle(org.as.admin, { name: "In-use cycle", selfDueOn: "2026-08-01", managerDueOn: "2026-08-31" }, "2026-01-01"));
    const values = removeMatrixItem(org.as.admin, 2, revisionOf(2), "competency", "values");
    expect(values).toMatchObject({ ok: false, uses: [expect.stringMatching(/^\d+ reviews in the open cycle “In-use cycle” are written against it; close the cycle first$/)] });
    ok(closeCycle(org.as.admin, cycle.value.id, 1));
    // Once the cycle closes its reviews are pinned to their version, so they no longer hold the competency back.
    ok(removeMatrixItem(org.as.admin, 2, revisionOf(2), "competency", "values"));

    const staff = insertPerson(db(), { name: "Sol Staff", trackKey: "ic", levelKey: "ic4" });
    const packet = ok(startPacket(getViewerById(staff.id)!, staff.id, "ic5"));
    expect(removeLevel(org.as.admin, 2, revisionOf(2), "ic5")).toMatchObject({ ok: false, uses: ["1 open promotion packet starts from or aims at it: Sol Staff; they are decided or withdrawn first"] });
    expect(removeMatrixItem(org.as.admin, 2, revisionOf(2), "theme", "influence")).toMatchObject({ ok: false, uses: [expect.stringContaining("1 open promotion packet makes a case in its cells: Sol Staff")] });
    ok(withdrawPacket(getViewerById(staff.id)!, packet.value, "Not this half"));
    ok(removeLevel(org.as.admin, 2, revisionOf(2), "ic5"));
  });

  it("refuses to publish a draft that leaves out something in use", () => {
    const preview = getPublishPreview(org.as.admin, 2);
    expect(preview.inUse).toEqual([]);
    ok(discardDraft(org.as.admin, 2));
    expect(listFrameworkVersions(org.as.admin).draft).toBeNull();
  });
});

describe("publishing", () => {
  let number: number;
  it("shows what changes and what is unwritten, then publishes only what was looked at", () => {
    number = ok(startDraft(org.as.admin)).value.number;
    const ref = { levelKey: "ic3", competencyKey: "technical", themeKey: "influence" };
    const before = getDraftLevel(org.as.admin, number, "ic3").cells.find((c) => c.id === "technical.influence")!;
    ok(saveDraftCell(org.as.admin, number, ref, before.revision, { ...before.text, expectation: `${before.text.expectation} Mentors two engineers.` }));
    ok(addMatrixItem(org.as.admin, number, revisionOf(number), "theme", { name: "Craft", summary: "" }));

    const preview = getPublishPreview(org.as.admin, number);
    expect(preview.current?.number).toBe(1);
    expect(preview.diff!.counts).toEqual({ cellsChanged: 1, cellsAdded: 33, cellsRemoved: 0 });
    expect(preview.problems.filter((p) => p.levelKey === "ic1" && p.cell === "values.craft").map((p) => p.path)).toEqual([
      "tracks[0].levels[0].cells.values.craft.expectation",
      "tracks[0].levels[0].cells.values.craft.description",
      "tracks[0].levels[0].cells.values.craft.examples",
    ]);
    expect(publishDraft(org.as.admin, number, preview.stamp)).toEqual({ ok: false, message: expect.stringContaining("The draft is not ready") });

    ok(removeMatrixItem(org.as.admin, number, revisionOf(number), "theme", "craft"));
    const stale = preview.stamp;
    const ready = getPublishPreview(org.as.admin, number);
    expect(ready.problems).toEqual([]);
    expect(publishDraft(org.as.admin, number, stale)).toMatchObject({ ok: false, conflict: {} });
    expect(() => publishDraft(org.as.manager, number, ready.stamp)).toThrow(NotFoundError);
    ok(publishDraft(org.as.admin, number, ready.stamp));
    expect(currentVersion(db())?.number).toBe(number);
  });

  it("shows the new text to everyone while a review written against the old version keeps the old text", () => {
    const structure = getFrameworkStructure(org.as.engineer)!;
    expect(structure.version.number).toBe(number);
    expect(getCells(structure, ["ic3"]).get("ic3.technical.influence")?.expectation).toMatch(/Mentors two engineers\.$/);
    const old = getFrameworkStructure(org.as.engineer, 1)!;
    expect(getCells(old, ["ic3"]).get("ic3.technical.influence")?.expectation).not.toMatch(/Mentors two engineers/);
    const reviewId = listMyReviews(org.as.peer).find((r) => r.cycleName === "In-use cycle")!.id;
    const review = getReview(org.as.peer, reviewId);
    expect(review.review.frameworkVersionId).toBe(db().select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.number, 1)).get()!.id);
    expect(review.frameworkCells.find((c) => c.id === "technical.complexity")?.expectation).toBe(getCells(old, ["ic2"]).get("ic2.technical.complexity")?.expectation);
  });

  it("diffs any two published versions, and nothing else", () => {
    const result = getVersionDiff(org.as.engineer, 1, number)!;
    expect(result.diff.counts).toEqual({ cellsChanged: 1, cellsAdded: 0, cellsRemoved: 0 });
    expect(result.diff.levels[0]!.cells[0]!.fields[0]!.parts.find((p) => p.kind === "added")?.text).toContain("Mentors two engineers.");
    ok(startDraft(org.as.admin));
    expect(getVersionDiff(org.as.admin, 1, number + 1)).toBeNull();
    expect(getVersionDiff(org.as.engineer, 1, 99)).toBeNull();
  });
});

describe("a level a later version leaves out", () => {
  it("keeps its name in the level history of the people who were once at it", () => {
    const person = insertPerson(db(), { name: "Ivy Intern", trackKey: "ic", levelKey: "ic1", startDate: "2024-01-01" });
    ok(changeLevel(org.as.admin, person.id, { trackKey: "ic", levelKey: "ic2", effectiveDate: "2025-01-01", reason: "Promoted" }));
    const draft = listFrameworkVersions(org.as.admin).draft!.number;
    ok(removeLevel(org.as.admin, draft, revisionOf(draft), "ic1"));
    ok(publishDraft(org.as.admin, draft, getPublishPreview(org.as.admin, draft).stamp));
    expect(getFrameworkStructure(org.as.engineer)!.levels.map((l) => l.key)).not.toContain("ic1");
    const history = getPersonProfile(org.as.admin, person.id).history;
    expect(history.map((h) => `${h.levelCode} ${h.levelName}`)).toEqual(["IC2 Software Engineer", "IC1 Associate Software Engineer"]);
    // Nobody can be placed at it any more.
    expect(changeLevel(org.as.admin, person.id, { trackKey: "ic", levelKey: "ic1", effectiveDate: "2025-06-01", reason: "Back" })).toEqual({ ok: false, fieldErrors: { levelKey: ["Choose a level on the chosen track"] } });
  });
});
