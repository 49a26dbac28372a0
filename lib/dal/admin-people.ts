import "server-only";
import crypto from "node:crypto";
import { and, asc, count, desc, eq, isNull, like, or, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, type Executor } from "@/db";
import { accountLinks, accounts, auditLog, committeeMembers, levelHistory, levels, people, type Role, signInThrottle, versionLevels } from "@/db/schema";
import { hashPassword } from "@/lib/auth/password";
import { accountKey } from "@/lib/auth/throttle";
import { NotFoundError } from "@/lib/errors";
import { todayIso } from "@/lib/format";
import { LINK_TTL_MS, linkState, type LinkPurpose } from "@/lib/people/account-link-rules";
import { orderForInsert, validatePeopleCsv, type ImportProblem } from "@/lib/people/csv-import";
import { wouldCreateCycle } from "@/lib/people/org-rules";
import { canAdministerPeople, canViewAuditLog } from "@/lib/policies";
import { auditFilter, recordAudit } from "./audit";
import { latestPublishedVersionId } from "./framework";
import type { ActionItem } from "./action-items";
import { endSessionsOf } from "./sessions";
import { startDateChangeProblem } from "./stipend";
import type { Viewer } from "./viewer-type";

export function assertAdmin(viewer: Viewer) {
  if (!canAdministerPeople(viewer)) throw new NotFoundError("page");
}

export type PersonInput = { name: string; email: string; role: Role; managerId: string | null; team: string; startDate: string };
export type FieldErrors = Partial<Record<string, string[]>>;
export type MutationResult<T = void> = { ok: true; value: T } | { ok: false; fieldErrors?: FieldErrors; message?: string };

const levelLabel = () => {
  const lv = alias(versionLevels, "lv");
  return { lv, on: and(eq(lv.versionId, latestPublishedVersionId() ?? -1), eq(lv.levelKey, people.levelKey)) };
};

export function listPeople(viewer: Viewer, filters: { q?: string; team?: string; status?: "active" | "inactive" | "all" } = {}) {
  assertAdmin(viewer);
  const manager = alias(people, "manager");
  const { lv, on } = levelLabel();
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

export function createPerson(viewer: Viewer, input: PersonInput & { trackKey: string; levelKey: string }): MutationResult<string> {
  assertAdmin(viewer);
  const id = crypto.randomUUID();
  return db().transaction(
    (tx): MutationResult<string> => {
      if (emailTaken(tx, input.email)) return { ok: false, fieldErrors: { email: ["Someone in Trellis already has this email"] } };
      const level = tx.select().from(levels).where(eq(levels.key, input.levelKey)).get();
      if (!level || level.trackKey !== input.trackKey) return { ok: false, fieldErrors: { levelKey: ["Choose a level on the chosen track"] } };
      const managerProblem = checkManager(tx, null, input.managerId);
      if (managerProblem) return { ok: false, fieldErrors: managerProblem };
      tx.insert(people).values({ id, ...input }).run();
      tx.insert(levelHistory).values({ personId: id, trackKey: input.trackKey, levelKey: input.levelKey, effectiveDate: input.startDate, reason: "Joined", recordedById: viewer.id }).run();
      recordAudit(tx, { actorId: viewer.id, action: "person.create", recordType: "person", recordId: id, summary: `Added ${input.name} <${input.email}> as ${input.role}, level ${input.levelKey}` });
      return { ok: true, value: id };
    },
    { behavior: "immediate" },
  );
}

/* Optimistic concurrency: the update applies only to the version the admin loaded. */
export function updatePerson(viewer: Viewer, personId: string, expectedVersion: number, input: PersonInput): MutationResult {
  assertAdmin(viewer);
  return db().transaction(
    (tx): MutationResult => {
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

/* A level change outside a promotion: recorded in the person's level history, which they can see. */
export function changeLevel(viewer: Viewer, personId: string, input: { trackKey: string; levelKey: string; effectiveDate: string; reason: string }): MutationResult {
  assertAdmin(viewer);
  return db().transaction(
    (tx): MutationResult => {
      const person = tx.select().from(people).where(eq(people.id, personId)).get();
      if (!person) throw new NotFoundError("person");
      const level = tx.select().from(levels).where(eq(levels.key, input.levelKey)).get();
      if (!level || level.trackKey !== input.trackKey) return { ok: false, fieldErrors: { levelKey: ["Choose a level on the chosen track"] } };
      if (input.effectiveDate > todayIso()) return { ok: false, fieldErrors: { effectiveDate: ["Record a change on or after the day it takes effect"] } };
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

/* Deactivation ends the person's sessions at once and voids their open links; their records stay. */
export function setActive(viewer: Viewer, personId: string, active: boolean): MutationResult {
  assertAdmin(viewer);
  return db().transaction(
    (tx): MutationResult => {
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
      recordAudit(tx, { actorId: viewer.id, action: active ? "person.reactivate" : "person.deactivate", recordType: "person", recordId: personId, summary: `${active ? "Reactivated" : "Deactivated"} ${person.name}` });
      return { ok: true, value: undefined };
    },
    { behavior: "immediate" },
  );
}

const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/*
 * Issues a one-time link (invitation or password reset). Only the token's hash
 * is stored; the token is returned once for the admin to copy. Issuing a new
 * link voids the person's earlier open ones.
 */
export function createAccountLink(viewer: Viewer, personId: string, purpose: LinkPurpose, now = Date.now()): string {
  assertAdmin(viewer);
  const token = crypto.randomBytes(32).toString("base64url");
  db().transaction(
    (tx) => {
      const person = tx.select({ name: people.name, active: people.active }).from(people).where(eq(people.id, personId)).get();
      if (!person || !person.active) throw new NotFoundError("person");
      tx.update(accountLinks).set({ revokedAt: new Date(now) }).where(and(eq(accountLinks.personId, personId), isNull(accountLinks.usedAt), isNull(accountLinks.revokedAt))).run();
      tx.insert(accountLinks)
        .values({ id: crypto.randomUUID(), personId, purpose, tokenHash: hashToken(token), createdById: viewer.id, createdAt: new Date(now), expiresAt: new Date(now + LINK_TTL_MS[purpose]) })
        .run();
      recordAudit(tx, { actorId: viewer.id, action: `person.${purpose}-link`, recordType: "person", recordId: personId, summary: `Issued a${purpose === "invite" ? "n invitation" : " password reset"} link for ${person.name}` });
    },
    { behavior: "immediate" },
  );
  return token;
}

/* Public (the token is the credential): what the link page needs to show. */
export function describeAccountLink(token: string, now = Date.now()) {
  const row = db()
    .select({ purpose: accountLinks.purpose, expiresAt: accountLinks.expiresAt, usedAt: accountLinks.usedAt, revokedAt: accountLinks.revokedAt, name: people.name, email: people.email, active: people.active })
    .from(accountLinks)
    .innerJoin(people, eq(people.id, accountLinks.personId))
    .where(eq(accountLinks.tokenHash, hashToken(token)))
    .get();
  if (!row) return null;
  return { purpose: row.purpose, name: row.name, email: row.email, state: row.active ? linkState(row, now) : ("revoked" as const) };
}

export type RedeemResult = { ok: true; email: string } | { ok: false; state: "missing" | "expired" | "used" | "revoked" };

/* Sets the password and spends the link, in one transaction, so a link works exactly once. */
export async function redeemAccountLink(token: string, newPassword: string, now = Date.now()): Promise<RedeemResult> {
  // Cheap checks first: nobody can make the server hash passwords for made-up tokens.
  const described = describeAccountLink(token, now);
  if (!described) return { ok: false, state: "missing" };
  if (described.state !== "valid") return { ok: false, state: described.state };
  const passwordHash = await hashPassword(newPassword);
  return db().transaction(
    (tx): RedeemResult => {
      const link = tx.select().from(accountLinks).where(eq(accountLinks.tokenHash, hashToken(token))).get();
      if (!link) return { ok: false, state: "missing" };
      const person = tx.select({ id: people.id, email: people.email, active: people.active }).from(people).where(eq(people.id, link.personId)).get();
      const state = person?.active ? linkState(link, now) : "revoked";
      if (state !== "valid" || !person) return { ok: false, state: state === "valid" ? "revoked" : state };
      tx.update(accountLinks).set({ usedAt: new Date(now) }).where(eq(accountLinks.id, link.id)).run();
      tx.update(people).set({ passwordHash, passwordChangedAt: new Date(now), updatedAt: new Date(now) }).where(eq(people.id, person.id)).run();
      endSessionsOf(tx, person.id, "password-changed", {}, now);
      tx.delete(signInThrottle).where(eq(signInThrottle.key, accountKey(person.email))).run();
      recordAudit(tx, { actorId: person.id, action: `person.${link.purpose}-redeemed`, recordType: "person", recordId: person.id, summary: link.purpose === "invite" ? "Accepted the invitation and set a password" : "Reset their password with a link" });
      return { ok: true, email: person.email };
    },
    { behavior: "immediate" },
  );
}

function importContext(tx: Executor) {
  const existing = new Map(tx.select({ id: people.id, email: people.email, active: people.active }).from(people).all().map((p) => [p.email, { id: p.id, active: p.active }]));
  const levelRows = tx.select({ key: levels.key, trackKey: levels.trackKey }).from(levels).all();
  return { existing, levels: levelRows };
}

export function previewPeopleImport(viewer: Viewer, csvText: string) {
  assertAdmin(viewer);
  return validatePeopleCsv(csvText, importContext(db()));
}

/* Re-validates inside the write transaction, so nothing changed since the preview slips through; all rows or none. */
export function importPeople(viewer: Viewer, csvText: string): { ok: true; imported: number } | { ok: false; problems: ImportProblem[] } {
  assertAdmin(viewer);
  return db().transaction(
    (tx) => {
      const context = importContext(tx);
      const { rows, problems } = validatePeopleCsv(csvText, context);
      if (problems.length || rows.length === 0) return { ok: false as const, problems: problems.length ? problems : [{ line: 1, message: "No people to import" }] };
      const idByEmail = new Map([...context.existing].map(([email, p]) => [email, p.id]));
      for (const row of orderForInsert(rows)) {
        const id = crypto.randomUUID();
        idByEmail.set(row.email, id);
        tx.insert(people)
          .values({ id, name: row.name, email: row.email, role: row.role, trackKey: row.trackKey, levelKey: row.levelKey, managerId: row.managerEmail ? idByEmail.get(row.managerEmail)! : null, team: row.team, startDate: row.startDate })
          .run();
        tx.insert(levelHistory).values({ personId: id, trackKey: row.trackKey, levelKey: row.levelKey, effectiveDate: row.startDate, reason: "Joined (imported)", recordedById: viewer.id }).run();
        recordAudit(tx, { actorId: viewer.id, action: "person.create", recordType: "person", recordId: id, summary: `Imported ${row.name} <${row.email}> from CSV line ${row.line}` });
      }
      return { ok: true as const, imported: rows.length };
    },
    { behavior: "immediate" },
  );
}

/* Rows for the people CSV export, in the import's column order so an export can be edited and re-imported elsewhere. */
export function exportPeopleRows(viewer: Viewer) {
  assertAdmin(viewer);
  const manager = alias(people, "manager");
  const rows = db()
    .select({ name: people.name, email: people.email, role: people.role, track: people.trackKey, level: people.levelKey, managerEmail: manager.email, team: people.team, startDate: people.startDate, active: people.active })
    .from(people)
    .leftJoin(manager, eq(manager.id, people.managerId))
    .orderBy(asc(people.name))
    .all();
  return [["name", "email", "role", "track", "level", "manager_email", "team", "start_date", "active"], ...rows.map((r) => [r.name, r.email, r.role, r.track, r.level, r.managerEmail ?? "", r.team, r.startDate, r.active ? "yes" : "no"])];
}

export function getOrgChartPeople(viewer: Viewer) {
  assertAdmin(viewer);
  const { lv, on } = levelLabel();
  return db()
    .select({ id: people.id, name: people.name, managerId: people.managerId, team: people.team, role: people.role, levelCode: lv.code, levelName: lv.name })
    .from(people)
    .leftJoin(lv, on)
    .where(eq(people.active, true))
    .all();
}

/* Manager changes from the org chart go through updatePerson's cycle check; this is the quick "move" form. */
export function moveToManager(viewer: Viewer, personId: string, managerId: string | null): MutationResult {
  assertAdmin(viewer);
  const person = db().select().from(people).where(eq(people.id, personId)).get();
  if (!person) throw new NotFoundError("person");
  return updatePerson(viewer, personId, person.version, { name: person.name, email: person.email, role: person.role, managerId, team: person.team, startDate: person.startDate });
}

const AUDIT_PAGE_SIZE = 50;

export function listAudit(viewer: Viewer, filters: { personId?: string; recordType?: string; from?: string; to?: string; page: number }) {
  if (!canViewAuditLog(viewer)) throw new NotFoundError("page");
  const parts: SQL[] = [];
  const base = auditFilter({
    recordType: filters.recordType,
    from: filters.from ? new Date(`${filters.from}T00:00:00Z`) : undefined,
    to: filters.to ? new Date(new Date(`${filters.to}T00:00:00Z`).getTime() + 86_400_000) : undefined,
  });
  if (base) parts.push(base);
  // "About a person": what they did, and what was done to their record.
  if (filters.personId) parts.push(or(eq(auditLog.actorId, filters.personId), and(eq(auditLog.recordType, "person"), eq(auditLog.recordId, filters.personId)))!);
  const where = parts.length ? and(...parts) : undefined;
  const actor = alias(people, "actor");
  const total = db().select({ n: count() }).from(auditLog).where(where).get()?.n ?? 0;
  const rows = db()
    .select({ id: auditLog.id, at: auditLog.at, action: auditLog.action, recordType: auditLog.recordType, recordId: auditLog.recordId, summary: auditLog.summary, actorId: auditLog.actorId, actorName: actor.name })
    .from(auditLog)
    .leftJoin(actor, eq(actor.id, auditLog.actorId))
    .where(where)
    .orderBy(desc(auditLog.id))
    .limit(AUDIT_PAGE_SIZE)
    .offset((filters.page - 1) * AUDIT_PAGE_SIZE)
    .all();
  const recordTypes = db().selectDistinct({ t: auditLog.recordType }).from(auditLog).orderBy(asc(auditLog.recordType)).all().map((r) => r.t);
  return { rows, total, pages: Math.max(1, Math.ceil(total / AUDIT_PAGE_SIZE)), recordTypes };
}

export function listCommittee(viewer: Viewer) {
  assertAdmin(viewer);
  const { lv, on } = levelLabel();
  return db()
    .select({ id: people.id, name: people.name, email: people.email, team: people.team, levelCode: lv.code, addedAt: committeeMembers.addedAt })
    .from(committeeMembers)
    .innerJoin(people, eq(people.id, committeeMembers.personId))
    .leftJoin(lv, on)
    .orderBy(asc(people.name))
    .all();
}

export function setCommitteeMember(viewer: Viewer, personId: string, member: boolean): MutationResult {
  assertAdmin(viewer);
  return db().transaction(
    (tx): MutationResult => {
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

const INVITE_SOON_MS = 2 * 24 * 3_600_000;

/*
 * Admins' "Needs my action": active people who cannot sign in yet, because
 * they have no password and no open invitation, or theirs expires within two
 * days. (SSO users are fine without a password once they have signed in.)
 */
export function peopleAdminActionItems(viewer: Viewer, now = Date.now()): ActionItem[] {
  if (!canAdministerPeople(viewer)) return [];
  const waiting = db()
    .select({
      id: people.id,
      name: people.name,
      // Spelled out in full: inside a raw subquery drizzle would print ${people.id} as a bare "id", which binds to the link's own id.
      expiresAt: sql<number | null>`(select max(l.expires_at) from account_links l where l.person_id = "people"."id" and l.used_at is null and l.revoked_at is null)`,
    })
    .from(people)
    .where(and(eq(people.active, true), isNull(people.passwordHash), sql`not exists (select 1 from accounts a where a.person_id = "people"."id")`))
    .orderBy(asc(people.name))
    .all();
  return waiting
    .filter((p) => p.expiresAt === null || p.expiresAt - now < INVITE_SOON_MS)
    .map((p) => {
      const expired = p.expiresAt === null || p.expiresAt <= now;
      return {
        id: `invite-${p.id}`,
        kind: "Invitation",
        title: expired ? `${p.name} has no way to sign in yet` : `${p.name}'s invitation expires soon`,
        detail: expired ? "No password and no open invitation. Create a link and send it to them." : `The link expires ${new Date(p.expiresAt!).toISOString().slice(0, 16).replace("T", " ")} UTC and has not been used.`,
        href: `/admin/people/${p.id}`,
        cta: "Open",
        dueAt: p.expiresAt ? new Date(p.expiresAt) : null,
      };
    });
}
