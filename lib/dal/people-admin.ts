import "server-only";
import crypto from "node:crypto";
import { and, asc, count, desc, eq, isNull, like, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, type Executor } from "@/db";
import { accountLinks, accounts, committeeMembers, levelHistory, people } from "@/db/schema";
import type { Role } from "@/lib/domain/enums";
import type { FieldErrors, Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { wouldCreateCycle } from "@/lib/people/org-rules";
import { assertAdmin, publishedLevelJoin } from "./admin-guard";
import { recordAudit } from "./audit";
import { currentLevels } from "./framework";
import { enrolInOpenCycles } from "./review-cycles";
import { endSessionsOf } from "./sessions";
import { startDateChangeProblem } from "./stipend-years";

/* People administration (admins only): the people list, adding, editing, moving, deactivating. */
export type PersonInput = { name: string; email: string; role: Role; managerId: string | null; team: string; startDate: string };

export function listPeople(viewer: Viewer, filters: { q?: string; team?: string; status?: "active" | "inactive" | "all" } = {}) {
  assertAdmin(viewer);
  const manager = alias(people, "manager");
  const { lv, on } = publishedLevelJoin();
  const where: SQL[] = [];
  if (filters.q) where.push(or(like(people.name, `%${filters.q}%`), like(people.email, `%${filters.q}%`))!);
  if (filters.team) where.push(eq(people.team, filters.team));
  if (filters.status !== "all") where.push(eq(people.active, filters.status !== "inactive"));
  return db()
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      role: people.role,
      team: people.team,
      active: people.active,
      levelCode: lv.code,
      levelName: lv.name,
      managerName: manager.name,
      hasPassword: sql<number>`${people.passwordHash} is not null`,
    })
    .from(people)
    .leftJoin(manager, eq(manager.id, people.managerId))
    .leftJoin(lv, on)
    .where(where.length ? and(...where) : undefined)
    .orderBy(asc(people.name))
    .all();
}

export function listTeams(viewer: Viewer): string[] {
  assertAdmin(viewer);
  return db()
    .selectDistinct({ team: people.team })
    .from(people)
    .where(sql`${people.team} <> ''`)
    .orderBy(asc(people.team))
    .all()
    .map((r) => r.team);
}

/* Active people, for manager and committee pickers. */
export function listPeopleOptions(viewer: Viewer) {
  assertAdmin(viewer);
  return db().select({ id: people.id, name: people.name, email: people.email, team: people.team }).from(people).where(eq(people.active, true)).orderBy(asc(people.name)).all();
}

export function getPersonForAdmin(viewer: Viewer, personId: string) {
  assertAdmin(viewer);
  const person = db().select().from(people).where(eq(people.id, personId)).get();
  if (!person) throw new NotFoundError("person");
  const { passwordHash, ...rest } = person;
  const openLink = db()
    .select({ purpose: accountLinks.purpose, expiresAt: accountLinks.expiresAt, createdAt: accountLinks.createdAt })
    .from(accountLinks)
    .where(and(eq(accountLinks.personId, personId), isNull(accountLinks.usedAt), isNull(accountLinks.revokedAt), sql`${accountLinks.expiresAt} > ${Date.now()}`))
    .orderBy(desc(accountLinks.createdAt))
    .get();
  const activeReports = db().select({ n: count() }).from(people).where(and(eq(people.managerId, personId), eq(people.active, true))).get()?.n ?? 0;
  return { ...rest, hasPassword: passwordHash !== null, openLink: openLink ?? null, activeReports };
}

function managerMap(tx: Executor) {
  return new Map(tx.select({ id: people.id, managerId: people.managerId }).from(people).all().map((p) => [p.id, p.managerId]));
}

function checkManager(tx: Executor, personId: string | null, managerId: string | null): FieldErrors | null {
  if (!managerId) return null;
  const manager = tx.select({ active: people.active }).from(people).where(eq(people.id, managerId)).get();
  if (!manager) return { managerId: ["Choose a manager from the list"] };
  if (!manager.active) return { managerId: ["That manager is deactivated"] };
  if (personId && wouldCreateCycle(managerMap(tx), personId, managerId)) {
    return { managerId: ["That would create a loop in the reporting line: this manager already reports, directly or indirectly, to this person"] };
  }
  return null;
}

function activeAdminCount(tx: Executor) {
  return tx.select({ n: count() }).from(people).where(and(eq(people.role, "admin"), eq(people.active, true))).get()?.n ?? 0;
}

function emailTaken(tx: Executor, email: string, exceptId?: string) {
  const row = tx.select({ id: people.id }).from(people).where(eq(people.email, email)).get();
  return row !== undefined && row.id !== exceptId;
}

export function createPerson(viewer: Viewer, input: PersonInput & { trackKey: string; levelKey: string }): Result<string> {
  assertAdmin(viewer);
  const id = crypto.randomUUID();
  return db().transaction(
    (tx): Result<string> => {
      if (emailTaken(tx, input.email)) return { ok: false, fieldErrors: { email: ["Someone in Trellis already has this email"] } };
      const level = currentLevels(tx).find((l) => l.key === input.levelKey);
      if (!level || level.trackKey !== input.trackKey) return { ok: false, fieldErrors: { levelKey: ["Choose a level on the chosen track"] } };
      const managerProblem = checkManager(tx, null, input.managerId);
      if (managerProblem) return { ok: false, fieldErrors: managerProblem };
      tx.insert(people).values({ id, ...input }).run();
      tx.insert(levelHistory).values({ personId: id, trackKey: input.trackKey, levelKey: input.levelKey, effectiveDate: input.startDate, reason: "Joined", recordedById: viewer.id }).run();
      enrolInOpenCycles(tx, id);
      recordAudit(tx, { actorId: viewer.id, action: "person.create", recordType: "person", recordId: id, summary: `Added ${input.name} <${input.email}> as ${input.role}, level ${input.levelKey}` });
      return { ok: true, value: id };
    },
    { behavior: "immediate" },
  );
}

/* Optimistic concurrency: the update applies only to the version the admin loaded. */
export function updatePerson(viewer: Viewer, personId: string, expectedVersion: number, input: PersonInput): Result {
  assertAdmin(viewer);
  return db().transaction(
    (tx): Result => {
      const before = tx.select().from(people).where(eq(people.id, personId)).get();
      if (!before) throw new NotFoundError("person");
      if (before.version !== expectedVersion) {
        return { ok: false, message: "Someone else changed this person while you were editing. Your changes are still in the form; reload the page to see theirs, then apply yours again." };
      }
      if (emailTaken(tx, input.email, personId)) return { ok: false, fieldErrors: { email: ["Someone in Trellis already has this email"] } };
      const managerProblem = checkManager(tx, personId, input.managerId);
      if (managerProblem) return { ok: false, fieldErrors: managerProblem };
      const stipendProblem = startDateChangeProblem(tx, personId, before.startDate, input.startDate);
      if (stipendProblem) return { ok: false, fieldErrors: { startDate: [stipendProblem] } };
      if (before.role === "admin" && input.role !== "admin" && activeAdminCount(tx) <= 1) {
        return { ok: false, fieldErrors: { role: ["Trellis needs at least one admin. Make someone else an admin first."] } };
      }
      tx.update(people)
        .set({ ...input, version: before.version + 1, updatedAt: new Date() })
        .where(eq(people.id, personId))
        .run();
      if (before.email !== input.email) {
        // A linked SSO identity belonged to the old address; the new one links on its own next sign-in.
        tx.delete(accounts).where(eq(accounts.personId, personId)).run();
        endSessionsOf(tx, personId, "ended-by-admin");
      }
      const changed = (Object.keys(input) as (keyof PersonInput)[]).filter((k) => before[k] !== input[k]);
      recordAudit(tx, { actorId: viewer.id, action: "person.update", recordType: "person", recordId: personId, summary: changed.length ? `Changed ${changed.join(", ")}` : "Saved without changes" });
      return { ok: true, value: undefined };
    },
    { behavior: "immediate" },
  );
}

/* Deactivation ends the person's sessions at once and voids their open links; their records stay. */
export function setActive(viewer: Viewer, personId: string, active: boolean): Result {
  assertAdmin(viewer);
  return db().transaction(
    (tx): Result => {
      const person = tx.select().from(people).where(eq(people.id, personId)).get();
      if (!person) throw new NotFoundError("person");
      if (person.active === active) return { ok: true, value: undefined };
      if (!active) {
        if (person.id === viewer.id) return { ok: false, message: "You cannot deactivate yourself. Ask another admin." };
        const reports = tx.select({ n: count() }).from(people).where(and(eq(people.managerId, personId), eq(people.active, true))).get()?.n ?? 0;
        if (reports > 0) return { ok: false, message: `${person.name} still manages ${reports} active ${reports === 1 ? "person" : "people"}. Move them to another manager first.` };
        endSessionsOf(tx, personId, "deactivated");
        tx.update(accountLinks).set({ revokedAt: new Date() }).where(and(eq(accountLinks.personId, personId), isNull(accountLinks.usedAt), isNull(accountLinks.revokedAt))).run();
        tx.delete(committeeMembers).where(eq(committeeMembers.personId, personId)).run();
      } else if (person.managerId) {
        const manager = tx.select({ name: people.name, active: people.active }).from(people).where(eq(people.id, person.managerId)).get();
        if (!manager?.active) return { ok: false, message: `Their manager ${manager?.name ?? ""} is deactivated. Choose a new manager for ${person.name} first.` };
      }
      tx.update(people).set({ active, version: person.version + 1, updatedAt: new Date() }).where(eq(people.id, personId)).run();
      if (active) enrolInOpenCycles(tx, personId);
      recordAudit(tx, { actorId: viewer.id, action: active ? "person.reactivate" : "person.deactivate", recordType: "person", recordId: personId, summary: `${active ? "Reactivated" : "Deactivated"} ${person.name}` });
      return { ok: true, value: undefined };
    },
    { behavior: "immediate" },
  );
}

/* Manager changes from the org chart go through updatePerson's cycle check; this is the quick "move" form. */
export function moveToManager(viewer: Viewer, personId: string, managerId: string | null): Result {
  assertAdmin(viewer);
  const person = db().select().from(people).where(eq(people.id, personId)).get();
  if (!person) throw new NotFoundError("person");
  return updatePerson(viewer, personId, person.version, { name: person.name, email: person.email, role: person.role, managerId, team: person.team, startDate: person.startDate });
}
