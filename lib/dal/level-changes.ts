import "server-only";
import { desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { levelHistory, people } from "@/db/schema";
import type { Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { assertAdmin } from "./admin-guard";
import { recordAudit } from "./audit";
import { currentLevels } from "./framework";
import { orgToday } from "./org-settings";

/* A level change outside a promotion: recorded in the person's level history, which they can see. */
export function changeLevel(viewer: Viewer, personId: string, input: { trackKey: string; levelKey: string; effectiveDate: string; reason: string }): Result {
  assertAdmin(viewer);
  return db().transaction(
    (tx): Result => {
      const person = tx.select().from(people).where(eq(people.id, personId)).get();
      if (!person) throw new NotFoundError("person");
      const level = currentLevels(tx).find((l) => l.key === input.levelKey);
      if (!level || level.trackKey !== input.trackKey) return { ok: false, fieldErrors: { levelKey: ["Choose a level on the chosen track"] } };
      if (input.effectiveDate > orgToday()) return { ok: false, fieldErrors: { effectiveDate: ["Record a change on or after the day it takes effect"] } };
      if (person.trackKey === input.trackKey && person.levelKey === input.levelKey) return { ok: false, fieldErrors: { levelKey: [`${person.name} is already at this level`] } };
      // The current level is the latest entry; an earlier date would rewrite history under a later change.
      const latest = tx.select({ effectiveDate: levelHistory.effectiveDate }).from(levelHistory).where(eq(levelHistory.personId, personId)).orderBy(desc(levelHistory.effectiveDate)).limit(1).get();
      if (latest && input.effectiveDate < latest.effectiveDate) {
        return { ok: false, fieldErrors: { effectiveDate: [`The latest recorded change is from ${latest.effectiveDate}; a new change must take effect on or after that date`] } };
      }
      tx.update(people)
        .set({ trackKey: input.trackKey, levelKey: input.levelKey, version: person.version + 1, updatedAt: new Date() })
        .where(eq(people.id, personId))
        .run();
      tx.insert(levelHistory).values({ personId, trackKey: input.trackKey, levelKey: input.levelKey, effectiveDate: input.effectiveDate, reason: input.reason, recordedById: viewer.id }).run();
      recordAudit(tx, { actorId: viewer.id, action: "person.level-change", recordType: "person", recordId: personId, summary: `${person.levelKey} -> ${input.levelKey} from ${input.effectiveDate}: ${input.reason}` });
      return { ok: true, value: undefined };
    },
    { behavior: "immediate" },
  );
}
