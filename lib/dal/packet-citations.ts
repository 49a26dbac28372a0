import "server-only";
import { and, eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { packetCitations, packets } from "@/db/schema";
import { recordAudit } from "./audit";

/*
 * Evidence cited by packets, for the evidence log's own rules: an entry a
 * packet past its draft cites stays as written (like one a locked review
 * cites), and removing an entry takes it out of draft packets, each with a
 * new version so an open tab is told.
 */
function packetsCiting(ex: Executor, entryId: string) {
  return ex.selectDistinct({ id: packets.id, status: packets.status, caseVersion: packets.caseVersion }).from(packetCitations).innerJoin(packets, eq(packets.id, packetCitations.packetId)).where(eq(packetCitations.entryId, entryId)).all();
}

export function citedByLockedPacket(ex: Executor, entryId: string): boolean {
  return packetsCiting(ex, entryId).some((p) => p.status !== "draft");
}

export function uncitePacketDrafts(tx: Executor, entryId: string, entryTitle: string, actorId: string) {
  for (const draft of packetsCiting(tx, entryId).filter((p) => p.status === "draft")) {
    tx.delete(packetCitations).where(and(eq(packetCitations.packetId, draft.id), eq(packetCitations.entryId, entryId))).run();
    tx.update(packets).set({ caseVersion: draft.caseVersion + 1, updatedAt: new Date() }).where(eq(packets.id, draft.id)).run();
    recordAudit(tx, { actorId, action: "packet.uncite", recordType: "packet", recordId: draft.id, summary: `Stopped citing "${entryTitle}": it left the evidence log` });
  }
}
