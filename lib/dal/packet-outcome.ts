import "server-only";
import { eq } from "drizzle-orm";
import type { Executor } from "@/db";
import { packetDecisions, packetEvents, packets, people } from "@/db/schema";
import { missingByCell } from "./packet-records";

/*
 * What the committee decided, for everyone who reads the packet (the author,
 * their managers, admins and the committee): approved with the level change's
 * effective date, or declined with what is missing per cell, with the reasons.
 * And the link between a declined packet and the draft reopened from it.
 */
export function packetDecision(ex: Executor, packetId: string) {
  const row = ex
    .select({ outcome: packetDecisions.outcome, reasons: packetDecisions.reasons, effectiveDate: packetDecisions.effectiveDate, decidedAt: packetDecisions.decidedAt, decidedBy: people.name })
    .from(packetDecisions)
    .leftJoin(people, eq(people.id, packetDecisions.decidedById))
    .where(eq(packetDecisions.packetId, packetId))
    .get();
  return row ? { ...row, missing: row.outcome === "declined" ? missingByCell(ex, packetId) : {} } : null;
}

/* The declined packet this one was reopened from (with what was missing, to show beside the cells), and the draft reopened from this one. */
export function packetLineage(ex: Executor, packet: { id: string; reopenedFromId: string | null }) {
  const from = packet.reopenedFromId ? packetDecision(ex, packet.reopenedFromId) : null;
  const reopenedAs = ex
    .select({ id: packets.id, status: packets.status, at: packetEvents.at })
    .from(packets)
    .leftJoin(packetEvents, eq(packetEvents.packetId, packets.id))
    .where(eq(packets.reopenedFromId, packet.id))
    .orderBy(packetEvents.id)
    .get();
  return {
    reopenedFrom: packet.reopenedFromId && from ? { id: packet.reopenedFromId, decidedAt: from.decidedAt, reasons: from.reasons, missing: from.missing } : null,
    reopenedAs: reopenedAs ? { id: reopenedAs.id, status: reopenedAs.status, at: reopenedAs.at } : null,
  };
}
