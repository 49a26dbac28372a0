import "server-only";
import { and, eq, inArray } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { evidenceEntries, packetCells, packetCitations, packets } from "@/db/schema";
import { parseCellId } from "@/lib/domain/cell-ref";
import { conflicted, fieldError, refused, type Failure, type Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { nextPacketStatus } from "@/lib/packets/flow";
import { canTakePacketStep, canWriteCase } from "@/lib/policies/packets";
import { recordAudit } from "./audit";
import { authorisePacket, readCase, recordPacketStep, versionCells, type CaseContent, type PacketRecord } from "./packet-records";

/*
 * The author's part: the summary and each cell's case, autosaved against the
 * version the tab loaded; submitting it to the manager; withdrawing a packet.
 */
const LOCKED: Record<string, string> = {
  submitted: "This packet is with your manager and locked until they return or endorse it.",
  endorsed: "This packet is endorsed and locked.",
};

function loadForCaseWrite(tx: Executor, viewer: Viewer, packetId: string): { packet: PacketRecord; problem: Failure | null } {
  const { packet, relationship, role } = authorisePacket(tx, viewer, packetId);
  if (canWriteCase(viewer, relationship, packet.status)) return { packet, problem: null };
  // A reader who is not the author finds nothing to write to; the author is told why.
  if (role !== "author") throw new NotFoundError("packet");
  return { packet, problem: refused(LOCKED[packet.status] ?? "This packet is closed; it can be read but not changed.") };
}

const caseOnly = (tx: Executor, packetId: string): CaseContent => {
  const { summary, cells } = readCase(tx, packetId);
  return { summary, cells };
};

const staleCase = (tx: Executor, packet: PacketRecord) =>
  conflicted(packet.caseVersion, caseOnly(tx, packet.id), "This packet was saved somewhere else (another tab or device) while you were editing. Your text is still here; compare it with the saved version below before saving again.");

export function savePacketCase(viewer: Viewer, packetId: string, expectedVersion: number, input: CaseContent): Result<{ savedAt: Date }> & { version?: number } {
  return db().transaction(
    (tx) => {
      const { packet, problem } = loadForCaseWrite(tx, viewer, packetId);
      if (problem) return problem;
      if (expectedVersion !== packet.caseVersion) return staleCase(tx, packet);
      const saved = readCase(tx, packetId);
      const before = new Map(saved.cells.map((c) => [c.cell, c]));
      const unknown = input.cells.find((c) => !before.has(c.cell) || !parseCellId(c.cell));
      if (unknown) return fieldError(unknown.cell, "This cell is not part of the packet");
      // Only the author's own entries may be cited; one that has since left the log is dropped, not an error.
      const citedIds = [...new Set(input.cells.flatMap((c) => c.citations))];
      const own = citedIds.length ? tx.select({ id: evidenceEntries.id, removedAt: evidenceEntries.removedAt }).from(evidenceEntries).where(and(inArray(evidenceEntries.id, citedIds), eq(evidenceEntries.personId, packet.personId))).all() : [];
      if (own.length !== citedIds.length) return fieldError("citations", "Cite entries from your own evidence log");
      const citable = new Set(own.filter((e) => e.removedAt === null).map((e) => e.id));
      for (const c of input.cells) {
        const ref = parseCellId(c.cell)!;
        const textChanged = before.get(c.cell)!.text !== c.text;
        const where = and(eq(packetCells.packetId, packetId), eq(packetCells.competencyKey, ref.competencyKey), eq(packetCells.themeKey, ref.themeKey));
        tx.update(packetCells).set({ caseText: c.text, textVersion: saved.textVersions[c.cell]! + (textChanged ? 1 : 0) }).where(where).run();
        tx.delete(packetCitations).where(and(eq(packetCitations.packetId, packetId), eq(packetCitations.competencyKey, ref.competencyKey), eq(packetCitations.themeKey, ref.themeKey))).run();
        for (const entryId of new Set(c.citations)) if (citable.has(entryId)) tx.insert(packetCitations).values({ packetId, ...ref, entryId }).run();
      }
      const savedAt = new Date();
      const version = packet.caseVersion + 1;
      tx.update(packets).set({ summary: input.summary, caseVersion: version, caseSavedAt: savedAt, updatedAt: savedAt }).where(eq(packets.id, packetId)).run();
      recordAudit(tx, { actorId: viewer.id, action: "packet.case-save", recordType: "packet", recordId: packetId, summary: `Saved the packet's case (version ${version})` });
      return { ok: true as const, value: { savedAt }, version };
    },
    { behavior: "immediate" },
  );
}

/* Submitting needs a summary and a case in every cell; then the packet is the manager's to review. */
export function submitPacket(viewer: Viewer, packetId: string, expectedVersion: number, note: string): Result<void> {
  return db().transaction(
    (tx): Result<void> => {
      const { packet, problem } = loadForCaseWrite(tx, viewer, packetId);
      if (problem) return problem;
      if (expectedVersion !== packet.caseVersion) return staleCase(tx, packet);
      const saved = new Map(readCase(tx, packetId).cells.map((c) => [c.cell, c.text]));
      const empty = versionCells(tx, packet.frameworkVersionId).filter((c) => !saved.get(c.id)?.trim());
      const noSummary = !packet.summary.trim();
      if (empty.length || noSummary) {
        const fieldErrors: Record<string, string[]> = Object.fromEntries(empty.map((c) => [c.id, ["Write the case for this cell"]]));
        if (noSummary) fieldErrors.summary = ["Write a summary before submitting"];
        const parts = [noSummary ? "write the summary" : "", empty.length ? `write the case for ${empty.length} more ${empty.length === 1 ? "cell" : "cells"}` : ""].filter(Boolean);
        return { ok: false, message: `Before submitting: ${parts.join(" and ")}.`, fieldErrors };
      }
      const now = new Date();
      tx.update(packets).set({ status: nextPacketStatus(packet.status, "submit")!, caseVersion: packet.caseVersion + 1, submittedAt: now, updatedAt: now }).where(eq(packets.id, packetId)).run();
      recordPacketStep(tx, { packetId, actorId: viewer.id, step: "submit", from: packet.status, to: "submitted", note, about: packet.personName });
      return { ok: true, value: undefined };
    },
    { behavior: "immediate" },
  );
}

/* The author or the direct manager may withdraw an open packet that has not been endorsed; the reason goes on the timeline. */
export function withdrawPacket(viewer: Viewer, packetId: string, reason: string): Result<void> {
  return db().transaction(
    (tx): Result<void> => {
      const { packet, relationship, role } = authorisePacket(tx, viewer, packetId);
      if (!canTakePacketStep(viewer, relationship, packet.status, "withdraw")) {
        if (role !== "author" && role !== "direct-manager") throw new NotFoundError("packet");
        return refused(packet.status === "endorsed" ? "An endorsed packet is with the committee and cannot be withdrawn here." : "This packet is closed.");
      }
      if (!reason.trim()) return fieldError("reason", "Say why the packet is withdrawn");
      const now = new Date();
      tx.update(packets)
        .set({ status: nextPacketStatus(packet.status, "withdraw")!, caseVersion: packet.caseVersion + 1, managerVersion: packet.managerVersion + 1, closedAt: now, updatedAt: now })
        .where(eq(packets.id, packetId))
        .run();
      recordPacketStep(tx, { packetId, actorId: viewer.id, step: "withdraw", from: packet.status, to: "withdrawn", note: reason, about: packet.personName });
      return { ok: true, value: undefined };
    },
    { behavior: "immediate" },
  );
}
