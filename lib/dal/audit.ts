import "server-only";
import { and, eq, gte, lt, type SQL } from "drizzle-orm";
import type { Executor } from "@/db";
import { auditLog } from "@/db/schema";

export type AuditEntry = {
  actorId: string | null;
  action: string;
  recordType: string;
  recordId: string;
  summary: string;
};

/* Call inside the transaction that makes the change, so the row and the change commit together. */
export function recordAudit(tx: Executor, entry: AuditEntry) {
  tx.insert(auditLog).values({ ...entry, summary: entry.summary.slice(0, 500) }).run();
}


export function auditFilter(filter: { actorId?: string; recordType?: string; from?: Date; to?: Date }): SQL | undefined {
  const parts: SQL[] = [];
  if (filter.actorId) parts.push(eq(auditLog.actorId, filter.actorId));
  if (filter.recordType) parts.push(eq(auditLog.recordType, filter.recordType));
  if (filter.from) parts.push(gte(auditLog.at, filter.from));
  if (filter.to) parts.push(lt(auditLog.at, filter.to));
  return parts.length ? and(...parts) : undefined;
}
