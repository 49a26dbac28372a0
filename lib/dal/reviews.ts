import "server-only";
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { cells, evidenceEntries, frameworkVersions, people, reviewCells, reviewCitations, reviewCycles, reviews, versionCompetencies, versionLevels, versionThemes } from "@/db/schema";
import type { ActionItem } from "@/lib/domain/action-item";
import { cellAnchor, cellId, parseCellId } from "@/lib/domain/cell-ref";
import type { Rating } from "@/lib/domain/enums";
import { levelLabel } from "@/lib/domain/level-label";
import { dueState, todayIn } from "@/lib/domain/org-time";
import { fieldError, refused, type Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { canReadReview, canReadSelfPart, canWriteSelf } from "@/lib/policies/reviews";
import { checkVersion, missingRatings, nextSelfStatus } from "@/lib/reviews/self-assessment";
import { recordAudit } from "./audit";
import { entriesById } from "./evidence";
import { orgTimeZone } from "./org-settings";
import { relationshipTo } from "./people";
import { notifyReviewStep } from "./review-notifications";

/*
 * Reviews: one per person per cycle, a self part (here) and a manager part
 * (the manager's issue). Access is worked out from the org as it stands now,
 * so a manager change mid-cycle moves the review to the new manager.
 */
export type SelfCell = { cell: string; rating: Rating | null; evidence: string; citations: string[] };

function loadReview(ex: Executor, reviewId: string) {
  return ex
    .select({
      id: reviews.id,
      personId: reviews.personId,
      cycleId: reviews.cycleId,
      frameworkVersionId: reviews.frameworkVersionId,
      levelKey: reviews.levelKey,
      selfStatus: reviews.selfStatus,
      selfVersion: reviews.selfVersion,
      selfSavedAt: reviews.selfSavedAt,
      selfSubmittedAt: reviews.selfSubmittedAt,
      managerStatus: reviews.managerStatus,
      cycleName: reviewCycles.name,
      cycleStatus: reviewCycles.status,
      selfDueOn: reviewCycles.selfDueOn,
      managerDueOn: reviewCycles.managerDueOn,
    })
    .from(reviews)
    .innerJoin(reviewCycles, eq(reviewCycles.id, reviews.cycleId))
    .where(eq(reviews.id, reviewId))
    .get();
}

/* The self part as saved: one row per cell, with the entries each cell cites. */
function readSelfCells(ex: Executor, reviewId: string): SelfCell[] {
  const rows = ex.select({ competencyKey: reviewCells.competencyKey, themeKey: reviewCells.themeKey, rating: reviewCells.selfRating, evidence: reviewCells.selfEvidence }).from(reviewCells).where(eq(reviewCells.reviewId, reviewId)).all();
  const cites = ex.select().from(reviewCitations).where(eq(reviewCitations.reviewId, reviewId)).all();
  return rows.map((r) => {
    const key = cellId(r);
    return { cell: key, rating: r.rating, evidence: r.evidence, citations: cites.filter((c) => cellId(c) === key).map((c) => c.entryId) };
  });
}

/*
 * Everything the review page shows: the pinned framework text for the person's
 * pinned level, and the self part when the viewer may see it.
 */
export function getReview(viewer: Viewer, reviewId: string) {
  const review = loadReview(db(), reviewId);
  if (!review) throw new NotFoundError("review");
  const relationship = relationshipTo(viewer.id, review.personId);
  if (!canReadReview(viewer, relationship)) throw new NotFoundError("review");
  const facts = { selfStatus: review.selfStatus, cycleStatus: review.cycleStatus };
  const versionId = review.frameworkVersionId;
  const person = db().select({ id: people.id, name: people.name, managerId: people.managerId }).from(people).where(eq(people.id, review.personId)).get()!;
  const level = db().select({ code: versionLevels.code, name: versionLevels.name }).from(versionLevels).where(and(eq(versionLevels.versionId, versionId), eq(versionLevels.levelKey, review.levelKey))).get();
  const competencyRows = db().select({ key: versionCompetencies.competencyKey, name: versionCompetencies.name }).from(versionCompetencies).where(eq(versionCompetencies.versionId, versionId)).orderBy(asc(versionCompetencies.position)).all();
  const themeRows = db().select({ key: versionThemes.themeKey, name: versionThemes.name }).from(versionThemes).where(eq(versionThemes.versionId, versionId)).orderBy(asc(versionThemes.position)).all();
  const text = new Map(
    db()
      .select({ competencyKey: cells.competencyKey, themeKey: cells.themeKey, expectation: cells.expectation, description: cells.description })
      .from(cells)
      .where(and(eq(cells.versionId, versionId), eq(cells.levelKey, review.levelKey)))
      .all()
      .map((c) => [cellId(c), c]),
  );
  const frameworkCells = competencyRows.flatMap((c) =>
    themeRows.map((t) => {
      const ref = { competencyKey: c.key, themeKey: t.key };
      const pinned = text.get(cellId(ref));
      return { ...ref, id: cellId(ref), anchor: cellAnchor(ref), competencyName: c.name, themeName: t.name, expectation: pinned?.expectation ?? "", description: pinned?.description ?? "" };
    }),
  );
  const canSeeSelf = canReadSelfPart(viewer, relationship, facts);
  const saved = canSeeSelf ? new Map(readSelfCells(db(), reviewId).map((c) => [c.cell, c])) : null;
  const self = saved ? frameworkCells.map((c) => saved.get(c.id) ?? { cell: c.id, rating: null, evidence: "", citations: [] }) : null;
  const cited = entriesById(db(), self ? [...new Set(self.flatMap((c) => c.citations))] : []);
  return {
    review,
    person,
    relationship,
    levelLabel: levelLabel(level ? { ...level, key: review.levelKey } : { key: review.levelKey }),
    // The version the review is pinned to: its number, and its shape for the heatmap.
    frameworkVersion: db().select({ number: frameworkVersions.number }).from(frameworkVersions).where(eq(frameworkVersions.id, versionId)).get()!.number,
    competencies: competencyRows,
    themes: themeRows,
    frameworkCells,
    self,
    cited: Object.fromEntries(cited),
    canWriteSelf: canWriteSelf(viewer, relationship, facts),
  };
}

/* The viewer's own reviews, newest cycle first. */
export function listMyReviews(viewer: Viewer) {
  return db()
    .select({ id: reviews.id, cycleName: reviewCycles.name, cycleStatus: reviewCycles.status, selfDueOn: reviewCycles.selfDueOn, selfStatus: reviews.selfStatus, managerStatus: reviews.managerStatus, levelKey: reviews.levelKey, openedAt: reviewCycles.openedAt })
    .from(reviews)
    .innerJoin(reviewCycles, eq(reviewCycles.id, reviews.cycleId))
    .where(eq(reviews.personId, viewer.id))
    .orderBy(desc(reviewCycles.openedAt))
    .all();
}

/* Reviews of the viewer's direct reports as the org stands now. */
export function listReportsReviews(viewer: Viewer) {
  return db()
    .select({ id: reviews.id, personName: people.name, cycleName: reviewCycles.name, cycleStatus: reviewCycles.status, selfStatus: reviews.selfStatus, managerStatus: reviews.managerStatus, selfDueOn: reviewCycles.selfDueOn })
    .from(reviews)
    .innerJoin(reviewCycles, eq(reviewCycles.id, reviews.cycleId))
    .innerJoin(people, eq(people.id, reviews.personId))
    .where(and(eq(people.managerId, viewer.id), eq(people.active, true)))
    .orderBy(desc(reviewCycles.openedAt), asc(people.name))
    .all();
}

function loadForSelfWrite(tx: Executor, viewer: Viewer, reviewId: string) {
  const review = loadReview(tx, reviewId);
  if (!review) throw new NotFoundError("review");
  const relationship = relationshipTo(viewer.id, review.personId);
  // Someone who may not read the review learns nothing about it; a reader who may not write is told why.
  if (!canReadReview(viewer, relationship)) throw new NotFoundError("review");
  if (!canWriteSelf(viewer, relationship, { selfStatus: review.selfStatus, cycleStatus: review.cycleStatus })) {
    if (relationship !== "self") throw new NotFoundError("review");
    return { review, problem: refused(review.selfStatus === "submitted" ? "This self-assessment is submitted and locked." : "This cycle is closed; its reviews can be read but not changed.") };
  }
  return { review, problem: null };
}

/*
 * Autosave: the whole self part in one write, applied only to the version the
 * tab loaded. Cited entries must be the person's own and still in the log.
 */
export function saveSelfAssessment(viewer: Viewer, reviewId: string, expectedVersion: number, input: SelfCell[]): Result<{ savedAt: Date }> & { version?: number } {
  return db().transaction(
    (tx) => {
      const { review, problem } = loadForSelfWrite(tx, viewer, reviewId);
      if (problem) return problem;
      const conflict = checkVersion(expectedVersion, { version: review.selfVersion, content: readSelfCells(tx, reviewId) });
      if (conflict) return conflict;
      const known = new Set(readSelfCells(tx, reviewId).map((c) => c.cell));
      const unknown = input.find((c) => !known.has(c.cell) || !parseCellId(c.cell));
      if (unknown) return fieldError(unknown.cell, "This cell is not part of the review");
      // Only the person's own entries may be cited; one that has since left the log is dropped, not an error.
      const citedIds = [...new Set(input.flatMap((c) => c.citations))];
      const own = citedIds.length ? tx.select({ id: evidenceEntries.id, removedAt: evidenceEntries.removedAt }).from(evidenceEntries).where(and(inArray(evidenceEntries.id, citedIds), eq(evidenceEntries.personId, review.personId))).all() : [];
      if (own.length !== citedIds.length) return fieldError("citations", "Cite entries from your own evidence log");
      const citable = new Set(own.filter((e) => e.removedAt === null).map((e) => e.id));
      for (const c of input) {
        const ref = parseCellId(c.cell)!;
        const where = and(eq(reviewCells.reviewId, reviewId), eq(reviewCells.competencyKey, ref.competencyKey), eq(reviewCells.themeKey, ref.themeKey));
        tx.update(reviewCells).set({ selfRating: c.rating, selfEvidence: c.evidence }).where(where).run();
        tx.delete(reviewCitations).where(and(eq(reviewCitations.reviewId, reviewId), eq(reviewCitations.competencyKey, ref.competencyKey), eq(reviewCitations.themeKey, ref.themeKey))).run();
        for (const entryId of new Set(c.citations)) if (citable.has(entryId)) tx.insert(reviewCitations).values({ reviewId, ...ref, entryId }).run();
      }
      const savedAt = new Date();
      const version = review.selfVersion + 1;
      tx.update(reviews).set({ selfStatus: nextSelfStatus(review.selfStatus, "save", true)!, selfVersion: version, selfSavedAt: savedAt }).where(eq(reviews.id, reviewId)).run();
      recordAudit(tx, { actorId: viewer.id, action: "review.self-save", recordType: "review", recordId: reviewId, summary: `Saved self-assessment draft (version ${version})` });
      return { ok: true as const, value: { savedAt }, version };
    },
    { behavior: "immediate" },
  );
}

/* Submitting needs a rating in every cell; then the self part locks and the person's managers can read it. */
export function submitSelfAssessment(viewer: Viewer, reviewId: string, expectedVersion: number): Result<void> {
  return db().transaction(
    (tx): Result<void> => {
      const { review, problem } = loadForSelfWrite(tx, viewer, reviewId);
      if (problem) return problem;
      const saved = readSelfCells(tx, reviewId);
      const conflict = checkVersion(expectedVersion, { version: review.selfVersion, content: saved });
      if (conflict) return conflict;
      const order = tx.select({ key: versionCompetencies.competencyKey }).from(versionCompetencies).where(eq(versionCompetencies.versionId, review.frameworkVersionId)).orderBy(asc(versionCompetencies.position)).all();
      const themeOrder = tx.select({ key: versionThemes.themeKey }).from(versionThemes).where(eq(versionThemes.versionId, review.frameworkVersionId)).orderBy(asc(versionThemes.position)).all();
      const ordered = order.flatMap((c) => themeOrder.map((t) => ({ competencyKey: c.key, themeKey: t.key })));
      const missing = missingRatings(ordered, new Map(saved.map((c) => [c.cell, c.rating])));
      if (missing.length) {
        return { ok: false, message: `Rate every cell before submitting: ${missing.length} ${missing.length === 1 ? "cell has" : "cells have"} no rating yet.`, fieldErrors: Object.fromEntries(missing.map((m) => [cellId(m), ["Choose a rating for this cell"]])) };
      }
      tx.update(reviews).set({ selfStatus: nextSelfStatus(review.selfStatus, "submit", true)!, selfVersion: review.selfVersion + 1, selfSubmittedAt: new Date() }).where(eq(reviews.id, reviewId)).run();
      recordAudit(tx, { actorId: viewer.id, action: "review.self-submit", recordType: "review", recordId: reviewId, summary: `Submitted self-assessment for ${review.cycleName}` });
      notifyReviewStep(tx, reviewId, "self-submitted", viewer.id);
      return { ok: true, value: undefined };
    },
    { behavior: "immediate" },
  );
}

/* "Needs my action": the viewer's own self-assessments still to submit in open cycles, with their due date. */
export function reviewActionItems(viewer: Viewer, now: Date = new Date()): ActionItem[] {
  const today = todayIn(orgTimeZone(), now);
  return db()
    .select({ id: reviews.id, selfStatus: reviews.selfStatus, cycleName: reviewCycles.name, selfDueOn: reviewCycles.selfDueOn })
    .from(reviews)
    .innerJoin(reviewCycles, eq(reviewCycles.id, reviews.cycleId))
    .where(and(eq(reviews.personId, viewer.id), eq(reviewCycles.status, "open"), ne(reviews.selfStatus, "submitted")))
    .all()
    .map((r) => {
      const state = dueState(r.selfDueOn, today);
      const due = formatDate(r.selfDueOn);
      return {
        id: `review-${r.id}`,
        kind: "Self-assessment",
        title: `Write your self-assessment for ${r.cycleName}`,
        detail: state === "overdue" ? `Overdue: it was due ${due}` : state === "due-today" ? `Due today, ${due}` : `Due ${due}${r.selfStatus === "draft" ? " · draft saved" : ""}`,
        href: `/reviews/${r.id}`,
        cta: r.selfStatus === "draft" ? "Continue" : "Start",
        dueAt: new Date(`${r.selfDueOn}T00:00:00Z`),
        overdue: state === "overdue",
      };
    });
}
