import "server-only";
import { desc, eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { levelHistory, people } from "@/db/schema";
import type { Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { assertAdmin } from "./admin-guard";
import { recordAudit } from "./audit";
import { currentLevels } from "./framework";
import { orgToday } from "./org-settings";

/*
 * Changing a person's level: the person's current level and a new entry in
 * their level history, which they can see, with the audit row. Used by an
 * admin's change outside promotions and by an approved promotion packet, so
 * both follow the same date rules.
 */
export type LevelChange = { trackKey: string; levelKey: string; effectiveDate: string; reason: string };

export function applyLevelChange(tx: Executor, actorId: string, person: { id: string; levelKey: string; version: number }, change: LevelChange): Result {
  if (change.effectiveDate > orgToday()) return { ok: false, fieldErrors: { effectiveDate: ["Record a change on or after the day it takes effect"] } };
  // The current level is the latest entry; an earlier date would rewrite history under a later change.
  const latest = tx.select({ effectiveDate: levelHistory.effectiveDate }).from(levelHistory).where(eq(levelHistory.personId, person.id)).orderBy(desc(levelHistory.effectiveDate)).limit(1).get();
  if (latest && change.effectiveDate < latest.effectiveDate) {
    return { ok: false, fieldErrors: { effectiveDate: [`The latest recorded change is from ${latest.effectiveDate}; a new change must take effect on or after that date`] } };
  }
  tx.update(people).set({ trackKey: change.trackKey, levelKey: change.levelKey, version: person.version + 1, updatedAt: new Date() }).where(eq(people.id, person.id)).run();
  tx.insert(levelHistory).values({ personId: person.id, trackKey: change.trackKey, levelKey: change.levelKey, effectiveDate: change.effectiveDate, reason: change.reason, recordedById: actorId }).run();
  recordAudit(tx, { actorId, action: "person.level-change", recordType: "person", recordId: person.id, summary: `${person.levelKey} -> ${change.levelKey} from ${change.effectiveDate}: ${change.reason}` });
  return { ok: true, value: undefined };
}

/* A level change outside a promotion: recorded in the person's level history, which they can see. */
export function changeLevel(viewer: Viewer, personId: string, input: LevelChange): Result {
  assertAdmin(viewer);
  return db().transaction(
    (tx): Result => {
      const person = tx.select().from(people).where(eq(people.id, personId)).get();
      if (!person) throw new NotFoundError("person");
      const level = currentLevels(tx).find((l) => l.key === input.levelKey);
      if (!level || level.trackKey !== input.trackKey) return { ok: false, fieldErrors: { levelKey: ["Choose a level on the chosen track"] } };
      if (person.trackKey === input.trackKey && person.levelKey === input.levelKey) return { ok: false, fieldErrors: { levelKey: [`${person.name} is already at this level`] } };
      return applyLevelChange(tx, viewer.id, person, input);
    },
    { behavior: "immediate" },
  );
}
