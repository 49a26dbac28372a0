import { z } from "zod";

/*
 * The framework's portable shape: the default framework ships in it
 * (db/seed/framework.json), every version exports to it, and the admin import
 * reads it back. Documented in docs/framework-format.md. The matrix is data:
 * any number of competencies (rows) and themes (columns) within SHAPE_LIMITS.
 */
export const FRAMEWORK_FORMAT = "trellis-framework/v1";

export const SHAPE_LIMITS = { competencies: 20, themes: 20, tracks: 10, levelsPerTrack: 30 } as const;
/* The most cells one level can have: what a review or packet may send in one save. */
export const MAX_CELLS = SHAPE_LIMITS.competencies * SHAPE_LIMITS.themes;
export const TEXT_LIMITS = { name: 120, description: 2000, itemName: 60, summary: 500, code: 12, levelName: 80, levelSummary: 1000, expectation: 200, cellDescription: 2000, example: 500, examples: 5 } as const;

export const KEY_PATTERN = /^[a-z][a-z0-9-]{0,39}$/;
const key = z.string().regex(KEY_PATTERN, "must be lower-case letters, digits and dashes, start with a letter and be at most 40 characters");
const text = (max: number) => z.string().trim().min(1).max(max);
const optionalText = (max: number) => z.string().trim().max(max).default("");

export const cellSchema = z.strictObject({
  expectation: text(TEXT_LIMITS.expectation),
  description: text(TEXT_LIMITS.cellDescription),
  examples: z.array(text(TEXT_LIMITS.example)).min(1).max(TEXT_LIMITS.examples),
});

const item = z.strictObject({ key, name: text(TEXT_LIMITS.itemName), summary: optionalText(TEXT_LIMITS.summary) });

const levelSchema = z.strictObject({
  key,
  code: text(TEXT_LIMITS.code),
  name: text(TEXT_LIMITS.levelName),
  summary: optionalText(TEXT_LIMITS.levelSummary),
  equivalentLevelKey: key.nullable().default(null),
  cells: z.record(z.string(), z.record(z.string(), cellSchema)),
});

/* Every field and size; how the parts refer to each other is checked by crossCheck. */
export const frameworkFields = z.strictObject({
  format: z.literal(FRAMEWORK_FORMAT),
  name: text(TEXT_LIMITS.name),
  description: optionalText(TEXT_LIMITS.description),
  competencies: z.array(item).min(1).max(SHAPE_LIMITS.competencies),
  themes: z.array(item).min(1).max(SHAPE_LIMITS.themes),
  tracks: z
    .array(
      z.strictObject({
        key,
        name: text(TEXT_LIMITS.itemName),
        summary: optionalText(TEXT_LIMITS.summary),
        levels: z.array(levelSchema).min(1).max(SHAPE_LIMITS.levelsPerTrack),
      }),
    )
    .min(1)
    .max(SHAPE_LIMITS.tracks),
});

export type CrossIssue = { path: (string | number)[]; message: string };

const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const field = (value: unknown, name: string): unknown => (value && typeof value === "object" && !Array.isArray(value) ? (value as Record<string, unknown>)[name] : undefined);
const str = (value: unknown) => (typeof value === "string" ? value : undefined);

/*
 * How the parts refer to each other: unique keys, a cell for every
 * competency and theme on every level and no others, equivalences that name
 * a level on another track and name it back. Tolerant of any input, so the
 * import lists these problems together with the field problems.
 */
export function crossCheck(doc: unknown): CrossIssue[] {
  const issues: CrossIssue[] = [];
  const add = (path: (string | number)[], message: string) => issues.push({ path, message });
  const keysOf = (name: "competencies" | "themes") => list(field(doc, name)).map((entry) => ({ key: str(field(entry, "key")), name: str(field(entry, "name")) ?? str(field(entry, "key")) ?? "" }));
  const competencies = keysOf("competencies");
  const themes = keysOf("themes");
  const duplicates = (keys: (string | undefined)[], path: (string | number)[], what: string) => {
    const seen = new Set<string>();
    keys.forEach((k, i) => {
      if (k === undefined) return;
      if (seen.has(k)) add([...path, i, "key"], `uses the key "${k}", which an earlier ${what} already has; each ${what} needs its own key`);
      seen.add(k);
    });
  };
  duplicates(competencies.map((c) => c.key), ["competencies"], "competency");
  duplicates(themes.map((t) => t.key), ["themes"], "theme");
  const tracks = list(field(doc, "tracks"));
  duplicates(tracks.map((t) => str(field(t, "key"))), ["tracks"], "track");

  const levels = tracks.flatMap((track, ti) => list(field(track, "levels")).map((level, li) => ({ level, ti, li, trackKey: str(field(track, "key")), key: str(field(level, "key")) })));
  const byKey = new Map<string, (typeof levels)[number]>();
  for (const entry of levels) {
    const at = ["tracks", entry.ti, "levels", entry.li];
    if (entry.key !== undefined && byKey.has(entry.key)) add([...at, "key"], `uses the key "${entry.key}", which an earlier level already has; each level needs its own key`);
    if (entry.key !== undefined && !byKey.has(entry.key)) byKey.set(entry.key, entry);
  }
  for (const entry of levels) {
    const at = ["tracks", entry.ti, "levels", entry.li];
    const cells = field(entry.level, "cells");
    if (cells && typeof cells === "object" && !Array.isArray(cells)) {
      const row = cells as Record<string, unknown>;
      for (const c of competencies) {
        if (c.key === undefined) continue;
        for (const t of themes) {
          if (t.key !== undefined && field(row[c.key], t.key) === undefined) add([...at, "cells", c.key, t.key], `has no cell for ${c.name} / ${t.name}`);
        }
      }
      for (const [ck, themeCells] of Object.entries(row)) {
        if (!competencies.some((c) => c.key === ck)) {
          add([...at, "cells", ck], `has cells for "${ck}", which is not one of the competencies`);
          continue;
        }
        if (themeCells && typeof themeCells === "object" && !Array.isArray(themeCells)) {
          for (const tk of Object.keys(themeCells)) if (!themes.some((t) => t.key === tk)) add([...at, "cells", ck, tk], `has a cell for "${tk}", which is not one of the themes`);
        }
      }
    }
    const equivalent = str(field(entry.level, "equivalentLevelKey"));
    if (equivalent !== undefined) {
      const other = byKey.get(equivalent);
      if (!other) add([...at, "equivalentLevelKey"], `names "${equivalent}" as its equivalent, but no level has that key`);
      else if (other.trackKey === entry.trackKey) add([...at, "equivalentLevelKey"], `names "${equivalent}" as its equivalent, which is on the same track; an equivalent is on another track`);
      else if (str(field(other.level, "equivalentLevelKey")) !== entry.key) add([...at, "equivalentLevelKey"], `names "${equivalent}" as its equivalent, but "${equivalent}" does not name it back; set equivalentLevelKey on both levels`);
    }
  }
  return issues;
}

export const frameworkSchema = frameworkFields.superRefine((fw, ctx) => {
  for (const issue of crossCheck(fw)) ctx.addIssue({ code: "custom", path: issue.path, message: issue.message });
});

export type FrameworkDocument = z.infer<typeof frameworkSchema>;
export type FrameworkCell = z.infer<typeof cellSchema>;

/* For files that ship with Trellis: a broken one is a programming error. Imports use readFrameworkFile. */
export function parseFramework(input: unknown): FrameworkDocument {
  const result = frameworkSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.slice(0, 20).map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid framework document:\n${problems.join("\n")}`);
  }
  return result.data;
}
