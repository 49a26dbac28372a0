import "server-only";
import { and, desc, eq, ne, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db } from "@/db";
import { frameworkVersions, packets, people, versionLevels } from "@/db/schema";
import type { ActionItem } from "@/lib/domain/action-item";
import { levelLabel } from "@/lib/domain/level-label";
import type { Viewer } from "@/lib/domain/viewer";
import { isAdmin } from "@/lib/policies/core";
import { canReadManagerPart, canReadPacketNotes, canTakePacketStep, canWriteCase, canWriteManagerPart } from "@/lib/policies/packets";
import { recordAudit } from "./audit";
import { entriesById } from "./evidence";
import { orgBelow } from "./manager-reviews";
import { authorisePacket, levelInVersion, levelTexts, packetReadiness, packetTimeline, readCase, readManagerCells, versionCells } from "./packet-records";

/*
 * Reading packets: one packet as the viewer may see it (every read by someone
 * other than its author is audited), the lists, and "Needs my action".
 */
export function getPacket(viewer: Viewer, packetId: string) {
  const { packet, relationship, role } = authorisePacket(db(), viewer, packetId);
  if (role !== "author") recordAudit(db(), { actorId: viewer.id, action: "packet.read", recordType: "packet", recordId: packetId, summary: `Read ${packet.personName}'s promotion packet` });
  const versionId = packet.frameworkVersionId;
  const target = levelInVersion(db(), versionId, packet.targetLevelKey);
  const from = levelInVersion(db(), versionId, packet.fromLevelKey);
  const targetTexts = levelTexts(db(), versionId, packet.targetLevelKey);
  const fromTexts = levelTexts(db(), versionId, packet.fromLevelKey);
  const saved = readCase(db(), packetId);
  const byCell = new Map(saved.cells.map((c) => [c.cell, c]));
  const cells = versionCells(db(), versionId).map((c) => ({
    ...c,
    target: targetTexts.get(c.id) ?? null,
    current: fromTexts.get(c.id) ?? null,
    text: byCell.get(c.id)?.text ?? "",
    textVersion: saved.textVersions[c.id] ?? 1,
    citations: byCell.get(c.id)?.citations ?? [],
  }));
  const manager = canReadManagerPart(viewer, relationship, packet.status) ? readManagerCells(db(), packetId) : null;
  const names = (id: string | null) => (id ? (db().select({ name: people.name }).from(people).where(eq(people.id, id)).get()?.name ?? null) : null);
  const events = packetTimeline(packetId);
  const last = events.at(-1);
  return {
    packet: { ...packet, summary: saved.summary },
    role,
    from,
    target,
    frameworkVersion: db().select({ number: frameworkVersions.number, name: frameworkVersions.name }).from(frameworkVersions).where(eq(frameworkVersions.id, versionId)).get()!,
    startedBy: names(packet.startedById),
    authorManager: names(packet.personManagerId),
    cells,
    manager: manager ? { cells: manager, author: names(packet.managerAuthorId) } : null,
    readiness: manager ? packetReadiness(db(), packet, manager) : null,
    events,
    returned: packet.status === "draft" && last?.step === "return" ? last : null,
    cited: Object.fromEntries(entriesById(db(), [...new Set(cells.flatMap((c) => c.citations))])),
    can: {
      writeCase: canWriteCase(viewer, relationship, packet.status),
      writeReview: canWriteManagerPart(viewer, relationship, packet.status),
      withdraw: canTakePacketStep(viewer, relationship, packet.status, "withdraw"),
      readNotes: canReadPacketNotes(viewer, relationship),
    },
  };
}

const target = alias(versionLevels, "target");
const rowColumns = {
  id: packets.id,
  personId: packets.personId,
  personName: people.name,
  managerId: people.managerId,
  status: packets.status,
  kind: packets.kind,
  targetCode: target.code,
  targetName: target.name,
  targetLevelKey: packets.targetLevelKey,
  updatedAt: packets.updatedAt,
};
const listRows = (where: SQL | undefined) =>
  db()
    .select(rowColumns)
    .from(packets)
    .innerJoin(people, eq(people.id, packets.personId))
    .leftJoin(target, and(eq(target.versionId, packets.frameworkVersionId), eq(target.levelKey, packets.targetLevelKey)))
    .where(where)
    .orderBy(desc(packets.updatedAt))
    .all()
    .map(({ targetCode, targetName, targetLevelKey, ...r }) => ({ ...r, targetLabel: levelLabel({ code: targetCode, name: targetName, key: targetLevelKey }) }));

/* The viewer's own packets, and the packets they may read of others: their org below them (admins: everyone). */
export function listPackets(viewer: Viewer) {
  const mine = listRows(eq(packets.personId, viewer.id));
  const scope = isAdmin(viewer) ? ne(packets.personId, viewer.id) : viewer.hasReports ? sql`${packets.personId} in ${orgBelow(viewer.id)}` : null;
  const others = scope ? listRows(scope).map((r) => ({ ...r, directReport: r.managerId === viewer.id })) : [];
  return { mine, others };
}

const lastStep = sql<string | null>`(select e.step from packet_events e where e.packet_id = ${packets.id} order by e.id desc limit 1)`;

/* "Needs my action": the viewer's own draft (to write, or to revise after a return) and their direct reports' packets submitted to them. */
export function packetActionItems(viewer: Viewer): ActionItem[] {
  const columns = { ...rowColumns, startedById: packets.startedById, lastStep };
  const base = () => db().select(columns).from(packets).innerJoin(people, eq(people.id, packets.personId)).leftJoin(target, and(eq(target.versionId, packets.frameworkVersionId), eq(target.levelKey, packets.targetLevelKey)));
  const label = (r: { targetCode: string | null; targetName: string | null; targetLevelKey: string }) => levelLabel({ code: r.targetCode, name: r.targetName, key: r.targetLevelKey });
  const own = base()
    .where(and(eq(packets.personId, viewer.id), eq(packets.status, "draft")))
    .all()
    .map((r): ActionItem => {
      const returned = r.lastStep === "return";
      return {
        id: `packet-${r.id}`,
        kind: "Promotion packet",
        title: returned ? `Revise your promotion packet for ${label(r)}` : `Write your promotion packet for ${label(r)}`,
        detail: returned ? "Returned with feedback: it is beside the cells it concerns" : r.startedById === viewer.id ? "Draft saved; submit it to your manager when it is ready" : "Your manager started it for you; write your case and submit it",
        href: `/packets/${r.id}`,
        cta: returned ? "Revise" : "Continue",
      };
    });
  const toReview = base()
    .where(and(eq(people.managerId, viewer.id), eq(people.active, true), eq(packets.status, "submitted")))
    .all()
    .map((r): ActionItem => ({
      id: `review-packet-${r.id}`,
      kind: "Promotion packet",
      title: `Review ${r.personName}'s promotion packet for ${label(r)}`,
      detail: "Submitted to you: rate each cell, then return it with feedback or endorse it",
      href: `/packets/${r.id}`,
      cta: "Review",
    }));
  return [...own, ...toReview];
}
