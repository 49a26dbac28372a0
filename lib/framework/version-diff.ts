import type { FrameworkDocument } from "./format";
import { diffArrays } from "diff";
import { wordDiff, type DiffPart } from "./word-diff";

/*
 * What changes from one framework version to another, by stable keys: the
 * shape (competencies, themes, tracks, levels added, removed, renamed or
 * moved) and, cell by cell, the words that change in each expectation,
 * description and example list. Pure, so the publish preview (draft against
 * the current version) and the shareable diff of two published versions show
 * the same thing.
 */
export type ChangeKind = "added" | "removed" | "changed";
export type StructureChange = { kind: ChangeKind | "moved"; what: "version" | "competency" | "theme" | "track" | "level"; key: string; label: string; detail: string };
export type CellField = "expectation" | "description" | "examples";
export type CellChange = { kind: ChangeKind; competencyKey: string; themeKey: string; competencyName: string; themeName: string; fields: { field: CellField; parts: DiffPart[] }[] };
export type LevelChanges = { levelKey: string; label: string; trackName: string; kind: ChangeKind; cells: CellChange[] };
export type FrameworkDiff = { structure: StructureChange[]; levels: LevelChanges[]; counts: { cellsChanged: number; cellsAdded: number; cellsRemoved: number } };

type Doc = Pick<FrameworkDocument, "name" | "description" | "competencies" | "themes" | "tracks">;
type Cell = { expectation: string; description: string; examples: string[] };
type Level = Doc["tracks"][number]["levels"][number];

const whole = (kind: "added" | "removed", text: string): DiffPart[] => (text ? [{ kind, text }] : []);

/* Examples are a list: each part is one whole example, kept, added or removed. */
function exampleDiff(before: string[], after: string[]): DiffPart[] {
  return diffArrays(before, after).flatMap((change) => change.value.map((text) => ({ kind: change.added ? ("added" as const) : change.removed ? ("removed" as const) : ("same" as const), text })));
}

function fieldDiffs(before: Cell | undefined, after: Cell | undefined): CellChange["fields"] {
  const fields: CellChange["fields"] = [];
  for (const field of ["expectation", "description"] as const) {
    const [a, b] = [before?.[field] ?? "", after?.[field] ?? ""];
    if (a !== b) fields.push({ field, parts: !before ? whole("added", b) : !after ? whole("removed", a) : wordDiff(a, b) });
  }
  const [a, b] = [before?.examples ?? [], after?.examples ?? []];
  if (a.join("\n") !== b.join("\n")) fields.push({ field: "examples", parts: exampleDiff(a, b) });
  return fields;
}

/* Added, removed, renamed (or re-described) and moved items of one list, by key. */
function listChanges(what: "competency" | "theme" | "track", before: { key: string; name: string; summary: string }[], after: { key: string; name: string; summary: string }[]): StructureChange[] {
  const changes: StructureChange[] = [];
  const old = new Map(before.map((x, i) => [x.key, { ...x, i }]));
  const kept = after.filter((x) => old.has(x.key)).map((x) => x.key);
  const keptBefore = before.filter((x) => after.some((y) => y.key === x.key)).map((x) => x.key);
  for (const x of after) {
    const was = old.get(x.key);
    if (!was) {
      changes.push({ kind: "added", what, key: x.key, label: x.name, detail: `New ${what}` });
      continue;
    }
    if (was.name !== x.name) changes.push({ kind: "changed", what, key: x.key, label: x.name, detail: `Renamed from “${was.name}”` });
    if (was.summary !== x.summary) changes.push({ kind: "changed", what, key: x.key, label: x.name, detail: "New summary" });
    if (kept.indexOf(x.key) !== keptBefore.indexOf(x.key)) changes.push({ kind: "moved", what, key: x.key, label: x.name, detail: `Now ${ordinal(kept.indexOf(x.key) + 1)} in order, was ${ordinal(keptBefore.indexOf(x.key) + 1)}` });
  }
  for (const x of before) if (!after.some((y) => y.key === x.key)) changes.push({ kind: "removed", what, key: x.key, label: x.name, detail: `Removed ${what}` });
  return changes;
}

function ordinal(n: number) {
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}

const levelLabelOf = (l: Level) => `${l.code} · ${l.name}`;

function levelChanges(before: Level | undefined, after: Level | undefined, beforeLevels: Map<string, Level>, afterLevels: Map<string, Level>): StructureChange[] {
  const l = (after ?? before)!;
  const base = { what: "level" as const, key: l.key, label: levelLabelOf(l) };
  if (!before) return [{ ...base, kind: "added", detail: "New level" }];
  if (!after) return [{ ...base, kind: "removed", detail: "Removed level" }];
  const changes: StructureChange[] = [];
  if (before.code !== after.code || before.name !== after.name) changes.push({ ...base, kind: "changed", detail: `Renamed from “${levelLabelOf(before)}”` });
  if (before.summary !== after.summary) changes.push({ ...base, kind: "changed", detail: "New summary" });
  if (before.equivalentLevelKey !== after.equivalentLevelKey) {
    const name = (key: string | null, levels: Map<string, Level>) => (key ? (levels.get(key) ? levelLabelOf(levels.get(key)!) : key) : "none");
    changes.push({ ...base, kind: "changed", detail: `Equivalent level: ${name(before.equivalentLevelKey, beforeLevels)} → ${name(after.equivalentLevelKey, afterLevels)}` });
  }
  return changes;
}

export function diffFrameworks(from: Doc, to: Doc): FrameworkDiff {
  const structure: StructureChange[] = [];
  if (from.name !== to.name) structure.push({ kind: "changed", what: "version", key: "name", label: to.name, detail: `Renamed from “${from.name}”` });
  if (from.description !== to.description) structure.push({ kind: "changed", what: "version", key: "description", label: to.name, detail: "New description" });
  structure.push(...listChanges("competency", from.competencies, to.competencies), ...listChanges("theme", from.themes, to.themes), ...listChanges("track", from.tracks, to.tracks));

  const levelsOf = (doc: Doc) => new Map(doc.tracks.flatMap((t) => t.levels.map((l) => [l.key, l] as const)));
  const trackOf = (doc: Doc) => new Map(doc.tracks.flatMap((t) => t.levels.map((l) => [l.key, t.name] as const)));
  const beforeLevels = levelsOf(from);
  const afterLevels = levelsOf(to);
  const keys = [...afterLevels.keys(), ...[...beforeLevels.keys()].filter((k) => !afterLevels.has(k))];
  for (const track of to.tracks) {
    const was = from.tracks.find((t) => t.key === track.key);
    if (!was) continue;
    const kept = track.levels.map((l) => l.key).filter((k) => was.levels.some((o) => o.key === k));
    const keptBefore = was.levels.map((l) => l.key).filter((k) => kept.includes(k));
    for (const [i, k] of kept.entries()) {
      if (keptBefore[i] !== k) structure.push({ kind: "moved", what: "level", key: k, label: levelLabelOf(afterLevels.get(k)!), detail: `Reordered on ${track.name}` });
    }
  }

  const names = (doc: Doc) => ({ c: new Map(doc.competencies.map((c) => [c.key, c.name])), t: new Map(doc.themes.map((t) => [t.key, t.name])) });
  const [a, b] = [names(from), names(to)];
  const competencyKeys = [...to.competencies.map((c) => c.key), ...from.competencies.map((c) => c.key).filter((k) => !b.c.has(k))];
  const themeKeys = [...to.themes.map((t) => t.key), ...from.themes.map((t) => t.key).filter((k) => !b.t.has(k))];
  const counts = { cellsChanged: 0, cellsAdded: 0, cellsRemoved: 0 };
  const levels: LevelChanges[] = [];
  for (const key of keys) {
    const before = beforeLevels.get(key);
    const after = afterLevels.get(key);
    structure.push(...levelChanges(before, after, beforeLevels, afterLevels));
    const cells: CellChange[] = [];
    for (const ck of competencyKeys) {
      for (const tk of themeKeys) {
        const x = before?.cells[ck]?.[tk];
        const y = after?.cells[ck]?.[tk];
        if (!x && !y) continue;
        const fields = fieldDiffs(x, y);
        // A cell that appears or goes counts even when it holds no text yet.
        if (fields.length === 0 && x && y) continue;
        const kind: ChangeKind = !x ? "added" : !y ? "removed" : "changed";
        counts[kind === "added" ? "cellsAdded" : kind === "removed" ? "cellsRemoved" : "cellsChanged"] += 1;
        cells.push({ kind, competencyKey: ck, themeKey: tk, competencyName: b.c.get(ck) ?? a.c.get(ck) ?? ck, themeName: b.t.get(tk) ?? a.t.get(tk) ?? tk, fields });
      }
    }
    if (cells.length) {
      const level = (after ?? before)!;
      levels.push({ levelKey: key, label: levelLabelOf(level), trackName: (after ? trackOf(to) : trackOf(from)).get(key) ?? "", kind: !before ? "added" : !after ? "removed" : "changed", cells });
    }
  }
  return { structure, levels, counts };
}

export const isUnchanged = (diff: FrameworkDiff) => diff.structure.length === 0 && diff.levels.length === 0;
