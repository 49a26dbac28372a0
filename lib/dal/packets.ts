import "server-only";
import { and, desc, eq, inArray, ne, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db } from "@/db";
import { frameworkVersions, packets, people, versionLevels } from "@/db/schema";
import type { ActionItem } from "@/lib/domain/action-item";
import { OPEN_PACKET_STATUSES, PACKET_STATUSES } from "@/lib/domain/enums";
import { levelLabel } from "@/lib/domain/level-label";
import type { Viewer } from "@/lib/domain/viewer";
import { isAdmin } from "@/lib/policies/core";
import { reachedCommittee } from "@/lib/policies/committee";
import { canAskForEndorsements } from "@/lib/policies/endorsements";
import { canDecidePacket, canReadManagerPart, canReadPacketNotes, canTakePacketStep, canWriteCase, canWriteManagerPart } from "@/lib/policies/packets";
import { recordAudit } from "./audit";
import { entriesById } from "./evidence";
import { orgBelow } from "./manager-reviews";
import { endorsementStatusInWords, endorsementsForPacket } from "./endorsements";
import { packetDecision, packetLineage } from "./packet-outcome";
import { authorisePacket, casedCells, levelInVersion, packetReadiness, packetTimeline, readManagerCells } from "./packet-records";

/*
 * Reading packets: one packet as the viewer may see it (every read by someone
 * other than its author is audited), the lists, and "Needs my action".
 */
const READ_VIA = { page: "", print: " (print view)", pdf: " (PDF)" } as const;
export type PacketReadVia = keyof typeof READ_VIA;

export function getPacket(viewer: Viewer, packetId: string, via: PacketReadVia = "page") {
  const { packet, relationship, role } = authorisePacket(db(), viewer, packetId);
  if (role !== "author") recordAudit(db(), { actorId: viewer.id, action: "packet.read", recordType: "packet", recordId: packetId, summary: `Read ${packet.personName}'s promotion packet${READ_VIA[via]}` });
  const versionId = packet.frameworkVersionId;
  const { summary, cells } = casedCells(db(), packet);
  const manager = canReadManagerPart(viewer, relationship, packet.status) ? readManagerCells(db(), packetId) : null;
  const names = (id: string | null) => (id ? (db().select({ name: people.name }).from(people).where(eq(people.id, id)).get()?.name ?? null) : null);
  const events = packetTimeline(packetId);
  const last = events.at(-1);
  const decision = packetDecision(db(), packetId);
  return {
    packet: { ...packet, summary },
    role,
    from: levelInVersion(db(), versionId, packet.fromLevelKey),
    target: levelInVersion(db(), versionId, packet.targetLevelKey),
    frameworkVersion: db().select({ number: frameworkVersions.number, name: frameworkVersions.name }).from(frameworkVersions).where(eq(frameworkVersions.id, versionId)).get()!,
    startedBy: names(packet.startedById),
    authorManager: names(packet.personManagerId),
    cells: cells.map((c) => ({ ...c, missing: decision?.missing[c.id] ?? "" })),
    manager: manager ? { cells: manager, author: names(packet.managerAuthorId) } : null,
    readiness: manager ? packetReadiness(db(), packet, manager) : null,
    events,
    returned: packet.status === "draft" && last?.step === "return" ? last : null,
    cited: Object.fromEntries(entriesById(db(), [...new Set(cells.flatMap((c) => c.citations))])),
    endorsements: endorsementsForPacket(db(), packet, cells),
    decision,
    ...packetLineage(db(), packet),
    can: {
      writeCase: canWriteCase(viewer, relationship, packet.status),
      writeReview: canWriteManagerPart(viewer, relationship, packet.status),
      withdraw: canTakePacketStep(viewer, relationship, packet.status, "withdraw"),
      readNotes: canReadPacketNotes(viewer, relationship),
      askEndorsements: canAskForEndorsements(viewer, relationship, packet.status),
      reopen: canTakePacketStep(viewer, relationship, packet.status, "reopen"),
      openCommitteeView: reachedCommittee(packet.status) && canDecidePacket(viewer, relationship),
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
const listRows = (where: SQL | undefined, limit = -1) =>
  db()
    .select(rowColumns)
    .from(packets)
    .innerJoin(people, eq(people.id, packets.personId))
    .leftJoin(target, and(eq(target.versionId, packets.frameworkVersionId), eq(target.levelKey, packets.targetLevelKey)))
    .where(where)
    .orderBy(desc(packets.updatedAt), desc(packets.id))
    .limit(limit)
    .all()
    .map(({ targetCode, targetName, targetLevelKey, ...r }) => ({ ...r, targetLabel: levelLabel({ code: targetCode, name: targetName, key: targetLevelKey }) }));

/* How many closed packets of others a list shows at first, and adds with each "show more". */
export const CLOSED_PACKETS_PAGE = 50;
const CLOSED_STATUSES = PACKET_STATUSES.filter((s) => !(OPEN_PACKET_STATUSES as readonly string[]).includes(s));

/*
 * The viewer's own packets, and the packets they may read of others: their
 * org below them (admins: everyone). Others' open packets are all listed;
 * their decided and withdrawn ones, which only pile up, newest first and
 * `closedShown` at a time, so an admin of a large org never reads them all.
 */
export function listPackets(viewer: Viewer, closedShown = CLOSED_PACKETS_PAGE) {
  const mine = listRows(eq(packets.personId, viewer.id));
  const scope = isAdmin(viewer) ? ne(packets.personId, viewer.id) : viewer.hasReports ? sql`${packets.personId} in ${orgBelow(viewer.id)}` : null;
  if (!scope) return { mine, open: [], closed: [], moreClosed: false, others: [] };
  const mark = <T extends { managerId: string | null }>(r: T) => ({ ...r, directReport: r.managerId === viewer.id });
  const open = listRows(and(scope, inArray(packets.status, OPEN_PACKET_STATUSES))).map(mark);
  const closed = listRows(and(scope, inArray(packets.status, CLOSED_STATUSES)), closedShown + 1).map(mark);
  const shown = closed.slice(0, closedShown);
  return { mine, open, closed: shown, moreClosed: closed.length > closedShown, others: [...open, ...shown] };
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
      const state = returned
        ? "Returned with feedback: it is beside the cells it concerns"
        : r.lastStep === "reopen"
          ? "Reopened from a declined packet: what was missing is beside each cell"
          : r.startedById === viewer.id
            ? "Draft saved; submit it to your manager when it is ready"
            : "Your manager started it for you; write your case and submit it";
      const endorsements = endorsementStatusInWords(db(), r.id);
      return {
        id: `packet-${r.id}`,
        kind: "Promotion packet",
        title: returned ? `Revise your promotion packet for ${label(r)}` : `Write your promotion packet for ${label(r)}`,
        detail: endorsements ? `${state}. ${endorsements}` : state,
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
