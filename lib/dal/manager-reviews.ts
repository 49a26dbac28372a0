import "server-only";
import { and, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { people, reviewCells, reviewCycles, reviews } from "@/db/schema";
import type { ActionItem } from "@/lib/domain/action-item";
import { cellId, parseCellId } from "@/lib/domain/cell-ref";
import type { Rating } from "@/lib/domain/enums";
import { dueState, todayIn } from "@/lib/domain/org-time";
import { conflicted, fieldError, refused, type Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { canReadManagerPart, canReadReview, canRespondToReview, canWriteManagerPart, type ManagerFacts } from "@/lib/policies/reviews";
import { nextManagerStatus } from "@/lib/reviews/manager-review";
import { recordAudit } from "./audit";
import { orgTimeZone } from "./org-settings";
import { relationshipTo } from "./people";
import { notifyReviewStep } from "./review-notifications";

/*
 * The manager's part of a review: a rating and comment per cell, a summary,
 * sharing, and the engineer's response and acknowledgement. Private notes live
 * in review-notes.ts and are never read here, so nothing below can carry them.
 */
export type ManagerCell = { cell: string; rating: Rating | null; comment: string };
export type ManagerPartInput = { summary: string; cells: ManagerCell[] };

function loadManagerFacts(ex: Executor, reviewId: string) {
  return ex
    .select({
      id: reviews.id,
      personId: reviews.personId,
      managerStatus: reviews.managerStatus,
      managerVersion: reviews.managerVersion,
      cycleName: reviewCycles.name,
      cycleStatus: reviewCycles.status,
    })
    .from(reviews)
    .innerJoin(reviewCycles, eq(reviewCycles.id, reviews.cycleId))
    .where(eq(reviews.id, reviewId))
    .get();
}

function readManagerPart(ex: Executor, reviewId: string) {
  const head = ex.select({ summary: reviews.managerSummary }).from(reviews).where(eq(reviews.id, reviewId)).get()!;
  const cells = ex.select({ competencyKey: reviewCells.competencyKey, themeKey: reviewCells.themeKey, rating: reviewCells.managerRating, comment: reviewCells.managerComment }).from(reviewCells).where(eq(reviewCells.reviewId, reviewId)).all();
  return { summary: head.summary, cells: cells.map((c): ManagerCell => ({ cell: cellId(c), rating: c.rating, comment: c.comment })) };
}

/* Reads the review for a viewer; someone who may not read it at all learns nothing about it. */
function authorise(ex: Executor, viewer: Viewer, reviewId: string) {
  const review = loadManagerFacts(ex, reviewId);
  if (!review) throw new NotFoundError("review");
  const relationship = relationshipTo(viewer.id, review.personId);
  if (!canReadReview(viewer, relationship)) throw new NotFoundError("review");
  const facts: ManagerFacts = { managerStatus: review.managerStatus, cycleStatus: review.cycleStatus };
  return { review, relationship, facts };
}

/*
 * The manager part as the viewer may see it: null for the engineer until it is
 * shared (they learn only that it is not shared yet).
 */
export function getManagerPart(viewer: Viewer, reviewId: string) {
  const { review, relationship, facts } = authorise(db(), viewer, reviewId);
  const extra = db().select({ sharedAt: reviews.sharedAt, acknowledgedAt: reviews.acknowledgedAt, response: reviews.engineerResponse, authorId: reviews.managerAuthorId }).from(reviews).where(eq(reviews.id, reviewId)).get()!;
  const status = { status: review.managerStatus, canRespond: canRespondToReview(viewer, relationship, facts) };
  if (!canReadManagerPart(viewer, relationship, facts)) return { ...status, part: null };
  const author = extra.authorId ? db().select({ name: people.name }).from(people).where(eq(people.id, extra.authorId)).get()?.name ?? null : null;
  return {
    ...status,
    part: {
      ...readManagerPart(db(), reviewId),
      version: review.managerVersion,
      sharedAt: extra.sharedAt,
      acknowledgedAt: extra.acknowledgedAt,
      response: extra.response,
      author,
      canWrite: canWriteManagerPart(viewer, relationship, facts),
    },
  };
}

/* A reader who may not write is told why; anyone else learns nothing. */
function loadForManagerWrite(tx: Executor, viewer: Viewer, reviewId: string) {
  const { review, relationship, facts } = authorise(tx, viewer, reviewId);
  if (!canWriteManagerPart(viewer, relationship, facts)) {
    if (relationship !== "direct-report") throw new NotFoundError("review");
    return { review, problem: refused(facts.cycleStatus !== "open" ? "This cycle is closed; its reviews can be read but not changed." : "This review is shared and locked.") };
  }
  return { review, problem: null };
}

const staleManagerPart = (tx: Executor, reviewId: string, version: number) =>
  conflicted(version, readManagerPart(tx, reviewId), "This review was saved somewhere else (another tab or device) while you were editing. Your text is still here; compare it with the saved version below before saving again.");

/* Autosave of the manager part, applied only to the version the tab loaded. */
export function saveManagerReview(viewer: Viewer, reviewId: string, expectedVersion: number, input: ManagerPartInput): Result<{ savedAt: Date }> & { version?: number } {
  return db().transaction(
    (tx) => {
      const { review, problem } = loadForManagerWrite(tx, viewer, reviewId);
      if (problem) return problem;
      if (expectedVersion !== review.managerVersion) return staleManagerPart(tx, reviewId, review.managerVersion);
      const known = new Set(readManagerPart(tx, reviewId).cells.map((c) => c.cell));
      const unknown = input.cells.find((c) => !known.has(c.cell) || !parseCellId(c.cell));
      if (unknown) return fieldError(unknown.cell, "This cell is not part of the review");
      for (const c of input.cells) {
        const ref = parseCellId(c.cell)!;
        tx.update(reviewCells).set({ managerRating: c.rating, managerComment: c.comment }).where(and(eq(reviewCells.reviewId, reviewId), eq(reviewCells.competencyKey, ref.competencyKey), eq(reviewCells.themeKey, ref.themeKey))).run();
      }
      const version = review.managerVersion + 1;
      const savedAt = new Date();
      tx.update(reviews).set({ managerStatus: nextManagerStatus(review.managerStatus, "save", true)!, managerVersion: version, managerSummary: input.summary, managerAuthorId: viewer.id }).where(eq(reviews.id, reviewId)).run();
      recordAudit(tx, { actorId: viewer.id, action: "review.manager-save", recordType: "review", recordId: reviewId, summary: `Saved manager review draft (version ${version})` });
      return { ok: true as const, value: { savedAt }, version };
    },
    { behavior: "immediate" },
  );
}

/* Sharing needs a rating in every cell and a summary; then the engineer can read it and it locks. */
export function shareManagerReview(viewer: Viewer, reviewId: string, expectedVersion: number): Result<void> {
  return db().transaction(
    (tx): Result<void> => {
      const { review, problem } = loadForManagerWrite(tx, viewer, reviewId);
      if (problem) return problem;
      if (expectedVersion !== review.managerVersion) return staleManagerPart(tx, reviewId, review.managerVersion);
      const part = readManagerPart(tx, reviewId);
      const missing = part.cells.filter((c) => !c.rating);
      if (missing.length || !part.summary.trim()) {
        const fieldErrors = Object.fromEntries(missing.map((c) => [c.cell, ["Choose a rating for this cell"]]));
        if (!part.summary.trim()) fieldErrors.summary = ["Write a summary before sharing"];
        return { ok: false, message: `Before sharing: ${missing.length ? `rate ${missing.length} more ${missing.length === 1 ? "cell" : "cells"}` : ""}${missing.length && !part.summary.trim() ? " and " : ""}${!part.summary.trim() ? "write a summary" : ""}.`, fieldErrors };
      }
      tx.update(reviews).set({ managerStatus: nextManagerStatus(review.managerStatus, "share", true)!, managerVersion: review.managerVersion + 1, sharedAt: new Date() }).where(eq(reviews.id, reviewId)).run();
      recordAudit(tx, { actorId: viewer.id, action: "review.share", recordType: "review", recordId: reviewId, summary: `Shared the manager review for ${review.cycleName}` });
      notifyReviewStep(tx, reviewId, "shared", viewer.id);
      return { ok: true, value: undefined };
    },
    { behavior: "immediate" },
  );
}

/* The engineer's written response (optional) and acknowledgement, once the review is shared. */
export function acknowledgeReview(viewer: Viewer, reviewId: string, response: string): Result<void> {
  return db().transaction(
    (tx): Result<void> => {
      const { review, relationship, facts } = authorise(tx, viewer, reviewId);
      if (!canRespondToReview(viewer, relationship, facts)) {
        if (relationship !== "self" || !canReadManagerPart(viewer, relationship, facts)) throw new NotFoundError("review");
        return refused(review.managerStatus === "acknowledged" ? "You have already acknowledged this review." : "This cycle is closed; its reviews can be read but not changed.");
      }
      tx.update(reviews).set({ managerStatus: nextManagerStatus(review.managerStatus, "acknowledge", true)!, engineerResponse: response, acknowledgedAt: new Date() }).where(eq(reviews.id, reviewId)).run();
      recordAudit(tx, { actorId: viewer.id, action: "review.acknowledge", recordType: "review", recordId: reviewId, summary: `Acknowledged the manager review for ${review.cycleName}${response.trim() ? " with a response" : ""}` });
      notifyReviewStep(tx, reviewId, "acknowledged", viewer.id);
      return { ok: true, value: undefined };
    },
    { behavior: "immediate" },
  );
}

/*
 * "Needs my action": reviews to write (the viewer's direct reports, open
 * cycles, not yet shared) and reviews to acknowledge (the viewer's own, shared).
 */
export function managerReviewActionItems(viewer: Viewer, now: Date = new Date()): ActionItem[] {
  const today = todayIn(orgTimeZone(), now);
  const item = (r: { id: string; cycleName: string; managerDueOn: string }, title: string, cta: string, draft: boolean, kind: string): ActionItem => {
    const state = dueState(r.managerDueOn, today);
    const due = formatDate(r.managerDueOn);
    return {
      id: `${kind === "Manager review" ? "write" : "ack"}-review-${r.id}`,
      kind,
      title,
      detail: state === "overdue" ? `Overdue: it was due ${due}` : state === "due-today" ? `Due today, ${due}` : `Due ${due}${draft ? " · draft saved" : ""}`,
      href: `/reviews/${r.id}`,
      cta,
      dueAt: new Date(`${r.managerDueOn}T00:00:00Z`),
      overdue: state === "overdue",
    };
  };
  const columns = { id: reviews.id, cycleName: reviewCycles.name, managerDueOn: reviewCycles.managerDueOn, managerStatus: reviews.managerStatus, personName: people.name };
  const toWrite = db()
    .select(columns)
    .from(reviews)
    .innerJoin(reviewCycles, eq(reviewCycles.id, reviews.cycleId))
    .innerJoin(people, eq(people.id, reviews.personId))
    // Unary + keeps the status indexes out of the plan: otherwise SQLite may start from every open review in the org, not the viewer's reports.
    .where(and(eq(people.managerId, viewer.id), eq(people.active, true), sql`+${reviewCycles.status} = 'open'`, sql`+${reviews.managerStatus} in ('not-started', 'draft')`))
    .all()
    .map((r) => item(r, `Write ${r.personName}'s review for ${r.cycleName}`, r.managerStatus === "draft" ? "Continue" : "Start", r.managerStatus === "draft", "Manager review"));
  const toAcknowledge = db()
    .select(columns)
    .from(reviews)
    .innerJoin(reviewCycles, eq(reviewCycles.id, reviews.cycleId))
    .innerJoin(people, eq(people.id, reviews.personId))
    .where(and(eq(reviews.personId, viewer.id), eq(reviewCycles.status, "open"), eq(reviews.managerStatus, "shared")))
    .all()
    .map((r) => item(r, `Read and acknowledge your review for ${r.cycleName}`, "Read", false, "Review to acknowledge"));
  return [...toWrite, ...toAcknowledge];
}

/* Everyone below the viewer in the reporting line, as a subquery, so a whole org is one statement. */
export const orgBelow = (viewerId: string) => sql`(with recursive org(id, depth) as (
  select id, 1 from people where manager_id = ${viewerId}
  union all
  select p.id, org.depth + 1 from people p join org on p.manager_id = org.id where org.depth < 64
) select id from org)`;
