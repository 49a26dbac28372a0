import "server-only";
import crypto from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import { db } from "@/db";
import { evidenceEntries, packetCells, packetCitations, packets, people } from "@/db/schema";
import { parseCellId } from "@/lib/domain/cell-ref";
import { refused, type Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { formatDate } from "@/lib/format";
import { findTarget } from "@/lib/packets/targets";
import { canTakePacketStep } from "@/lib/policies/packets";
import { latestPublishedVersionId } from "./framework";
import { authorisePacket, casedCells, recordPacketStep, versionCells } from "./packet-records";
import { levelsOf, openPacketOf } from "./packet-start";

/*
 * Reopening a declined packet: the author or their direct manager starts a
 * new draft for the same target, pinned to the framework published now, that
 * starts from the declined packet's summary, case and citations (for the
 * cells the framework still has). The two link to each other; the declined
 * packet, its decision and its timeline stay as they were.
 */
export function reopenPacket(viewer: Viewer, packetId: string): Result<string> {
  return db().transaction(
    (tx): Result<string> => {
      const { packet, relationship, role } = authorisePacket(tx, viewer, packetId);
      if (!canTakePacketStep(viewer, relationship, packet.status, "reopen")) {
        if (role !== "author" && role !== "direct-manager") throw new NotFoundError("packet");
        return refused("Only a declined packet can be reopened.");
      }
      const already = tx.select({ id: packets.id }).from(packets).where(eq(packets.reopenedFromId, packetId)).get();
      if (already) return refused("This packet has already been reopened; open the new draft.");
      const own = packet.personId === viewer.id;
      if (openPacketOf(tx, packet.personId)) return refused(`${own ? "You already have" : `${packet.personName} already has`} an open promotion packet. Finish or withdraw it first.`);
      const person = tx.select({ levelKey: people.levelKey, active: people.active }).from(people).where(eq(people.id, packet.personId)).get()!;
      const versionId = latestPublishedVersionId();
      const target = versionId ? findTarget(levelsOf(tx, versionId), person.levelKey, packet.targetLevelKey) : null;
      if (!person.active || !versionId || !target) return refused("The framework no longer offers this target level from the current level; start a new packet instead.");

      const id = crypto.randomUUID();
      const old = casedCells(tx, packet);
      const oldByCell = new Map(old.cells.map((c) => [c.id, c]));
      tx.insert(packets).values({ id, personId: packet.personId, startedById: viewer.id, frameworkVersionId: versionId, fromLevelKey: person.levelKey, targetLevelKey: packet.targetLevelKey, kind: target.kind, summary: old.summary, reopenedFromId: packetId }).run();
      const cited = [...new Set(old.cells.flatMap((c) => c.citations))];
      const citable = new Set(cited.length ? tx.select({ id: evidenceEntries.id }).from(evidenceEntries).where(and(inArray(evidenceEntries.id, cited), isNull(evidenceEntries.removedAt))).all().map((e) => e.id) : []);
      for (const c of versionCells(tx, versionId)) {
        const before = oldByCell.get(c.id);
        tx.insert(packetCells).values({ packetId: id, competencyKey: c.competencyKey, themeKey: c.themeKey, caseText: before?.text ?? "" }).run();
        for (const entryId of before?.citations ?? []) if (citable.has(entryId)) tx.insert(packetCitations).values({ packetId: id, ...parseCellId(c.id)!, entryId }).run();
      }
      const declinedOn = formatDate(packet.closedAt);
      recordPacketStep(tx, { packetId, actorId: viewer.id, step: "reopened-as", from: "declined", to: "declined", note: "", about: packet.personName });
      recordPacketStep(tx, { packetId: id, actorId: viewer.id, step: "reopen", from: "declined", to: "draft", note: `Reopened from the packet declined on ${declinedOn}, starting from its case.`, about: packet.personName });
      return { ok: true, value: id };
    },
    { behavior: "immediate" },
  );
}
