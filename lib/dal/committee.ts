import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { committeeMembers, people } from "@/db/schema";
import type { Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { assertAdmin, publishedLevelJoin } from "./admin-guard";
import { recordAudit } from "./audit";

/*
 * The committee's active members, for the committee's own pages and rules
 * (deactivating someone takes them off it too). A CROSS JOIN keeps SQLite
 * reading the handful of members first and looking each up, rather than
 * passing over everyone to find them.
 */
export function committeeMemberIds(ex: Executor = db()): string[] {
  return ex.select({ id: committeeMembers.personId }).from(committeeMembers).crossJoin(people).where(and(eq(people.id, committeeMembers.personId), eq(people.active, true))).all().map((m) => m.id);
}

export const isCommitteeMember = (ex: Executor, personId: string) => committeeMemberIds(ex).includes(personId);

/* The promotion committee, named by an admin. */
export function listCommittee(viewer: Viewer) {
  assertAdmin(viewer);
  const { lv, on } = publishedLevelJoin();
  return db()
    .select({ id: people.id, name: people.name, email: people.email, team: people.team, levelCode: lv.code, addedAt: committeeMembers.addedAt })
    .from(committeeMembers)
    .innerJoin(people, eq(people.id, committeeMembers.personId))
    .leftJoin(lv, on)
    .orderBy(asc(people.name))
    .all();
}

export function setCommitteeMember(viewer: Viewer, personId: string, member: boolean): Result {
  assertAdmin(viewer);
  return db().transaction(
    (tx): Result => {
      const person = tx.select({ name: people.name, active: people.active }).from(people).where(eq(people.id, personId)).get();
      if (!person) return { ok: false, fieldErrors: { personId: ["Choose a person from the list"] } };
      if (member) {
        if (!person.active) return { ok: false, fieldErrors: { personId: ["That person is deactivated"] } };
        const inserted = tx.insert(committeeMembers).values({ personId, addedById: viewer.id }).onConflictDoNothing().run();
        if (inserted.changes === 0) return { ok: false, fieldErrors: { personId: [`${person.name} is already on the committee`] } };
      } else if (tx.delete(committeeMembers).where(eq(committeeMembers.personId, personId)).run().changes === 0) {
        return { ok: false, fieldErrors: { personId: [`${person.name} is not on the committee`] } };
      }
      recordAudit(tx, { actorId: viewer.id, action: member ? "committee.add" : "committee.remove", recordType: "person", recordId: personId, summary: `${member ? "Added" : "Removed"} ${person.name} ${member ? "to" : "from"} the promotion committee` });
      return { ok: true, value: undefined };
    },
    { behavior: "immediate" },
  );
}
