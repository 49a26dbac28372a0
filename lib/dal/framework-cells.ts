import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db";
import { cells, versionCompetencies, versionLevels, versionThemes, versionTracks } from "@/db/schema";
import { cellId, type LevelCellRef } from "@/lib/domain/cell-ref";
import { conflicted, type Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { recordAudit } from "./audit";
import { basedOnNumber, loadDraft } from "./framework-drafts";
import { currentVersion } from "./framework-document";

/*
 * A draft's cells, edited in place one at a time. Each cell autosaves on its
 * own against the revision its editor loaded, so two admins can write
 * different cells at once; a save that lost a race gets the saved text back.
 */
export type CellText = { expectation: string; description: string; examples: string[] };

/* One level of a draft, every cell with its revision, and the current version's text beside it. */
export function getDraftLevel(viewer: Viewer, number: number, levelKey: string) {
  const draft = loadDraft(db(), viewer, number);
  const level = db().select().from(versionLevels).where(and(eq(versionLevels.versionId, draft.id), eq(versionLevels.levelKey, levelKey))).get();
  if (!level) throw new NotFoundError("level");
  const track = db().select({ name: versionTracks.name }).from(versionTracks).where(and(eq(versionTracks.versionId, draft.id), eq(versionTracks.trackKey, level.trackKey))).get()!;
  const competencies = db().select({ key: versionCompetencies.competencyKey, name: versionCompetencies.name, summary: versionCompetencies.summary }).from(versionCompetencies).where(eq(versionCompetencies.versionId, draft.id)).orderBy(asc(versionCompetencies.position)).all();
  const themes = db().select({ key: versionThemes.themeKey, name: versionThemes.name, summary: versionThemes.summary }).from(versionThemes).where(eq(versionThemes.versionId, draft.id)).orderBy(asc(versionThemes.position)).all();
  const rows = db().select().from(cells).where(and(eq(cells.versionId, draft.id), eq(cells.levelKey, levelKey))).all();
  const current = currentVersion(db());
  const published = current ? db().select().from(cells).where(and(eq(cells.versionId, current.id), eq(cells.levelKey, levelKey))).all() : [];
  const siblings = db().select({ key: versionLevels.levelKey, code: versionLevels.code, name: versionLevels.name }).from(versionLevels).where(and(eq(versionLevels.versionId, draft.id), eq(versionLevels.trackKey, level.trackKey))).orderBy(asc(versionLevels.position)).all();
  return {
    draft,
    level: { key: level.levelKey, code: level.code, name: level.name, trackName: track.name },
    siblings,
    competencies,
    themes,
    basedOn: basedOnNumber(db(), draft),
    currentNumber: current?.number ?? null,
    cells: rows.map((c) => {
      const was = published.find((p) => p.competencyKey === c.competencyKey && p.themeKey === c.themeKey);
      return {
        id: cellId(c),
        competencyKey: c.competencyKey,
        themeKey: c.themeKey,
        revision: c.revision,
        text: { expectation: c.expectation, description: c.description, examples: c.examples },
        published: was ? { expectation: was.expectation, description: was.description, examples: was.examples } : null,
      };
    }),
  };
}

/* Autosave of one cell: applied only to the revision the editor loaded. Empty text may be saved; publishing needs every cell written. */
export function saveDraftCell(viewer: Viewer, number: number, ref: LevelCellRef, expectedRevision: number, text: CellText): Result<{ savedAt: Date }> & { version?: number } {
  return db().transaction(
    (tx) => {
      const draft = loadDraft(tx, viewer, number);
      const where = and(eq(cells.versionId, draft.id), eq(cells.levelKey, ref.levelKey), eq(cells.competencyKey, ref.competencyKey), eq(cells.themeKey, ref.themeKey));
      const cell = tx.select().from(cells).where(where).get();
      if (!cell) throw new NotFoundError("cell");
      if (cell.revision !== expectedRevision) {
        return conflicted<CellText>(cell.revision, { expectation: cell.expectation, description: cell.description, examples: cell.examples }, "Someone else saved this cell while you were editing. Your text is still here; compare it with the saved text below before saving again.");
      }
      const revision = cell.revision + 1;
      tx.update(cells).set({ ...text, revision }).where(where).run();
      recordAudit(tx, { actorId: viewer.id, action: "framework.cell-save", recordType: "framework-version", recordId: String(draft.id), summary: `Version ${draft.number}: saved ${ref.levelKey} ${cellId(ref)} (revision ${revision})` });
      return { ok: true as const, value: { savedAt: new Date() }, version: revision };
    },
    { behavior: "immediate" },
  );
}
