import "server-only";
import { and, eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { packetCells, packetDecisions, packets, people, versionLevels } from "@/db/schema";
import { parseCellId } from "@/lib/domain/cell-ref";
import type { PacketOutcome } from "@/lib/domain/enums";
import { fieldError, refused, type Failure, type Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { nextPacketStatus } from "@/lib/packets/flow";
import { canDecidePacket } from "@/lib/policies/packets";
import { applyLevelChange } from "./level-changes";
import { levelInVersion, loadPacket, recordPacketStep, versionCells } from "./packet-records";
import { relationshipTo } from "./people";

/*
 * The committee's decision, recorded by an admin with reasons. Approved: the
 * person's level changes to the target in the same transaction, with the
 * effective date, in their level history (the same rules as any level
 * change), so their framework view, next level and next review cycle follow.
 * Declined: what is missing, per cell, for the engineer and the manager.
 */
export type DecisionInput = { outcome: PacketOutcome; reasons: string; effectiveDate: string | null; missing: Record<string, string> };

export function decidePacket(viewer: Viewer, packetId: string, input: DecisionInput): Result {
  return db().transaction(
    (tx): Result => {
      const packet = loadPacket(tx, packetId);
      if (!packet || !canDecidePacket(viewer, relationshipTo(viewer.id, packet.personId))) throw new NotFoundError("packet");
      const step = input.outcome === "approved" ? "approve" : "decline";
      const to = nextPacketStatus(packet.status, step);
      if (!to) return refused("This packet is not with the committee: only a packet endorsed by the manager can be decided, once.");
      if (!input.reasons.trim()) return fieldError("reasons", "Write the committee's reasons: the person and their manager read them");
      const target = levelInVersion(tx, packet.frameworkVersionId, packet.targetLevelKey);
      let note: string;
      if (input.outcome === "approved") {
        if (!input.effectiveDate) return fieldError("effectiveDate", "Give the date the new level takes effect");
        const person = tx.select({ id: people.id, levelKey: people.levelKey, version: people.version }).from(people).where(eq(people.id, packet.personId)).get()!;
        if (person.levelKey !== packet.fromLevelKey) return refused(`${packet.personName}'s level has changed since the packet was started; record the change under People admin instead.`);
        const trackKey = tx.select({ trackKey: versionLevels.trackKey }).from(versionLevels).where(and(eq(versionLevels.versionId, packet.frameworkVersionId), eq(versionLevels.levelKey, packet.targetLevelKey))).get()!.trackKey;
        const changed = applyLevelChange(tx, viewer.id, person, { trackKey, levelKey: packet.targetLevelKey, effectiveDate: input.effectiveDate, reason: `${target.label}: promotion packet approved by the committee` });
        if (!changed.ok) return changed;
        note = `${target.label} from ${formatDate(input.effectiveDate)}.\n\n${input.reasons.trim()}`;
      } else {
        const problem = writeMissing(tx, packet, input.missing);
        if (problem) return problem;
        note = input.reasons.trim();
      }
      const now = new Date();
      tx.insert(packetDecisions).values({ packetId, outcome: input.outcome, reasons: input.reasons.trim(), effectiveDate: input.outcome === "approved" ? input.effectiveDate : null, decidedById: viewer.id, decidedAt: now }).run();
      tx.update(packets).set({ status: to, closedAt: now, updatedAt: now, caseVersion: packet.caseVersion + 1, managerVersion: packet.managerVersion + 1 }).where(eq(packets.id, packetId)).run();
      recordPacketStep(tx, { packetId, actorId: viewer.id, step, from: packet.status, to, note, about: `${packet.personName}, for ${target.label}` });
      return { ok: true, value: undefined };
    },
    { behavior: "immediate" },
  );
}

/* A decline says what is missing for at least one cell; each cell's words go beside that cell. */
function writeMissing(tx: Executor, packet: { id: string; frameworkVersionId: number }, missing: Record<string, string>): Failure | null {
  const known = new Set(versionCells(tx, packet.frameworkVersionId).map((c) => c.id));
  const written = Object.entries(missing).filter(([, text]) => text.trim());
  if (written.some(([cell]) => !known.has(cell))) return fieldError("missing", "Write what is missing for cells of this packet");
  if (written.length === 0) return fieldError("missing", "Say what is missing for at least one cell");
  for (const [cell, text] of written) {
    const ref = parseCellId(cell)!;
    tx.update(packetCells).set({ missing: text.trim() }).where(and(eq(packetCells.packetId, packet.id), eq(packetCells.competencyKey, ref.competencyKey), eq(packetCells.themeKey, ref.themeKey))).run();
  }
  return null;
}
