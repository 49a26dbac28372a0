import "server-only";
import crypto from "node:crypto";
import { and, eq, gt, isNotNull, isNull, lte, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { receipts, stipendClaims, stipendSettings } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { canAdministerStipend, canViewClaim } from "@/lib/policies/stipend";
import { RECEIPT_BYTES_PER_YEAR, RECEIPT_UPLOADS_PER_DAY } from "@/lib/stipend/receipt-file";
import { checkReceipt } from "@/lib/stipend/receipt-type";
import { deleteReceiptFiles, discardReceiptBytes, receiptPath, writeReceiptBytes } from "@/lib/storage/receipt-files";
import { recordAudit } from "./audit";
import { relationshipTo } from "./people";
import type { Viewer } from "@/lib/domain/viewer";
import { conflicted, fieldError, type Result } from "@/lib/domain/result";

/*
 * Receipts: recording an upload within the per-person limits, who may fetch
 * it, and the retention rule that deletes it (the files themselves are
 * lib/storage/receipt-files.ts). A withdrawn claim's file goes at
 * once; a rejected claim's after the days an admin sets. The receipt row, the
 * claim and their audit rows stay.
 */

const HOUR_MS = 3_600_000;
const DAY_MS = 24 * HOUR_MS;
export const DEFAULT_RETENTION_DAYS = 90;
export const MAX_RETENTION_DAYS = 3650;

/* ---------- Upload ---------- */

export type StoredReceipt = { file: string; row: Omit<typeof receipts.$inferInsert, "createdAt"> };

/* Checks the bytes and writes the file under a random name; the caller records it (or discards it) in its transaction. */
export async function writeReceiptFile(viewer: Viewer, upload: File): Promise<{ ok: true; stored: StoredReceipt } | { ok: false; message: string }> {
  const bytes = new Uint8Array(await upload.arrayBuffer());
  const check = await checkReceipt(bytes);
  if (!check.ok) return { ok: false, message: check.error };
  const { storedName, file } = await writeReceiptBytes(bytes);
  const row = {
    id: crypto.randomUUID(),
    storedName,
    originalName: upload.name.slice(0, 200) || "receipt",
    contentType: check.type,
    sizeBytes: bytes.length,
    sha256: crypto.createHash("sha256").update(bytes).digest("hex"),
    uploadedById: viewer.id,
  };
  return { ok: true, stored: { file, row } };
}

export async function discardReceiptFile(stored: StoredReceipt) {
  await discardReceiptBytes(stored.file);
}

const megabytes = (bytes: number) => `${(bytes / (1024 * 1024)).toFixed(1).replace(/\.0$/, "")} MB`;

/*
 * Call inside the immediate transaction that files the claim, so parallel
 * uploads queue and are counted one after another.
 */
export function uploadLimitProblem(tx: Executor, personId: string, sizeBytes: number, now: Date): string | null {
  const since = (ms: number) => and(eq(receipts.uploadedById, personId), gt(receipts.createdAt, new Date(now.getTime() - ms)));
  const today = tx.select({ n: sql<number>`count(*)` }).from(receipts).where(since(DAY_MS)).get()!;
  if (today.n >= RECEIPT_UPLOADS_PER_DAY) {
    return `You have uploaded ${RECEIPT_UPLOADS_PER_DAY} receipts in the last 24 hours, the most Trellis takes. Link to this receipt instead, or upload it tomorrow.`;
  }
  const year = tx.select({ bytes: sql<number>`coalesce(sum(${receipts.sizeBytes}), 0)` }).from(receipts).where(since(365 * DAY_MS)).get()!;
  if (year.bytes + sizeBytes > RECEIPT_BYTES_PER_YEAR) {
    return `Your receipt uploads in the last 12 months come to ${megabytes(year.bytes)} of the ${megabytes(RECEIPT_BYTES_PER_YEAR)} allowed, and this file would go over. Link to the receipt instead.`;
  }
  return null;
}

export function insertReceipt(tx: Executor, stored: StoredReceipt, now: Date) {
  tx.insert(receipts).values({ ...stored.row, createdAt: now }).run();
}

/* ---------- Removal ---------- */

/*
 * Marks a receipt removed and audits it, inside the caller's transaction.
 * Returns the stored name to delete once that transaction has committed, or
 * null if it was already removed.
 */
export function markReceiptRemoved(tx: Executor, removal: { receiptId: string; claimId: string; actorId: string | null; now: Date; why: string }): string | null {
  const row = tx.update(receipts).set({ removedAt: removal.now }).where(and(eq(receipts.id, removal.receiptId), isNull(receipts.removedAt))).returning({ storedName: receipts.storedName }).get();
  if (!row) return null;
  recordAudit(tx, { actorId: removal.actorId, action: "stipend-receipt.remove", recordType: "stipend-claim", recordId: removal.claimId, summary: `Receipt file removed under the retention rule: ${removal.why}` });
  return row.storedName;
}

/* ---------- Download ---------- */

/* The stored file behind a receipt, for someone who may see the claim it belongs to, while the file is kept. */
export function getReceiptFile(viewer: Viewer, receiptId: string) {
  const row = db()
    .select({ personId: stipendClaims.personId, storedName: receipts.storedName, contentType: receipts.contentType, originalName: receipts.originalName, removedAt: receipts.removedAt })
    .from(receipts)
    .innerJoin(stipendClaims, eq(stipendClaims.receiptId, receipts.id))
    .where(eq(receipts.id, receiptId))
    .get();
  if (!row || row.removedAt || !canViewClaim(viewer, relationshipTo(viewer.id, row.personId))) throw new NotFoundError("receipt");
  const file = receiptPath(row.storedName);
  if (!file) throw new NotFoundError("receipt");
  return { file, contentType: row.contentType, originalName: row.originalName };
}

/* ---------- Retention setting ---------- */

function readRetention(ex: Executor) {
  const row = ex.select({ days: stipendSettings.rejectedReceiptRetentionDays, version: stipendSettings.version }).from(stipendSettings).where(eq(stipendSettings.id, 1)).get();
  return row ?? { days: DEFAULT_RETENTION_DAYS, version: 0 };
}

export function getReceiptRetention(viewer: Viewer) {
  if (!canAdministerStipend(viewer)) throw new NotFoundError("setting");
  return readRetention(db());
}

export type SaveRetentionResult = Result<number>;

/* Admins only. A shorter period applies at once: the purge runs right after the save. */
export function saveReceiptRetention(viewer: Viewer, days: number, expectedVersion: number, now = new Date()): SaveRetentionResult {
  if (!canAdministerStipend(viewer)) throw new NotFoundError("setting");
  if (!Number.isInteger(days) || days < 0 || days > MAX_RETENTION_DAYS) return fieldError("days", `Enter a whole number of days from 0 to ${MAX_RETENTION_DAYS}`);
  const saved = db().transaction(
    (tx): SaveRetentionResult => {
      const current = readRetention(tx);
      if (current.version !== expectedVersion) return conflicted(current.version, undefined, "Someone else changed this setting since you opened it. Reload to see their change.");
      const values = { rejectedReceiptRetentionDays: days, updatedById: viewer.id, updatedAt: now };
      if (current.version === 0) tx.insert(stipendSettings).values({ id: 1, ...values }).run();
      else tx.update(stipendSettings).set({ ...values, version: current.version + 1 }).where(eq(stipendSettings.id, 1)).run();
      recordAudit(tx, { actorId: viewer.id, action: "stipend-settings.save", recordType: "stipend-settings", recordId: "receipt-retention", summary: `Receipts of rejected claims kept for ${days} days (was ${current.days})` });
      return { ok: true, value: 0 };
    },
    { behavior: "immediate" },
  );
  return saved.ok ? { ok: true, value: purgeExpiredReceipts(now).removed } : saved;
}

/* ---------- Purge ---------- */

/*
 * Deletes the receipt files of claims rejected more than the retention period
 * before `now`, one audited transaction each, then deletes any file of a
 * receipt already marked removed that is still on disk (a crash between a
 * commit and its delete). Idempotent: safe to run at any time, from any
 * process. Runs on start (scripts/prepare.ts), after saving the setting, and
 * at most hourly via purgeExpiredReceiptsIfDue.
 */
export function purgeExpiredReceipts(now = new Date()): { ok: true; removed: number } {
  const { days } = readRetention(db());
  const cutoff = new Date(now.getTime() - days * DAY_MS);
  const due = db()
    .select({ claimId: stipendClaims.id, receiptId: receipts.id })
    .from(stipendClaims)
    .innerJoin(receipts, eq(receipts.id, stipendClaims.receiptId))
    .where(and(eq(stipendClaims.status, "rejected"), isNull(receipts.removedAt), lte(stipendClaims.decidedAt, cutoff)))
    .all();
  let removed = 0;
  for (const { claimId, receiptId } of due) {
    const storedName = db().transaction((tx) => markReceiptRemoved(tx, { receiptId, claimId, actorId: null, now, why: `the claim was rejected more than ${days} days ago` }), { behavior: "immediate" });
    if (storedName) removed++;
  }
  const marked = db().select({ storedName: receipts.storedName }).from(receipts).where(isNotNull(receipts.removedAt)).all();
  deleteReceiptFiles(marked.map((r) => r.storedName));
  return { ok: true, removed };
}

const purgeState = globalThis as unknown as { trellisLastReceiptPurge?: number };

/* The opportunistic run (claim filed, stipend admin opened): at most once an hour per server process. */
export function purgeExpiredReceiptsIfDue(now = new Date()): boolean {
  const sinceLast = now.getTime() - (purgeState.trellisLastReceiptPurge ?? Number.NEGATIVE_INFINITY);
  if (sinceLast >= 0 && sinceLast < HOUR_MS) return false;
  purgeState.trellisLastReceiptPurge = now.getTime();
  purgeExpiredReceipts(now);
  return true;
}
