import "server-only";
import { and, eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { packetCells, packets } from "@/db/schema";
import { parseCellId } from "@/lib/domain/cell-ref";
import { conflicted, fieldError, refused, type Failure, type Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { nextPacketStatus } from "@/lib/packets/flow";
import type { Readiness } from "@/lib/packets/readiness";
import { canTakePacketStep, canWriteManagerPart } from "@/lib/policies/packets";
import { recordAudit } from "./audit";
import { authorisePacket, packetReadiness, readManagerCells, recordPacketStep, type ManagerCell, type PacketRecord } from "./packet-records";

/*
 * The direct manager's part, while the packet is submitted to them: a rating
 * against the target level, a comment and (for a gap) a justification per
 * cell, autosaved; then returning the packet with feedback or endorsing it.
 * Managers above and admins read this part but never write it.
 */
function loadForManagerWrite(tx: Executor, viewer: Viewer, packetId: string): { packet: PacketRecord; problem: Failure | null } {
  const { packet, relationship, role } = authorisePacket(tx, viewer, packetId);
  if (canWriteManagerPart(viewer, relationship, packet.status)) return { packet, problem: null };
  if (role !== "direct-manager") throw new NotFoundError("packet");
  return { packet, problem: refused(packet.status === "draft" ? "This packet is back with its author; you can review it again once they resubmit." : "This packet is no longer with you to review.") };
}

const staleManagerPart = (tx: Executor, packet: PacketRecord) =>
  conflicted(packet.managerVersion, readManagerCells(tx, packet.id), "Your review of this packet was saved somewhere else while you were editing. Your text is still here; compare it with the saved version below before saving again.");

export function savePacketReview(viewer: Viewer, packetId: string, expectedVersion: number, input: ManagerCell[]): Result<{ savedAt: Date; readiness: Readiness }> & { version?: number } {
  return db().transaction(
    (tx) => {
      const { packet, problem } = loadForManagerWrite(tx, viewer, packetId);
      if (problem) return problem;
      if (expectedVersion !== packet.managerVersion) return staleManagerPart(tx, packet);
      const known = new Set(readManagerCells(tx, packetId).map((c) => c.cell));
      const unknown = input.find((c) => !known.has(c.cell) || !parseCellId(c.cell));
      if (unknown) return fieldError(unknown.cell, "This cell is not part of the packet");
      for (const c of input) {
        const ref = parseCellId(c.cell)!;
        tx.update(packetCells)
          .set({ managerRating: c.rating, managerComment: c.comment, managerJustification: c.justification })
          .where(and(eq(packetCells.packetId, packetId), eq(packetCells.competencyKey, ref.competencyKey), eq(packetCells.themeKey, ref.themeKey)))
          .run();
      }
      const version = packet.managerVersion + 1;
      const savedAt = new Date();
      tx.update(packets).set({ managerVersion: version, managerAuthorId: viewer.id, updatedAt: savedAt }).where(eq(packets.id, packetId)).run();
      recordAudit(tx, { actorId: viewer.id, action: "packet.review-save", recordType: "packet", recordId: packetId, summary: `Saved the manager's ratings (version ${version})` });
      return { ok: true as const, value: { savedAt, readiness: packetReadiness(tx, packet) }, version };
    },
    { behavior: "immediate" },
  );
}

function loadForStep(tx: Executor, viewer: Viewer, packetId: string, step: "return" | "endorse", expectedVersion: number) {
  const { packet, relationship, role } = authorisePacket(tx, viewer, packetId);
  if (!canTakePacketStep(viewer, relationship, packet.status, step)) {
    if (role !== "direct-manager") throw new NotFoundError("packet");
    return { packet, problem: refused("This packet is not waiting on you: it can be returned or endorsed only while it is submitted to you.") };
  }
  if (expectedVersion !== packet.managerVersion) return { packet, problem: staleManagerPart(tx, packet) };
  return { packet, problem: null };
}

/* Back to the author as a draft, with the reason on the timeline; the ratings and comments stay beside the cells. */
export function returnPacket(viewer: Viewer, packetId: string, expectedVersion: number, reason: string): Result<void> {
  return db().transaction(
    (tx): Result<void> => {
      const { packet, problem } = loadForStep(tx, viewer, packetId, "return", expectedVersion);
      if (problem) return problem;
      if (!reason.trim()) return fieldError("reason", "Say what needs to change before it comes back");
      tx.update(packets).set({ status: nextPacketStatus(packet.status, "return")!, managerVersion: packet.managerVersion + 1, caseVersion: packet.caseVersion + 1, updatedAt: new Date() }).where(eq(packets.id, packetId)).run();
      recordPacketStep(tx, { packetId, actorId: viewer.id, step: "return", from: packet.status, to: "draft", note: reason, about: packet.personName });
      return { ok: true, value: undefined };
    },
    { behavior: "immediate" },
  );
}

/* Endorsing needs every cell rated and the readiness rule met; the packet is then ready for the committee. */
export function endorsePacket(viewer: Viewer, packetId: string, expectedVersion: number, note: string): Result<void> {
  return db().transaction(
    (tx): Result<void> => {
      const { packet, problem } = loadForStep(tx, viewer, packetId, "endorse", expectedVersion);
      if (problem) return problem;
      const readiness = packetReadiness(tx, packet);
      if (!readiness.ready) {
        return {
          ok: false,
          message: `Not ready to endorse: ${readiness.holding.map((h) => h.name).join(", ")} ${readiness.holding.length === 1 ? "holds" : "hold"} the packet back. ${readiness.rule}`,
          fieldErrors: Object.fromEntries(readiness.holding.map((h) => [h.id, [h.reason]])),
        };
      }
      const now = new Date();
      tx.update(packets).set({ status: nextPacketStatus(packet.status, "endorse")!, managerVersion: packet.managerVersion + 1, endorsedAt: now, updatedAt: now }).where(eq(packets.id, packetId)).run();
      recordPacketStep(tx, { packetId, actorId: viewer.id, step: "endorse", from: packet.status, to: "endorsed", note, about: packet.personName });
      return { ok: true, value: undefined };
    },
    { behavior: "immediate" },
  );
}
