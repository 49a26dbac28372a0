import { beforeAll, describe, expect, it } from "vitest";
import { examplesFrom } from "@/lib/framework/editor-rules";
import { KEY_PATTERN, TEXT_LIMITS } from "@/lib/framework/format";
import { XSS_PAYLOADS } from "@/lib/test/xss-corpus";
import { expectInert, ok } from "@/lib/test/xss-render";
import { buildOrg, type Org } from "@/lib/test/org";
import { getFrameworkStructure } from "./framework";
import { getDraftLevel, saveDraftCell } from "./framework-cells";
import { getDraftOverview, startDraft, updateDraftDetails } from "./framework-drafts";
import { addMatrixItem, removeMatrixItem, updateMatrixItem } from "./framework-edit-matrix";
import { updateLevel, updateTrack } from "./framework-edit-levels";

/*
 * The stored-XSS corpus through every field of the framework editor: a
 * draft's name, description and notes; a theme's, a track's and a level's
 * name and summary (and the level's code); a cell's expectation, description
 * and examples; and a new competency named with the payload, whose key is made
 * from its name. Each value is kept within its form's limit (a name that is
 * blank or too long once trimmed is refused by the editor's schema, so it is
 * skipped here), saved through the DAL, read back as the editor and the
 * framework pages read it, exactly as saved, and renders inert: the framework
 * is React text everywhere.
 */
let org: Org;
let number: number;
beforeAll(() => {
  org = buildOrg();
  number = (ok(startDraft(org.as.admin)) as { value: { number: number } }).value.number;
});

const revision = () => getDraftOverview(org.as.admin, number).draft.revision;
const structure = () => getFrameworkStructure(org.as.admin, number)!;
/* What the editor's schema would accept for a field of this length: the trimmed payload, or nothing. */
const fits = (payload: string, limit: number) => {
  const value = payload.trim();
  return value && value.length <= limit ? value : null;
};

describe("the stored-XSS corpus in every framework editor field", { timeout: 180_000 }, () => {
  it("a draft's name, description and notes", () => {
    for (const payload of XSS_PAYLOADS) {
      const name = fits(payload, TEXT_LIMITS.name);
      if (!name) continue;
      const [description, notes] = [payload.trim().slice(0, TEXT_LIMITS.description), payload.trim()];
      ok(updateDraftDetails(org.as.admin, number, revision(), { name, description, notes }));
      const { draft } = getDraftOverview(org.as.admin, number);
      expect([draft.name, draft.description, draft.notes]).toEqual([name, description, notes]);
      for (const value of [name, description, notes]) expectInert("text", value);
    }
  });

  it("a theme's, a track's and a level's name and summary, and the level's code", () => {
    for (const payload of XSS_PAYLOADS) {
      const [itemName, levelName, code] = [fits(payload, TEXT_LIMITS.itemName), fits(payload, TEXT_LIMITS.levelName), fits(payload, TEXT_LIMITS.code)];
      const summary = payload.trim().slice(0, TEXT_LIMITS.summary);
      if (itemName) {
        ok(updateMatrixItem(org.as.admin, number, revision(), "theme", "influence", { name: itemName, summary }));
        ok(updateTrack(org.as.admin, number, revision(), "ic", { name: itemName, summary }));
        const read = structure();
        expect(read.themes.find((t) => t.key === "influence")).toMatchObject({ name: itemName, summary });
        expect(read.tracks.find((t) => t.key === "ic")).toMatchObject({ name: itemName, summary });
        expectInert("text", itemName);
      }
      if (levelName) {
        ok(updateLevel(org.as.admin, number, revision(), "ic2", { code: code ?? "IC2", name: levelName, summary, equivalentLevelKey: null }));
        expect(structure().levels.find((l) => l.key === "ic2")).toMatchObject({ code: code ?? "IC2", name: levelName, summary });
        expectInert("text", levelName);
      }
      expectInert("text", summary);
    }
  });

  it("a cell's expectation, description and examples", () => {
    for (const payload of XSS_PAYLOADS) {
      const expectation = payload.slice(0, TEXT_LIMITS.expectation);
      const examples = examplesFrom(payload).map((e) => e.slice(0, TEXT_LIMITS.example)).slice(0, TEXT_LIMITS.examples);
      const before = getDraftLevel(org.as.admin, number, "ic3").cells.find((c) => c.id === "values.complexity")!;
      ok(saveDraftCell(org.as.admin, number, { levelKey: "ic3", competencyKey: "values", themeKey: "complexity" }, before.revision, { expectation, description: payload, examples }));
      const after = getDraftLevel(org.as.admin, number, "ic3").cells.find((c) => c.id === "values.complexity")!;
      expect(after.text).toEqual({ expectation, description: payload, examples });
      for (const value of [expectation, payload, ...examples]) expectInert("text", value);
    }
  });

  it("a competency named with the payload gets a key of letters, digits and dashes, and goes again", () => {
    for (const payload of XSS_PAYLOADS) {
      const name = fits(payload, TEXT_LIMITS.itemName);
      if (!name) continue;
      const added = ok(addMatrixItem(org.as.admin, number, revision(), "competency", { name, summary: "" })) as { value: { key: string } };
      expect(added.value.key).toMatch(KEY_PATTERN);
      expect(structure().competencies.find((c) => c.key === added.value.key)?.name).toBe(name);
      ok(removeMatrixItem(org.as.admin, number, revision(), "competency", added.value.key));
    }
  });
});
