import "server-only";
import { and, asc, desc, eq, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db } from "@/db";
import { levelHistory, people, versionLevels, versionTracks } from "@/db/schema";
import { hashPassword, verifyPassword } from "@/lib/security/password";
import { ACCOUNT_LIMITS, accountKey } from "@/lib/security/throttle";
import { NotFoundError } from "@/lib/errors";
import { canViewPerson } from "@/lib/policies/people";
import { type Relationship } from "@/lib/policies/core";
import { recordAudit } from "./audit";
import { lastKnownLevelNames, latestPublishedVersionId } from "./framework";
import { prepared } from "./prepared";
import { endSessionsOf } from "./sessions";
import { beginAttempt, forgiveAttempt } from "./sign-in";
import type { Viewer } from "@/lib/domain/viewer";

const viewerRow = () =>
  prepared("people.viewer", (d) =>
    d
      .select({
        id: people.id,
        name: people.name,
        email: people.email,
        role: people.role,
        trackKey: people.trackKey,
        levelKey: people.levelKey,
        managerId: people.managerId,
        team: people.team,
        active: people.active,
        hasPassword: sql<number>`${people.passwordHash} is not null`,
        // Spelled out: inside a select drizzle renders ${people.id} as a bare "id", which the subquery reads as r.id.
        reportCount: sql<number>`(select count(*) from people r where r.manager_id = "people"."id" and r.active = 1)`,
      })
      .from(people)
      .where(eq(people.id, sql.placeholder("id")))
      .prepare(),
  );

export function getViewerById(personId: string): Viewer | null {
  const row = viewerRow().get({ id: personId });
  if (!row || !row.active) return null;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    role: row.role,
    trackKey: row.trackKey,
    levelKey: row.levelKey,
    managerId: row.managerId,
    team: row.team,
    hasPassword: Boolean(row.hasPassword),
    hasReports: row.reportCount > 0,
  };
}

/*
 * How the viewer stands to a person: walks the target's reporting line upwards.
 * Depth 1 is the direct manager; any deeper match is a manager above them.
 */
export function relationshipTo(viewerId: string, personId: string): Relationship {
  if (viewerId === personId) return "self";
  const row = db().get<{ depth: number } | undefined>(sql`
    with recursive chain(id, manager_id, depth) as (
      select id, manager_id, 0 from people where id = ${personId}
      union all
      select p.id, p.manager_id, chain.depth + 1 from people p join chain on p.id = chain.manager_id where chain.depth < 64
    )
    select min(depth) as depth from chain where id = ${viewerId} and depth > 0`);
  if (!row || row.depth === null || row.depth === undefined) return "none";
  return row.depth === 1 ? "direct-report" : "indirect-report";
}

export function getPersonProfile(viewer: Viewer, personId: string) {
  const relationship = relationshipTo(viewer.id, personId);
  if (!canViewPerson(viewer, relationship)) throw new NotFoundError("person");
  // Track and level names as the latest published framework words them.
  const versionId = latestPublishedVersionId() ?? -1;
  const lv = alias(versionLevels, "lv");
  const tr = alias(versionTracks, "tr");
  const manager = alias(people, "manager");
  const person = db()
    .select({
      id: people.id,
      name: people.name,
      email: people.email,
      role: people.role,
      team: people.team,
      startDate: people.startDate,
      active: people.active,
      trackKey: people.trackKey,
      levelKey: people.levelKey,
      levelName: lv.name,
      levelCode: lv.code,
      trackName: tr.name,
      managerId: people.managerId,
      managerName: manager.name,
    })
    .from(people)
    .leftJoin(manager, eq(manager.id, people.managerId))
    .leftJoin(lv, and(eq(lv.versionId, versionId), eq(lv.levelKey, people.levelKey)))
    .leftJoin(tr, and(eq(tr.versionId, versionId), eq(tr.trackKey, people.trackKey)))
    .where(eq(people.id, personId))
    .get();
  if (!person) throw new NotFoundError("person");

  const history = db()
    .select({
      id: levelHistory.id,
      effectiveDate: levelHistory.effectiveDate,
      reason: levelHistory.reason,
      levelKey: levelHistory.levelKey,
      levelName: lv.name,
      levelCode: lv.code,
      trackName: tr.name,
      recordedByName: manager.name,
    })
    .from(levelHistory)
    .leftJoin(manager, eq(manager.id, levelHistory.recordedById))
    .leftJoin(lv, and(eq(lv.versionId, versionId), eq(lv.levelKey, levelHistory.levelKey)))
    .leftJoin(tr, and(eq(tr.versionId, versionId), eq(tr.trackKey, levelHistory.trackKey)))
    .where(eq(levelHistory.personId, personId))
    .orderBy(desc(levelHistory.effectiveDate), desc(levelHistory.id))
    .all();
  // A level the current version no longer has keeps the name it last had.
  const earlier = lastKnownLevelNames(history.filter((h) => h.levelName === null).map((h) => h.levelKey));
  for (const h of history) {
    const known = earlier.get(h.levelKey);
    if (h.levelName === null && known) Object.assign(h, { levelName: known.name, levelCode: known.code });
  }

  const reports = db()
    .select({ id: people.id, name: people.name, levelName: lv.name, levelCode: lv.code, team: people.team })
    .from(people)
    .leftJoin(lv, and(eq(lv.versionId, versionId), eq(lv.levelKey, people.levelKey)))
    .where(and(eq(people.managerId, personId), eq(people.active, true)))
    .orderBy(asc(people.name))
    .all();

  return { person, history, reports, relationship };
}

export type ChangePasswordResult = { ok: true } | { ok: false; field: "currentPassword"; message: string };

const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/* Changing a password ends the person's other sessions: whoever else had it is signed out. */
export async function changePassword(viewer: Viewer, currentSessionId: string, currentPassword: string, newPassword: string): Promise<ChangePasswordResult> {
  const row = db().select({ passwordHash: people.passwordHash }).from(people).where(eq(people.id, viewer.id)).get();
  if (!row) throw new NotFoundError("person");
  if (row.passwordHash) {
    // Guessing the current password from a stolen session counts against the same limit as signing in.
    const keys = [{ key: accountKey(viewer.email), limits: ACCOUNT_LIMITS }];
    const attempt = beginAttempt(keys, Date.now());
    if (!attempt.allowed) return { ok: false, field: "currentPassword", message: "Too many wrong passwords. Try again in 15 minutes." };
    if (attempt.delayMs) await sleep(attempt.delayMs);
    if (!(await verifyPassword(currentPassword, row.passwordHash))) return { ok: false, field: "currentPassword", message: "That is not your current password" };
    forgiveAttempt(keys);
  }
  const passwordHash = await hashPassword(newPassword);
  db().transaction(
    (tx) => {
      tx.update(people).set({ passwordHash, passwordChangedAt: new Date(), updatedAt: new Date() }).where(eq(people.id, viewer.id)).run();
      const ended = endSessionsOf(tx, viewer.id, "password-changed", { except: currentSessionId });
      recordAudit(tx, {
        actorId: viewer.id,
        action: "person.password-change",
        recordType: "person",
        recordId: viewer.id,
        summary: `Changed their password; ${ended} other session(s) ended`,
      });
    },
    { behavior: "immediate" },
  );
  return { ok: true };
}
