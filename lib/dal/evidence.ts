import "server-only";
import crypto from "node:crypto";
import { and, asc, desc, eq, exists, gte, inArray, isNotNull, isNull, lte, sql, type SQL } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { evidenceCells, evidenceEntries, reviewCitations, reviewCycles, reviews, stipendClaims } from "@/db/schema";
import { cellId, type CellRef } from "@/lib/domain/cell-ref";
import { conflicted, fieldError, refused, type Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { canReadEvidence, canWriteEvidence } from "@/lib/policies/evidence";
import { recordAudit } from "./audit";
import { currentCellIds } from "./framework";
import { citedByLockedPacket, uncitePacketDrafts } from "./packet-citations";
import { relationshipTo } from "./people";

/* The evidence log: a person's wins, each tagged to cells by stable keys. */
export type EvidenceInput = { title: string; occurredOn: string; description: string; links: string[]; cells: CellRef[] };
export type EvidenceFilters = { cell?: CellRef | null; from?: string | null; to?: string | null };

function assertCanRead(viewer: Viewer, personId: string) {
  if (!canReadEvidence(viewer, relationshipTo(viewer.id, personId))) throw new NotFoundError("evidence");
}

function cellsOf(ex: Executor, entryIds: string[]) {
  const byEntry = new Map<string, CellRef[]>();
  if (entryIds.length === 0) return byEntry;
  const rows = ex.select().from(evidenceCells).where(inArray(evidenceCells.entryId, entryIds)).all();
  for (const r of rows) byEntry.set(r.entryId, [...(byEntry.get(r.entryId) ?? []), { competencyKey: r.competencyKey, themeKey: r.themeKey }]);
  return byEntry;
}

const entryColumns = {
  id: evidenceEntries.id,
  personId: evidenceEntries.personId,
  title: evidenceEntries.title,
  occurredOn: evidenceEntries.occurredOn,
  description: evidenceEntries.description,
  links: evidenceEntries.links,
  removedAt: evidenceEntries.removedAt,
  version: evidenceEntries.version,
};

/* One person's log, newest first; entries removed from the log (kept for a submitted review) are left out. */
export function listEvidence(viewer: Viewer, personId: string, filters: EvidenceFilters = {}) {
  assertCanRead(viewer, personId);
  const where: SQL[] = [eq(evidenceEntries.personId, personId), isNull(evidenceEntries.removedAt)];
  if (filters.from) where.push(gte(evidenceEntries.occurredOn, filters.from));
  if (filters.to) where.push(lte(evidenceEntries.occurredOn, filters.to));
  if (filters.cell) {
    const c = filters.cell;
    where.push(
      exists(
        db()
          .select({ one: evidenceCells.entryId })
          .from(evidenceCells)
          .where(and(eq(evidenceCells.entryId, evidenceEntries.id), eq(evidenceCells.competencyKey, c.competencyKey), eq(evidenceCells.themeKey, c.themeKey))),
      ),
    );
  }
  const entries = db().select(entryColumns).from(evidenceEntries).where(and(...where)).orderBy(desc(evidenceEntries.occurredOn), desc(evidenceEntries.createdAt)).all();
  const cells = cellsOf(db(), entries.map((e) => e.id));
  return entries.map((e) => ({ ...e, cells: cells.get(e.id) ?? [] }));
}

/* Entries by id (removed ones too), for showing what a review cites. Call only for a review the viewer may read. */
export function entriesById(ex: Executor, ids: string[]) {
  if (ids.length === 0) return new Map<string, { id: string; title: string; occurredOn: string; removed: boolean }>();
  const rows = ex.select({ id: evidenceEntries.id, title: evidenceEntries.title, occurredOn: evidenceEntries.occurredOn, removedAt: evidenceEntries.removedAt }).from(evidenceEntries).where(inArray(evidenceEntries.id, ids)).all();
  return new Map(rows.map((r) => [r.id, { id: r.id, title: r.title, occurredOn: r.occurredOn, removed: r.removedAt !== null }]));
}

/* Reviews that cite an entry, with whether each is locked: submitted, or in a cycle that has closed. */
function citingReviews(ex: Executor, entryId: string) {
  return ex
    .selectDistinct({ id: reviews.id, selfVersion: reviews.selfVersion, locked: sql<number>`${reviews.selfStatus} = 'submitted' or ${reviewCycles.status} = 'closed'` })
    .from(reviewCitations)
    .innerJoin(reviews, eq(reviews.id, reviewCitations.reviewId))
    .innerJoin(reviewCycles, eq(reviewCycles.id, reviews.cycleId))
    .where(eq(reviewCitations.entryId, entryId))
    .all()
    .map((r) => ({ ...r, locked: Boolean(r.locked) }));
}

/* A locked review, or a packet past its draft, reads as it was written, so what it cites can no longer change. */
function citedByLockedRecord(ex: Executor, entryId: string): boolean {
  return citingReviews(ex, entryId).some((r) => r.locked) || citedByLockedPacket(ex, entryId);
}

export function getEvidenceEntry(viewer: Viewer, entryId: string) {
  const entry = db().select(entryColumns).from(evidenceEntries).where(eq(evidenceEntries.id, entryId)).get();
  if (!entry) throw new NotFoundError("evidence");
  const relationship = relationshipTo(viewer.id, entry.personId);
  if (!canReadEvidence(viewer, relationship)) throw new NotFoundError("evidence");
  return {
    ...entry,
    cells: cellsOf(db(), [entry.id]).get(entry.id) ?? [],
    citedBySubmitted: citedByLockedRecord(db(), entry.id),
    canEdit: canWriteEvidence(viewer, relationship) && entry.removedAt === null,
  };
}

function checkCells(ex: Executor, cells: CellRef[]): string | null {
  if (cells.length === 0) return "Tag at least one cell this demonstrates";
  const known = currentCellIds(ex);
  return cells.every((c) => known.has(cellId(c))) ? null : "Choose cells from the framework";
}

function writeCells(ex: Executor, entryId: string, cells: CellRef[]) {
  ex.delete(evidenceCells).where(eq(evidenceCells.entryId, entryId)).run();
  const unique = new Map(cells.map((c) => [cellId(c), c]));
  for (const c of unique.values()) ex.insert(evidenceCells).values({ entryId, ...c }).run();
}

/* People write only their own log. */
export function createEvidence(viewer: Viewer, input: EvidenceInput): Result<string> {
  if (!canWriteEvidence(viewer, "self")) throw new NotFoundError("evidence");
  const id = crypto.randomUUID();
  return db().transaction(
    (tx): Result<string> => {
      const problem = checkCells(tx, input.cells);
      if (problem) return fieldError("cells", problem);
      tx.insert(evidenceEntries).values({ id, personId: viewer.id, title: input.title, occurredOn: input.occurredOn, description: input.description, links: input.links }).run();
      writeCells(tx, id, input.cells);
      recordAudit(tx, { actorId: viewer.id, action: "evidence.create", recordType: "evidence", recordId: id, summary: `Logged "${input.title}" (${input.occurredOn})` });
      return { ok: true, value: id };
    },
    { behavior: "immediate" },
  );
}

function loadOwn(tx: Executor, viewer: Viewer, entryId: string) {
  const entry = tx.select(entryColumns).from(evidenceEntries).where(eq(evidenceEntries.id, entryId)).get();
  if (!entry || !canWriteEvidence(viewer, relationshipTo(viewer.id, entry.personId)) || entry.removedAt) throw new NotFoundError("evidence");
  return entry;
}

export function updateEvidence(viewer: Viewer, entryId: string, expectedVersion: number, input: EvidenceInput): Result<void> {
  return db().transaction(
    (tx): Result<void> => {
      const entry = loadOwn(tx, viewer, entryId);
      if (citedByLockedRecord(tx, entryId)) return refused("A submitted self-assessment or promotion packet cites this entry, so it stays as it was written. Log a new entry for what changed.");
      if (entry.version !== expectedVersion) return conflicted(entry.version, { title: entry.title }, "This entry was changed somewhere else while you were editing. Your text is still in the form; reload to see theirs.");
      const problem = checkCells(tx, input.cells);
      if (problem) return fieldError("cells", problem);
      tx.update(evidenceEntries)
        .set({ title: input.title, occurredOn: input.occurredOn, description: input.description, links: input.links, version: entry.version + 1, updatedAt: new Date() })
        .where(eq(evidenceEntries.id, entryId))
        .run();
      writeCells(tx, entryId, input.cells);
      recordAudit(tx, { actorId: viewer.id, action: "evidence.update", recordType: "evidence", recordId: entryId, summary: entry.title === input.title ? `Edited "${input.title}"` : `Edited "${entry.title}", now "${input.title}"` });
      return { ok: true, value: undefined };
    },
    { behavior: "immediate" },
  );
}

/*
 * An entry a locked review cites (submitted, or in a closed cycle) stays,
 * marked removed from the log, so the review still reads as written. Open
 * drafts that cite it stop citing it: each gets a new version and an audit row,
 * so a tab still holding the old draft is told of the change.
 */
export function deleteEvidence(viewer: Viewer, entryId: string): Result<"deleted" | "removed"> {
  return db().transaction(
    (tx): Result<"deleted" | "removed"> => {
      const entry = loadOwn(tx, viewer, entryId);
      const citing = citingReviews(tx, entryId);
      const keep = citing.some((r) => r.locked) || citedByLockedPacket(tx, entryId);
      for (const draft of citing.filter((r) => !r.locked)) {
        tx.delete(reviewCitations).where(and(eq(reviewCitations.reviewId, draft.id), eq(reviewCitations.entryId, entryId))).run();
        tx.update(reviews).set({ selfVersion: draft.selfVersion + 1 }).where(eq(reviews.id, draft.id)).run();
        recordAudit(tx, { actorId: viewer.id, action: "review.self-uncite", recordType: "review", recordId: draft.id, summary: `Stopped citing "${entry.title}": it left the evidence log` });
      }
      uncitePacketDrafts(tx, entryId, entry.title, viewer.id);
      if (keep) tx.update(evidenceEntries).set({ removedAt: new Date(), version: entry.version + 1, updatedAt: new Date() }).where(eq(evidenceEntries.id, entryId)).run();
      else tx.delete(evidenceEntries).where(eq(evidenceEntries.id, entryId)).run();
      recordAudit(tx, { actorId: viewer.id, action: keep ? "evidence.remove" : "evidence.delete", recordType: "evidence", recordId: entryId, summary: keep ? `Removed "${entry.title}" from the log (kept: a submitted self-assessment or packet cites it)` : `Deleted "${entry.title}"` });
      return { ok: true, value: keep ? "removed" : "deleted" };
    },
    { behavior: "immediate" },
  );
}

/* The learning behind each cell: the person's stipend claims tagged to a cell (withdrawn and rejected ones left out), read-only. */
export function listLearningByCell(viewer: Viewer, personId: string) {
  assertCanRead(viewer, personId);
  return db()
    .select({ id: stipendClaims.id, item: stipendClaims.item, purchaseDate: stipendClaims.purchaseDate, status: stipendClaims.status, competencyKey: stipendClaims.competencyKey, themeKey: stipendClaims.themeKey })
    .from(stipendClaims)
    .where(and(eq(stipendClaims.personId, personId), isNotNull(stipendClaims.competencyKey), inArray(stipendClaims.status, ["pending", "approved", "reimbursed"])))
    .orderBy(asc(stipendClaims.purchaseDate))
    .all()
    .map((c) => ({ ...c, cell: cellId({ competencyKey: c.competencyKey!, themeKey: c.themeKey! }) }));
}
