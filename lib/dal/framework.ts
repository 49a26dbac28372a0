import "server-only";
import { and, asc, desc, eq, inArray, max, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import {
  cells,
  competencies,
  frameworkVersions,
  levels,
  themes,
  tracks,
  versionCompetencies,
  versionLevels,
  versionThemes,
  versionTracks,
} from "@/db/schema";
import type { FrameworkDocument } from "@/lib/framework/format";
import { canViewFrameworkVersion } from "@/lib/policies/framework";
import { cellId, levelCellId } from "@/lib/domain/cell-ref";
import { recordAudit } from "./audit";
import { prepared, publishedVersionData } from "./prepared";
import type { Viewer } from "@/lib/domain/viewer";

const versionColumns = {
  id: frameworkVersions.id,
  number: frameworkVersions.number,
  name: frameworkVersions.name,
  description: frameworkVersions.description,
  status: frameworkVersions.status,
  publishedAt: frameworkVersions.publishedAt,
};

const latestPublished = () =>
  prepared("framework.latest-published", (d) => d.select(versionColumns).from(frameworkVersions).where(eq(frameworkVersions.status, "published")).orderBy(desc(frameworkVersions.number)).limit(1).prepare());
const versionByNumber = () =>
  prepared("framework.version-by-number", (d) => d.select(versionColumns).from(frameworkVersions).where(eq(frameworkVersions.number, sql.placeholder("number"))).limit(1).prepare());

export function latestPublishedVersionId(): number | null {
  return latestPublished().get()?.id ?? null;
}

/* The cells (`competency.theme`) of the version everyone uses now: what evidence and stipend claims may be tagged to. */
export function currentCellIds(ex: Executor = db()): Set<string> {
  const latest = ex.select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.status, "published")).orderBy(desc(frameworkVersions.number)).limit(1).get();
  if (!latest) return new Set();
  const competencyKeys = ex.select({ key: versionCompetencies.competencyKey }).from(versionCompetencies).where(eq(versionCompetencies.versionId, latest.id)).all();
  const themeKeys = ex.select({ key: versionThemes.themeKey }).from(versionThemes).where(eq(versionThemes.versionId, latest.id)).all();
  return new Set(competencyKeys.flatMap((c) => themeKeys.map((t) => cellId({ competencyKey: c.key, themeKey: t.key }))));
}

/* The levels of the version everyone uses now, with their tracks: what people can be placed at. */
export function currentLevels(ex: Executor = db()): { key: string; trackKey: string }[] {
  const latest = ex.select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.status, "published")).orderBy(desc(frameworkVersions.number)).limit(1).get();
  if (!latest) return [];
  return ex.select({ key: versionLevels.levelKey, trackKey: versionLevels.trackKey }).from(versionLevels).where(eq(versionLevels.versionId, latest.id)).all();
}

/* Levels as the newest published version that has them words them: for history that points at a level a later version left out. */
export function lastKnownLevelNames(levelKeys: string[]): Map<string, { code: string; name: string }> {
  if (levelKeys.length === 0) return new Map();
  const rows = db()
    .select({ key: versionLevels.levelKey, code: versionLevels.code, name: versionLevels.name })
    .from(versionLevels)
    .innerJoin(frameworkVersions, eq(frameworkVersions.id, versionLevels.versionId))
    .where(and(inArray(versionLevels.levelKey, levelKeys), eq(frameworkVersions.status, "published")))
    .orderBy(desc(frameworkVersions.number))
    .all();
  const names = new Map<string, { code: string; name: string }>();
  for (const r of rows) if (!names.has(r.key)) names.set(r.key, { code: r.code, name: r.name });
  return names;
}

/*
 * Writes a framework document as a new version, registering any keys not seen
 * before. Runs inside the caller's transaction (seed, import, new draft).
 */
export function insertFrameworkVersion(
  tx: Executor,
  doc: FrameworkDocument,
  options: { status: "draft" | "published"; actorId: string | null; notes?: string; basedOnId?: number | null; at?: Date },
): { id: number; number: number } {
  const nextNumber = (tx.select({ n: max(frameworkVersions.number) }).from(frameworkVersions).get()?.n ?? 0) + 1;
  const now = options.at ?? new Date();
  const version = tx
    .insert(frameworkVersions)
    .values({
      number: nextNumber,
      name: doc.name,
      description: doc.description,
      status: options.status,
      notes: options.notes ?? "",
      createdById: options.actorId,
      createdAt: now,
      basedOnId: options.basedOnId ?? null,
      publishedAt: options.status === "published" ? now : null,
      publishedById: options.status === "published" ? options.actorId : null,
    })
    .returning({ id: frameworkVersions.id })
    .get();
  const versionId = version.id;

  doc.competencies.forEach((c, position) => {
    tx.insert(competencies).values({ key: c.key }).onConflictDoNothing().run();
    tx.insert(versionCompetencies).values({ versionId, competencyKey: c.key, name: c.name, summary: c.summary, position }).run();
  });
  doc.themes.forEach((t, position) => {
    tx.insert(themes).values({ key: t.key }).onConflictDoNothing().run();
    tx.insert(versionThemes).values({ versionId, themeKey: t.key, name: t.name, summary: t.summary, position }).run();
  });
  doc.tracks.forEach((track, trackPosition) => {
    tx.insert(tracks).values({ key: track.key }).onConflictDoNothing().run();
    tx.insert(versionTracks).values({ versionId, trackKey: track.key, name: track.name, summary: track.summary, position: trackPosition }).run();
    for (const level of track.levels) {
      const existing = tx.select({ trackKey: levels.trackKey }).from(levels).where(eq(levels.key, level.key)).get();
      if (existing && existing.trackKey !== track.key) {
        throw new Error(`Level "${level.key}" belongs to track "${existing.trackKey}" and cannot move to "${track.key}"`);
      }
      if (!existing) tx.insert(levels).values({ key: level.key, trackKey: track.key }).run();
    }
  });
  // Equivalences may point forward to a level on a later track, so insert levels once all keys exist.
  for (const track of doc.tracks) {
    track.levels.forEach((level, position) => {
      tx.insert(versionLevels)
        .values({
          versionId,
          levelKey: level.key,
          trackKey: track.key,
          code: level.code,
          name: level.name,
          summary: level.summary,
          position,
          equivalentLevelKey: level.equivalentLevelKey,
        })
        .run();
      for (const c of doc.competencies) {
        for (const t of doc.themes) {
          const cell = level.cells[c.key]![t.key]!;
          tx.insert(cells)
            .values({ versionId, levelKey: level.key, competencyKey: c.key, themeKey: t.key, expectation: cell.expectation, description: cell.description, examples: cell.examples })
            .run();
        }
      }
    });
  }
  recordAudit(tx, {
    actorId: options.actorId,
    action: options.status === "published" ? "framework.publish" : "framework.draft",
    recordType: "framework-version",
    recordId: String(versionId),
    summary: `Version ${nextNumber} (${doc.name}) created as ${options.status}`,
  });
  return { id: versionId, number: nextNumber };
}

export type VersionSummary = { id: number; number: number; name: string; status: "draft" | "published"; publishedAt: Date | null };

export function listVisibleVersions(viewer: Viewer): VersionSummary[] {
  return prepared("framework.versions", (d) =>
    d.select({ id: frameworkVersions.id, number: frameworkVersions.number, name: frameworkVersions.name, status: frameworkVersions.status, publishedAt: frameworkVersions.publishedAt }).from(frameworkVersions).orderBy(desc(frameworkVersions.number)).prepare(),
  )
    .all()
    .filter((v) => canViewFrameworkVersion(viewer, v));
}

/*
 * The shape of one framework version: tracks with their levels in order,
 * competencies and themes. Without a number, the latest published version.
 * Null when it does not exist or the viewer may not see it.
 */
export function getFrameworkStructure(viewer: Viewer, versionNumber?: number) {
  const version = versionNumber === undefined ? latestPublished().get() : versionByNumber().get({ number: versionNumber });
  if (!version || !canViewFrameworkVersion(viewer, version)) return null;
  // A published version never changes, so its shape is read once; a draft is read every time.
  const shape = version.status === "published" ? publishedVersionData(version.id, "structure", () => readStructure(version.id)) : readStructure(version.id);
  return { version, ...shape };
}

function readStructure(versionId: number) {
  const trackRows = db().select().from(versionTracks).where(eq(versionTracks.versionId, versionId)).orderBy(asc(versionTracks.position)).all();
  const levelRows = db().select().from(versionLevels).where(eq(versionLevels.versionId, versionId)).orderBy(asc(versionLevels.position)).all();
  const competencyRows = db().select().from(versionCompetencies).where(eq(versionCompetencies.versionId, versionId)).orderBy(asc(versionCompetencies.position)).all();
  const themeRows = db().select().from(versionThemes).where(eq(versionThemes.versionId, versionId)).orderBy(asc(versionThemes.position)).all();

  const tracksWithLevels = trackRows.map((t) => ({
    key: t.trackKey,
    name: t.name,
    summary: t.summary,
    levels: levelRows
      .filter((l) => l.trackKey === t.trackKey)
      .map((l) => ({ key: l.levelKey, trackKey: l.trackKey, code: l.code, name: l.name, summary: l.summary, position: l.position, equivalentLevelKey: l.equivalentLevelKey })),
  }));
  return {
    tracks: tracksWithLevels,
    levels: tracksWithLevels.flatMap((t) => t.levels),
    competencies: competencyRows.map((c) => ({ key: c.competencyKey, name: c.name, summary: c.summary })),
    themes: themeRows.map((t) => ({ key: t.themeKey, name: t.name, summary: t.summary })),
  };
}

export type FrameworkStructure = NonNullable<ReturnType<typeof getFrameworkStructure>>;
export type FrameworkLevel = FrameworkStructure["levels"][number];

/* Every cell of the given levels, keyed by levelCellId (`level.competency.theme`). Call only with a structure the viewer may see. */
export function getCells(structure: FrameworkStructure, levelKeys: string[]) {
  const { id, status } = structure.version;
  const rows = status === "published" ? publishedVersionData(id, "cells", () => readCells(id)) : readCells(id);
  return new Map(rows.filter((r) => levelKeys.includes(r.levelKey)).map((r) => [levelCellId(r), r]));
}

function readCells(versionId: number) {
  return db()
    .select({ levelKey: cells.levelKey, competencyKey: cells.competencyKey, themeKey: cells.themeKey, expectation: cells.expectation, description: cells.description, examples: cells.examples })
    .from(cells)
    .where(eq(cells.versionId, versionId))
    .all();
}
