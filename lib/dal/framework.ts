import "server-only";
import { and, asc, desc, eq, max } from "drizzle-orm";
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
import { recordAudit } from "./audit";

export function latestPublishedVersionId(): number | null {
  const row = db()
    .select({ id: frameworkVersions.id })
    .from(frameworkVersions)
    .where(eq(frameworkVersions.status, "published"))
    .orderBy(desc(frameworkVersions.number))
    .limit(1)
    .get();
  return row?.id ?? null;
}

/*
 * Writes a framework document as a new version, registering any keys not seen
 * before. Runs inside the caller's transaction (seed, import, new draft).
 */
export function insertFrameworkVersion(
  tx: Executor,
  doc: FrameworkDocument,
  options: { status: "draft" | "published"; actorId: string | null; notes?: string },
): number {
  const nextNumber = (tx.select({ n: max(frameworkVersions.number) }).from(frameworkVersions).get()?.n ?? 0) + 1;
  const now = new Date();
  const version = tx
    .insert(frameworkVersions)
    .values({
      number: nextNumber,
      name: doc.name,
      description: doc.description,
      status: options.status,
      notes: options.notes ?? "",
      createdById: options.actorId,
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
  return versionId;
}

/* Levels of a version in track order then seniority order, for pickers and validation. */
export function listVersionLevels(versionId: number) {
  return db()
    .select({ key: versionLevels.levelKey, trackKey: versionLevels.trackKey, code: versionLevels.code, name: versionLevels.name, position: versionLevels.position })
    .from(versionLevels)
    .innerJoin(versionTracks, and(eq(versionTracks.versionId, versionLevels.versionId), eq(versionTracks.trackKey, versionLevels.trackKey)))
    .where(eq(versionLevels.versionId, versionId))
    .orderBy(asc(versionTracks.position), asc(versionLevels.position))
    .all();
}
