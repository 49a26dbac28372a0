import { z } from "zod";

/*
 * The framework's portable shape: the default framework ships in it
 * (db/seed/framework.json), a published version exports to it, and the admin
 * import reads it back. Documented in docs/framework-format.md.
 */
export const FRAMEWORK_FORMAT = "trellis-framework/v1";

const key = z
  .string()
  .regex(/^[a-z][a-z0-9-]{0,39}$/, "Keys are lower-case letters, digits and dashes, starting with a letter");
const text = (max: number) => z.string().trim().min(1, "Required").max(max);

const cellSchema = z.object({
  expectation: text(200),
  description: text(2000),
  examples: z.array(text(500)).min(1, "At least one example behaviour").max(5),
});

export const frameworkSchema = z
  .object({
    format: z.literal(FRAMEWORK_FORMAT),
    name: text(120),
    description: z.string().trim().max(2000).default(""),
    competencies: z.array(z.object({ key, name: text(60), summary: z.string().trim().max(500).default("") })).min(1),
    themes: z.array(z.object({ key, name: text(60), summary: z.string().trim().max(500).default("") })).min(1),
    tracks: z
      .array(
        z.object({
          key,
          name: text(60),
          summary: z.string().trim().max(500).default(""),
          levels: z
            .array(
              z.object({
                key,
                code: text(12),
                name: text(80),
                summary: z.string().trim().max(1000).default(""),
                equivalentLevelKey: key.nullable().default(null),
                cells: z.record(z.string(), z.record(z.string(), cellSchema)),
              }),
            )
            .min(1),
        }),
      )
      .min(1),
  })
  .superRefine((fw, ctx) => {
    const dupes = (keys: string[], path: (string | number)[], what: string) => {
      const seen = new Set<string>();
      keys.forEach((k, i) => {
        if (seen.has(k)) ctx.addIssue({ code: "custom", path: [...path, i, "key"], message: `Duplicate ${what} key "${k}"` });
        seen.add(k);
      });
    };
    dupes(
      fw.competencies.map((c) => c.key),
      ["competencies"],
      "competency",
    );
    dupes(
      fw.themes.map((t) => t.key),
      ["themes"],
      "theme",
    );
    dupes(
      fw.tracks.map((t) => t.key),
      ["tracks"],
      "track",
    );
    const allLevels = fw.tracks.flatMap((t) => t.levels.map((l) => ({ ...l, trackKey: t.key })));
    const levelByKey = new Map(allLevels.map((l) => [l.key, l]));
    const seenLevels = new Set<string>();
    fw.tracks.forEach((track, ti) =>
      track.levels.forEach((level, li) => {
        const at = ["tracks", ti, "levels", li];
        if (seenLevels.has(level.key)) ctx.addIssue({ code: "custom", path: [...at, "key"], message: `Duplicate level key "${level.key}"` });
        seenLevels.add(level.key);
        for (const c of fw.competencies) {
          for (const t of fw.themes) {
            if (!level.cells[c.key]?.[t.key]) {
              ctx.addIssue({ code: "custom", path: [...at, "cells", c.key, t.key], message: `${level.name} has no ${c.name} / ${t.name} cell` });
            }
          }
        }
        for (const ck of Object.keys(level.cells)) {
          if (!fw.competencies.some((c) => c.key === ck)) ctx.addIssue({ code: "custom", path: [...at, "cells", ck], message: `Unknown competency "${ck}"` });
          for (const tk of Object.keys(level.cells[ck] ?? {})) {
            if (!fw.themes.some((t) => t.key === tk)) ctx.addIssue({ code: "custom", path: [...at, "cells", ck, tk], message: `Unknown theme "${tk}"` });
          }
        }
        if (level.equivalentLevelKey) {
          const other = levelByKey.get(level.equivalentLevelKey);
          if (!other) {
            ctx.addIssue({ code: "custom", path: [...at, "equivalentLevelKey"], message: `Unknown level "${level.equivalentLevelKey}"` });
          } else if (other.trackKey === track.key) {
            ctx.addIssue({ code: "custom", path: [...at, "equivalentLevelKey"], message: "An equivalent level must be on another track" });
          }
        }
      }),
    );
  });

export type FrameworkDocument = z.infer<typeof frameworkSchema>;
export type FrameworkCell = z.infer<typeof cellSchema>;

export function parseFramework(input: unknown): FrameworkDocument {
  const result = frameworkSchema.safeParse(input);
  if (!result.success) {
    const problems = result.error.issues.slice(0, 20).map((i) => `${i.path.join(".")}: ${i.message}`);
    throw new Error(`Invalid framework document:\n${problems.join("\n")}`);
  }
  return result.data;
}
