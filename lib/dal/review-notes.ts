import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { people, reviewCycles, reviewPrivateNotes, reviews } from "@/db/schema";
import { conflicted, refused, type Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { canReadPrivateNotes, canWritePrivateNotes } from "@/lib/policies/reviews";
import { recordAudit } from "./audit";
import { relationshipTo } from "./people";

/*
 * Private manager notes: the manager chain and admins only. Everyone else,
 * the engineer first of all, is told the notes do not exist, and no other
 * module reads this table, so the notes cannot ride along in anything the
 * engineer's pages or actions receive.
 */
function authorise(viewer: Viewer, reviewId: string) {
  const review = db().select({ personId: reviews.personId, cycleStatus: reviewCycles.status }).from(reviews).innerJoin(reviewCycles, eq(reviewCycles.id, reviews.cycleId)).where(eq(reviews.id, reviewId)).get();
  if (!review) throw new NotFoundError("review notes");
  const relationship = relationshipTo(viewer.id, review.personId);
  if (!canReadPrivateNotes(viewer, relationship)) throw new NotFoundError("review notes");
  return { review, relationship };
}

export function getPrivateNotes(viewer: Viewer, reviewId: string) {
  const { review, relationship } = authorise(viewer, reviewId);
  const row = db().select({ body: reviewPrivateNotes.body, version: reviewPrivateNotes.version, updatedAt: reviewPrivateNotes.updatedAt, updatedBy: people.name }).from(reviewPrivateNotes).leftJoin(people, eq(people.id, reviewPrivateNotes.updatedById)).where(eq(reviewPrivateNotes.reviewId, reviewId)).get();
  return { body: row?.body ?? "", version: row?.version ?? 0, updatedAt: row?.updatedAt ?? null, updatedBy: row?.updatedBy ?? null, canWrite: canWritePrivateNotes(viewer, relationship, review) };
}

/* Version 0 means "no notes yet"; a save applies only to the version the page loaded. */
export function savePrivateNotes(viewer: Viewer, reviewId: string, expectedVersion: number, body: string): Result<void> & { version?: number } {
  return db().transaction(
    (tx) => {
      const { review, relationship } = authorise(viewer, reviewId);
      if (!canWritePrivateNotes(viewer, relationship, review)) {
        // Only the direct manager is told why (the cycle closed); a reader above them finds nothing to write to.
        if (relationship !== "direct-report") throw new NotFoundError("review notes");
        return refused("This cycle is closed; its notes can be read but not changed.");
      }
      const current = tx.select({ version: reviewPrivateNotes.version, body: reviewPrivateNotes.body }).from(reviewPrivateNotes).where(eq(reviewPrivateNotes.reviewId, reviewId)).get();
      const currentVersion = current?.version ?? 0;
      if (currentVersion !== expectedVersion) return conflicted(currentVersion, current?.body ?? "", "These notes were saved somewhere else while you were editing. Your text is still here; the saved notes are shown below.");
      const version = currentVersion + 1;
      const values = { body, version, updatedById: viewer.id, updatedAt: new Date() };
      if (current) tx.update(reviewPrivateNotes).set(values).where(eq(reviewPrivateNotes.reviewId, reviewId)).run();
      else tx.insert(reviewPrivateNotes).values({ reviewId, ...values }).run();
      // The audit row says that notes changed, never what they say.
      recordAudit(tx, { actorId: viewer.id, action: "review.private-notes", recordType: "review", recordId: reviewId, summary: `Saved private manager notes (version ${version})` });
      return { ok: true as const, value: undefined, version };
    },
    { behavior: "immediate" },
  );
}
