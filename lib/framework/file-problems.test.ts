import { describe, expect, it } from "vitest";
import { readFrameworkFile, type FileProblem } from "./file-problems";
import { FRAMEWORK_FORMAT } from "./format";

/* A small valid file: two competencies by one theme, one track of two levels. */
function file() {
  const cell = (text: string) => ({ expectation: `${text} expectation`, description: `${text} description`, examples: [`${text} example`] });
  const level = (key: string, code: string, equivalentLevelKey: string | null = null) => ({
    key,
    code,
    name: `${code} name`,
    summary: "",
    equivalentLevelKey,
    cells: { craft: { impact: cell(`${code} craft`) }, care: { impact: cell(`${code} care`) } },
  });
  return {
    format: FRAMEWORK_FORMAT,
    name: "Small framework",
    description: "",
    competencies: [
      { key: "craft", name: "Craft", summary: "" },
      { key: "care", name: "Care", summary: "" },
    ],
    themes: [{ key: "impact", name: "Impact", summary: "" }],
    tracks: [{ key: "eng", name: "Engineering", summary: "", levels: [level("e1", "E1"), level("e2", "E2")] }],
  };
}
type File = ReturnType<typeof file>;

function problemsOf(change: (f: File) => void): FileProblem[] {
  const f = file();
  change(f);
  const reading = readFrameworkFile(JSON.stringify(f, null, 2));
  if (reading.ok) throw new Error("expected problems");
  return reading.problems;
}

describe("reading a framework file", () => {
  it("accepts a valid file of any shape", () => {
    const reading = readFrameworkFile(JSON.stringify(file()));
    expect(reading.ok).toBe(true);
    if (reading.ok) expect(reading.doc.competencies.map((c) => c.name)).toEqual(["Craft", "Care"]);
  });

  it("says where a file that is not JSON breaks", () => {
    const reading = readFrameworkFile('{\n  "format": "trellis-framework/v1",\n  "name": "x",,\n}');
    expect(reading).toEqual({ ok: false, problems: [expect.objectContaining({ path: "(the whole file)", where: "The file", message: expect.stringMatching(/^is not valid JSON at line 3, column \d+/) })] });
  });

  it("refuses an empty file", () => {
    expect(readFrameworkFile("  \n")).toEqual({ ok: false, problems: [{ path: "(the whole file)", where: "The file", message: "is empty" }] });
  });

  it("names the wrong format line", () => {
    expect(problemsOf((f) => (f.format = "other/v2"))).toEqual([{ path: "format", where: "The format", message: `must be "${FRAMEWORK_FORMAT}"` }]);
  });

  it("names a missing field by its path and its level's code", () => {
    expect(problemsOf((f) => delete (f.tracks[0]!.levels[1] as Partial<File["tracks"][0]["levels"][0]>).name)).toEqual([{ path: "tracks[0].levels[1].name", where: "Level “E2” on track “Engineering”, the name", message: "is missing" }]);
  });

  it("names a value of the wrong type", () => {
    expect(problemsOf((f) => ((f.competencies[0] as { name: unknown }).name = 42))).toEqual([{ path: "competencies[0].name", where: "Competency “craft”, the name", message: "should be text, not a number" }]);
  });

  it("names an empty text and a text that is too long, with its length", () => {
    const problems = problemsOf((f) => {
      f.tracks[0]!.levels[0]!.cells.craft.impact.expectation = "   ";
      f.tracks[0]!.levels[0]!.cells.care.impact.description = "x".repeat(2001);
    });
    expect(problems).toEqual([
      { path: "tracks[0].levels[0].cells.craft.impact.expectation", where: "Level “E1” on track “Engineering”, cell Craft / Impact, the expectation", message: "is empty" },
      { path: "tracks[0].levels[0].cells.care.impact.description", where: "Level “E1” on track “Engineering”, cell Care / Impact, the description", message: "is too long: at most 2000 characters, and this has 2001" },
    ]);
  });

  it("names too few and too many entries in a list", () => {
    const problems = problemsOf((f) => {
      f.tracks[0]!.levels[0]!.cells.craft.impact.examples = [];
      f.themes = Array.from({ length: 21 }, (_, i) => ({ key: `t${i}`, name: `Theme ${i}`, summary: "" }));
    });
    expect(problems).toContainEqual({ path: "tracks[0].levels[0].cells.craft.impact.examples", where: "Level “E1” on track “Engineering”, cell Craft / impact, the examples", message: "needs at least 1 entry" });
    expect(problems).toContainEqual({ path: "themes", where: "The list of themes", message: "has too many entries: at most 20, and this has 21" });
  });

  it("names a key that breaks the key rules", () => {
    expect(problemsOf((f) => (f.themes[0]!.key = "Impact!"))).toContainEqual({ path: "themes[0].key", where: "Theme “Impact”, the key", message: "must be lower-case letters, digits and dashes, start with a letter and be at most 40 characters" });
  });

  it("names a misspelt field the format does not know", () => {
    expect(problemsOf((f) => Object.assign(f.tracks[0]!.levels[0]!.cells.craft.impact, { expectaton: "typo" }))).toEqual([
      { path: "tracks[0].levels[0].cells.craft.impact", where: "Level “E1” on track “Engineering”, cell Craft / Impact", message: "has a field the format does not know: “expectaton” (check the spelling)" },
    ]);
  });

  it("names duplicate keys", () => {
    expect(problemsOf((f) => (f.competencies[1]!.key = "craft"))).toContainEqual({ path: "competencies[1].key", where: "Competency “Care”, the key", message: 'uses the key "craft", which an earlier competency already has; each competency needs its own key' });
    expect(problemsOf((f) => (f.tracks[0]!.levels[1]!.key = "e1"))).toContainEqual({ path: "tracks[0].levels[1].key", where: "Level “E2” on track “Engineering”, the key", message: 'uses the key "e1", which an earlier level already has; each level needs its own key' });
  });

  it("names a missing cell, and cells for a competency or theme the file does not have", () => {
    const problems = problemsOf((f) => {
      const cells = f.tracks[0]!.levels[1]!.cells as Record<string, Record<string, unknown>>;
      delete cells.care;
      cells.craft!.scope = cells.craft!.impact;
      cells.kindness = { impact: cells.craft!.impact };
    });
    expect(problems).toEqual([
      { path: "tracks[0].levels[1].cells.care.impact", where: "Level “E2” on track “Engineering”, cell Care / Impact", message: "has no cell for Care / Impact" },
      { path: "tracks[0].levels[1].cells.craft.scope", where: "Level “E2” on track “Engineering”, cell Craft / scope", message: 'has a cell for "scope", which is not one of the themes' },
      { path: "tracks[0].levels[1].cells.kindness", where: "Level “E2” on track “Engineering”, cell kindness", message: 'has cells for "kindness", which is not one of the competencies' },
    ]);
  });

  it("names equivalences that point nowhere, at the same track, or one way only", () => {
    const f = file();
    const other = { ...f.tracks[0]!, key: "mgmt", name: "Management", levels: [{ ...f.tracks[0]!.levels[0]!, key: "m1", code: "M1", equivalentLevelKey: null as string | null }] };
    f.tracks.push(other);
    f.tracks[0]!.levels[0]!.equivalentLevelKey = "nowhere" as never;
    f.tracks[0]!.levels[1]!.equivalentLevelKey = "e1" as never;
    other.levels[0]!.equivalentLevelKey = "e2";
    const reading = readFrameworkFile(JSON.stringify(f));
    expect(reading.ok).toBe(false);
    if (reading.ok) return;
    expect(reading.problems).toEqual([
      { path: "tracks[0].levels[0].equivalentLevelKey", where: "Level “E1” on track “Engineering”, the equivalent level", message: 'names "nowhere" as its equivalent, but no level has that key' },
      { path: "tracks[0].levels[1].equivalentLevelKey", where: "Level “E2” on track “Engineering”, the equivalent level", message: 'names "e1" as its equivalent, which is on the same track; an equivalent is on another track' },
      { path: "tracks[1].levels[0].equivalentLevelKey", where: "Level “M1” on track “Management”, the equivalent level", message: 'names "e2" as its equivalent, but "e2" does not name it back; set equivalentLevelKey on both levels' },
    ]);
  });

  it("lists every problem at once, field problems and cross-references together", () => {
    const problems = problemsOf((f) => {
      f.name = "";
      (f.competencies[0] as { name: unknown }).name = null;
      delete (f.tracks[0]!.levels[0]!.cells as Partial<typeof f.tracks[0]["levels"][0]["cells"]>).care;
    });
    expect(problems.map((p) => p.path)).toEqual(["name", "competencies[0].name", "tracks[0].levels[0].cells.care.impact"]);
  });

  it("refuses a file far larger than any framework", () => {
    const reading = readFrameworkFile(" ".repeat(2_000_001));
    expect(reading).toEqual({ ok: false, problems: [expect.objectContaining({ message: expect.stringMatching(/^is larger than 2 MB/) })] });
  });
});
