import "server-only";
import { asc, desc, eq } from "drizzle-orm";
import type { SQLiteColumn } from "drizzle-orm/sqlite-core";
import { db, type Executor } from "@/db";
import { cells, frameworkVersions, versionCompetencies, versionLevels, versionThemes, versionTracks } from "@/db/schema";
import { FRAMEWORK_FORMAT, type FrameworkDocument } from "@/lib/framework/format";
import { diffFrameworks } from "@/lib/framework/version-diff";
import { canViewFrameworkVersion } from "@/lib/policies/framework";
import type { Viewer } from "@/lib/domain/viewer";

/*
 * A version read whole, in the file format's shape (docs/framework-format.md):
 * the export, the version diff and the publish checks all start here. A draft
 * may hold cells not written yet; publishing checks the document first.
 */
export type VersionRow = { id: number; number: number; name: string; description: string; notes: string; status: "draft" | "published"; publishedAt: Date | null; createdAt: Date; revision: number; basedOnId: number | null };

const versionColumns = {
  id: frameworkVersions.id,
  number: frameworkVersions.number,
  name: frameworkVersions.name,
  description: frameworkVersions.description,
  notes: frameworkVersions.notes,
  status: frameworkVersions.status,
  publishedAt: frameworkVersions.publishedAt,
  createdAt: frameworkVersions.createdAt,
  revision: frameworkVersions.revision,
  basedOnId: frameworkVersions.basedOnId,
};

export function versionByNumber(ex: Executor, number: number): VersionRow | undefined {
  return ex.select(versionColumns).from(frameworkVersions).where(eq(frameworkVersions.number, number)).get();
}

/* The version everyone sees: the latest published. Numbers follow publishing order, since only one draft exists at a time. */
export function currentVersion(ex: Executor): VersionRow | undefined {
  return ex.select(versionColumns).from(frameworkVersions).where(eq(frameworkVersions.status, "published")).orderBy(desc(frameworkVersions.number)).limit(1).get();
}

export function readDocument(ex: Executor, version: Pick<VersionRow, "id" | "name" | "description">): FrameworkDocument {
  const where = (table: { versionId: SQLiteColumn }) => eq(table.versionId, version.id);
  const competencies = ex.select({ key: versionCompetencies.competencyKey, name: versionCompetencies.name, summary: versionCompetencies.summary }).from(versionCompetencies).where(where(versionCompetencies)).orderBy(asc(versionCompetencies.position)).all();
  const themes = ex.select({ key: versionThemes.themeKey, name: versionThemes.name, summary: versionThemes.summary }).from(versionThemes).where(where(versionThemes)).orderBy(asc(versionThemes.position)).all();
  const trackRows = ex.select().from(versionTracks).where(where(versionTracks)).orderBy(asc(versionTracks.position)).all();
  const levelRows = ex.select().from(versionLevels).where(where(versionLevels)).orderBy(asc(versionLevels.position)).all();
  const cellRows = ex.select().from(cells).where(where(cells)).all();
  const cellAt = new Map(cellRows.map((c) => [`${c.levelKey}.${c.competencyKey}.${c.themeKey}`, c]));
  return {
    format: FRAMEWORK_FORMAT,
    name: version.name,
    description: version.description,
    competencies,
    themes,
    tracks: trackRows.map((t) => ({
      key: t.trackKey,
      name: t.name,
      summary: t.summary,
      levels: levelRows
        .filter((l) => l.trackKey === t.trackKey)
        .map((l) => ({
          key: l.levelKey,
          code: l.code,
          name: l.name,
          summary: l.summary,
          equivalentLevelKey: l.equivalentLevelKey,
          cells: Object.fromEntries(
            competencies.map((c) => [
              c.key,
              Object.fromEntries(
                themes.map((th) => {
                  const cell = cellAt.get(`${l.levelKey}.${c.key}.${th.key}`);
                  return [th.key, { expectation: cell?.expectation ?? "", description: cell?.description ?? "", examples: cell?.examples ?? [] }];
                }),
              ),
            ]),
          ),
        })),
    })),
  };
}

/* A version in the portable file format, for the JSON export: published versions for everyone, drafts for admins. */
export function exportFramework(viewer: Viewer, versionNumber: number): FrameworkDocument | null {
  const version = versionByNumber(db(), versionNumber);
  if (!version || !canViewFrameworkVersion(viewer, version)) return null;
  return readDocument(db(), version);
}

/*
 * The cell-by-cell difference between two published versions, for the
 * shareable diff page. Null when either is missing or not published.
 */
export function getVersionDiff(viewer: Viewer, fromNumber: number, toNumber: number) {
  const [from, to] = [versionByNumber(db(), fromNumber), versionByNumber(db(), toNumber)];
  if (!from || !to || from.status !== "published" || to.status !== "published" || !canViewFrameworkVersion(viewer, from) || !canViewFrameworkVersion(viewer, to)) return null;
  return { from, to, diff: diffFrameworks(readDocument(db(), from), readDocument(db(), to)) };
}
