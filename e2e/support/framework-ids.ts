import { and, asc, desc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { cells, frameworkVersions, versionCompetencies, versionLevels, versionThemes, versionTracks } from "@/db/schema";
import { cellId } from "@/lib/domain/cell-ref";
import { levelLabel } from "@/lib/domain/level-label";

/* "IC3 · Senior Engineer": a level as the pages name it, in one version. */
export function levelLabelIn(db: Db, versionId: number, levelKey: string): string {
  return levelLabel(db.select({ code: versionLevels.code, name: versionLevels.name }).from(versionLevels).where(and(eq(versionLevels.versionId, versionId), eq(versionLevels.levelKey, levelKey))).get());
}

/*
 * The demo's framework versions for the access-control table: the draft in
 * progress (Morgan's), a track, level, competency, theme and cell of it and
 * the revisions its editor pages load; and the two newest published versions.
 */
export function draftIds(db: Db): Record<string, string> {
  const draft = db.select().from(frameworkVersions).where(eq(frameworkVersions.status, "draft")).get()!;
  const [published, previous] = db.select({ number: frameworkVersions.number }).from(frameworkVersions).where(eq(frameworkVersions.status, "published")).orderBy(desc(frameworkVersions.number)).limit(2).all();
  const first = <T>(rows: T[]) => rows[0]!;
  const track = first(db.select().from(versionTracks).where(eq(versionTracks.versionId, draft.id)).orderBy(asc(versionTracks.position)).all());
  const level = first(db.select().from(versionLevels).where(and(eq(versionLevels.versionId, draft.id), eq(versionLevels.trackKey, track.trackKey))).orderBy(asc(versionLevels.position)).all());
  const cell = db.select().from(cells).where(and(eq(cells.versionId, draft.id), eq(cells.levelKey, level.levelKey))).get()!;
  return {
    draftNumber: String(draft.number),
    draftRevision: String(draft.revision),
    draftName: draft.name,
    publishedNumber: String(published!.number),
    previousNumber: String(previous!.number),
    draftTrackKey: track.trackKey,
    draftLevelKey: level.levelKey,
    draftLevelLabel: levelLabel(level),
    draftCompetencyKey: first(db.select().from(versionCompetencies).where(eq(versionCompetencies.versionId, draft.id)).orderBy(asc(versionCompetencies.position)).all()).competencyKey,
    draftThemeKey: first(db.select().from(versionThemes).where(eq(versionThemes.versionId, draft.id)).orderBy(asc(versionThemes.position)).all()).themeKey,
    draftCell: cellId(cell),
    draftCellRevision: String(cell.revision),
  };
}
