import "server-only";
import { and, asc, count, desc, eq, or, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db } from "@/db";
import { auditLog, people } from "@/db/schema";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { canViewAuditLog } from "@/lib/policies/people";
import { auditFilter } from "./audit";

/* Reading the audit trail (admins); writing it is lib/dal/audit.ts, inside each change's transaction. */
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
