import "server-only";
import crypto from "node:crypto";
import { and, count, desc, eq, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { people, reviewCells, reviewCycles, reviews, versionCompetencies, versionLevels, versionThemes } from "@/db/schema";
import { conflicted, fieldError, refused, type Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { canAdministerCycles } from "@/lib/policies/reviews";
import { recordAudit } from "./audit";
import { orgToday } from "./org-settings";
import { latestPublishedVersionId } from "./framework";

/*
 * Review cycles (admins): opening one gives every active person a review,
 * pinned to the published framework version and to their level at that
 * moment. People who join or are reactivated while a cycle is open are enrolled
 * by enrolInOpenCycles, called inside the transaction that adds them.
 */
export type CycleInput = { name: string; selfDueOn: string; managerDueOn: string };

function assertCycleAdmin(viewer: Viewer) {
  if (!canAdministerCycles(viewer)) throw new NotFoundError("page");
}

/* Creates the review and an empty cell for each cell of its framework version; a person already in the cycle keeps theirs. */
function enrol(tx: Executor, cycle: { id: string; frameworkVersionId: number }, person: { id: string; trackKey: string; levelKey: string }): boolean {
  const existing = tx.select({ id: reviews.id }).from(reviews).where(and(eq(reviews.cycleId, cycle.id), eq(reviews.personId, person.id))).get();
  if (existing) return false;
  const inVersion = tx.select({ key: versionLevels.levelKey }).from(versionLevels).where(and(eq(versionLevels.versionId, cycle.frameworkVersionId), eq(versionLevels.levelKey, person.levelKey))).get();
  // A level the cycle's framework does not describe cannot be assessed against it.
  if (!inVersion) return false;
  const id = crypto.randomUUID();
  tx.insert(reviews).values({ id, cycleId: cycle.id, personId: person.id, frameworkVersionId: cycle.frameworkVersionId, trackKey: person.trackKey, levelKey: person.levelKey }).run();
  tx.run(sql`insert into ${reviewCells} (review_id, competency_key, theme_key)
    select ${id}, c.competency_key, t.theme_key from ${versionCompetencies} c cross join ${versionThemes} t
    where c.version_id = ${cycle.frameworkVersionId} and t.version_id = ${cycle.frameworkVersionId}`);
  return true;
}

/* A random UUID (version 4) made by SQLite, so a whole org is enrolled in two statements. */
const SQL_UUID = sql.raw(
  "lower(hex(randomblob(4)) || '-' || hex(randomblob(2)) || '-4' || substr(hex(randomblob(2)), 2) || '-' || substr('89ab', 1 + abs(random()) % 4, 1) || substr(hex(randomblob(2)), 2) || '-' || hex(randomblob(6)))",
);

/* Opening a cycle: every active person whose level the pinned framework describes, set-based so 10,000 people take one short transaction. */
function enrolEveryone(tx: Executor, cycle: { id: string; frameworkVersionId: number }): number {
  const { changes } = tx.run(sql`insert into ${reviews} (id, cycle_id, person_id, framework_version_id, track_key, level_key)
    select ${SQL_UUID}, ${cycle.id}, p.id, ${cycle.frameworkVersionId}, p.track_key, p.level_key
    from ${people} p join ${versionLevels} vl on vl.version_id = ${cycle.frameworkVersionId} and vl.level_key = p.level_key
    where p.active = 1`);
  tx.run(sql`insert into ${reviewCells} (review_id, competency_key, theme_key)
    select r.id, c.competency_key, t.theme_key from ${reviews} r
    cross join ${versionCompetencies} c cross join ${versionThemes} t
    where r.cycle_id = ${cycle.id} and c.version_id = ${cycle.frameworkVersionId} and t.version_id = ${cycle.frameworkVersionId}`);
  return changes;
}

/* For people-admin and the CSV import: call inside the transaction that adds or reactivates the person. */
export function enrolInOpenCycles(tx: Executor, personId: string) {
  const person = tx.select({ id: people.id, trackKey: people.trackKey, levelKey: people.levelKey, active: people.active }).from(people).where(eq(people.id, personId)).get();
  if (!person?.active) return;
  const open = tx.select({ id: reviewCycles.id, name: reviewCycles.name, frameworkVersionId: reviewCycles.frameworkVersionId }).from(reviewCycles).where(eq(reviewCycles.status, "open")).all();
  for (const cycle of open) {
    if (enrol(tx, cycle, person)) recordAudit(tx, { actorId: null, action: "review.enrol", recordType: "review-cycle", recordId: cycle.id, summary: `Enrolled ${personId} in ${cycle.name} at ${person.levelKey}` });
  }
}

export function listCycles(viewer: Viewer) {
  assertCycleAdmin(viewer);
  const submitted = sql<number>`(select count(*) from reviews r where r.cycle_id = "review_cycles"."id" and r.self_status = 'submitted')`;
  const total = sql<number>`(select count(*) from reviews r where r.cycle_id = "review_cycles"."id")`;
  return db()
    .select({ id: reviewCycles.id, name: reviewCycles.name, status: reviewCycles.status, selfDueOn: reviewCycles.selfDueOn, managerDueOn: reviewCycles.managerDueOn, openedAt: reviewCycles.openedAt, closedAt: reviewCycles.closedAt, version: reviewCycles.version, submitted, total })
    .from(reviewCycles)
    .orderBy(desc(reviewCycles.openedAt))
    .all();
}

export function openCycle(viewer: Viewer, input: CycleInput, today = orgToday()): Result<{ id: string; enrolled: number }> {
  assertCycleAdmin(viewer);
  if (input.selfDueOn < today) return fieldError("selfDueOn", "Choose today or a later date: a cycle that starts overdue helps nobody");
  if (input.managerDueOn < input.selfDueOn) return fieldError("managerDueOn", "The manager review is due on or after the self-assessment");
  return db().transaction(
    (tx): Result<{ id: string; enrolled: number }> => {
      const frameworkVersionId = latestPublishedVersionId();
      if (frameworkVersionId === null) return refused("Publish a framework version before opening a cycle.");
      const sameName = tx.select({ n: count() }).from(reviewCycles).where(eq(reviewCycles.name, input.name)).get()?.n ?? 0;
      if (sameName > 0) return fieldError("name", "A cycle already has this name");
      const id = crypto.randomUUID();
      tx.insert(reviewCycles).values({ id, ...input, frameworkVersionId, openedById: viewer.id }).run();
      const enrolled = enrolEveryone(tx, { id, frameworkVersionId });
      recordAudit(tx, { actorId: viewer.id, action: "cycle.open", recordType: "review-cycle", recordId: id, summary: `Opened ${input.name} (self-assessments due ${input.selfDueOn}, manager reviews ${input.managerDueOn}); ${enrolled} people enrolled` });
      return { ok: true, value: { id, enrolled } };
    },
    { behavior: "immediate" },
  );
}

/* Closing keeps every review as it stands, readable; nothing more can be written in it. */
export function closeCycle(viewer: Viewer, cycleId: string, expectedVersion: number): Result<void> {
  assertCycleAdmin(viewer);
  return db().transaction(
    (tx): Result<void> => {
      const cycle = tx.select().from(reviewCycles).where(eq(reviewCycles.id, cycleId)).get();
      if (!cycle) throw new NotFoundError("review cycle");
      if (cycle.version !== expectedVersion) return conflicted(cycle.version, cycle.status, "This cycle changed while you were looking. Reload to see it.");
      if (cycle.status === "closed") return refused("This cycle is already closed.");
      tx.update(reviewCycles).set({ status: "closed", closedAt: new Date(), closedById: viewer.id, version: cycle.version + 1 }).where(eq(reviewCycles.id, cycleId)).run();
      recordAudit(tx, { actorId: viewer.id, action: "cycle.close", recordType: "review-cycle", recordId: cycleId, summary: `Closed ${cycle.name}` });
      return { ok: true, value: undefined };
    },
    { behavior: "immediate" },
  );
}
