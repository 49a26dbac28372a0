import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, type Executor } from "@/db";
import { committeeVotes, packets, people, versionLevels } from "@/db/schema";
import type { ActionItem } from "@/lib/domain/action-item";
import { levelLabel } from "@/lib/domain/level-label";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { tallyVotes } from "@/lib/packets/committee";
import { isAdmin } from "@/lib/policies/core";
import { canOpenCommitteePacket, canSeeVotes, canVote, committeeStanding, isRecused, RECUSAL_REASON } from "@/lib/policies/committee";
import { canDecidePacket } from "@/lib/policies/packets";
import { recordAudit } from "./audit";
import { committeeMemberIds } from "./committee";
import { endorsementsForPacket } from "./endorsements";
import { entriesById } from "./evidence";
import { packetDecision } from "./packet-outcome";
import { casedCells, levelInVersion, loadPacket, packetReadiness, packetTimeline, readManagerCells } from "./packet-records";
import { relationshipTo } from "./people";

/*
 * The committee's view. Members see the packets that reached the committee,
 * recused ones listed as such and never opened; admins see them all (but
 * their own) to record the decision. Each opening is audited.
 */
export function canSeeCommittee(viewer: Viewer, ex: Executor = db()) {
  return isAdmin(viewer) || committeeMemberIds(ex).includes(viewer.id);
}

/* The packet, if the viewer may open it in the committee's view, with how they stand to it. */
export function authoriseCommitteePacket(ex: Executor, viewer: Viewer, packetId: string) {
  const packet = loadPacket(ex, packetId);
  if (!packet) throw new NotFoundError("packet");
  const memberIds = committeeMemberIds(ex);
  const relationship = relationshipTo(viewer.id, packet.personId);
  const standing = committeeStanding(memberIds.includes(viewer.id), relationship);
  if (!canOpenCommitteePacket(viewer, relationship, standing, packet.status)) throw new NotFoundError("packet");
  return { packet, relationship, standing, memberIds };
}

/* Members who may vote on a packet: the committee less those recused from it. */
export const eligibleVoters = (memberIds: string[], authorId: string) => memberIds.filter((id) => !isRecused(committeeStanding(true, relationshipTo(id, authorId))));

const target = alias(versionLevels, "target");

export function listCommitteePackets(viewer: Viewer) {
  if (!canSeeCommittee(viewer)) throw new NotFoundError("page");
  const memberIds = committeeMemberIds();
  const isMember = memberIds.includes(viewer.id);
  const rows = db()
    .select({ id: packets.id, personId: packets.personId, personName: people.name, status: packets.status, kind: packets.kind, endorsedAt: packets.endorsedAt, closedAt: packets.closedAt, targetCode: target.code, targetName: target.name, targetLevelKey: packets.targetLevelKey })
    .from(packets)
    .innerJoin(people, eq(people.id, packets.personId))
    .leftJoin(target, and(eq(target.versionId, packets.frameworkVersionId), eq(target.levelKey, packets.targetLevelKey)))
    .where(inArray(packets.status, ["endorsed", "approved", "declined"]))
    .orderBy(desc(packets.endorsedAt))
    .all();
  const votes = rows.length ? db().select({ packetId: committeeVotes.packetId, memberId: committeeVotes.memberId, vote: committeeVotes.vote }).from(committeeVotes).where(inArray(committeeVotes.packetId, rows.map((r) => r.id))).all() : [];
  const list = rows
    .filter((r) => r.endorsedAt !== null)
    .map(({ targetCode, targetName, targetLevelKey, ...r }) => {
      const relationship = relationshipTo(viewer.id, r.personId);
      const standing = committeeStanding(isMember, relationship);
      const mine = votes.filter((v) => v.packetId === r.id);
      const myVote = mine.find((v) => v.memberId === viewer.id)?.vote ?? null;
      const open = canOpenCommitteePacket(viewer, relationship, standing, r.status);
      return {
        ...r,
        targetLabel: levelLabel({ code: targetCode, name: targetName, key: targetLevelKey }),
        open,
        recusal: standing === "recused-own" || standing === "recused-org" ? RECUSAL_REASON[standing] : relationship === "self" ? "Your own packet" : null,
        myVote,
        tally: open && canSeeVotes(viewer, relationship, standing, r.status, myVote !== null) ? tallyVotes(mine, eligibleVoters(memberIds, r.personId)) : null,
        voted: mine.length,
      };
    });
  return { isMember, inCommittee: list.filter((r) => r.status === "endorsed"), decided: list.filter((r) => r.status !== "endorsed") };
}

export function getCommitteePacket(viewer: Viewer, packetId: string) {
  const { packet, relationship, standing, memberIds } = authoriseCommitteePacket(db(), viewer, packetId);
  recordAudit(db(), { actorId: viewer.id, action: "packet.read", recordType: "packet", recordId: packetId, summary: `Read ${packet.personName}'s promotion packet in the committee's view` });
  const { summary, cells } = casedCells(db(), packet);
  const votes = db().select({ memberId: committeeVotes.memberId, memberName: people.name, vote: committeeVotes.vote, comment: committeeVotes.comment, updatedAt: committeeVotes.updatedAt }).from(committeeVotes).innerJoin(people, eq(people.id, committeeVotes.memberId)).where(eq(committeeVotes.packetId, packetId)).orderBy(asc(committeeVotes.createdAt)).all();
  const mine = votes.find((v) => v.memberId === viewer.id) ?? null;
  const seesVotes = canSeeVotes(viewer, relationship, standing, packet.status, mine !== null);
  const eligible = eligibleVoters(memberIds, packet.personId);
  const manager = readManagerCells(db(), packetId);
  return {
    packet: { id: packet.id, personId: packet.personId, personName: packet.personName, status: packet.status, kind: packet.kind, endorsedAt: packet.endorsedAt, summary },
    from: levelInVersion(db(), packet.frameworkVersionId, packet.fromLevelKey),
    target: levelInVersion(db(), packet.frameworkVersionId, packet.targetLevelKey),
    cells,
    cited: Object.fromEntries(entriesById(db(), [...new Set(cells.flatMap((c) => c.citations))])),
    manager: { cells: manager, author: packet.managerAuthorId ? (db().select({ name: people.name }).from(people).where(eq(people.id, packet.managerAuthorId)).get()?.name ?? null) : null },
    readiness: packetReadiness(db(), packet, manager),
    endorsements: endorsementsForPacket(db(), packet, cells),
    events: packetTimeline(packetId),
    decision: packetDecision(db(), packetId),
    votes: seesVotes ? votes.filter((v) => v.memberId !== viewer.id) : null,
    myVote: mine,
    votedCount: votes.filter((v) => eligible.includes(v.memberId)).length,
    tally: seesVotes ? tallyVotes(votes, eligible) : null,
    eligibleCount: eligible.length,
    standing,
    can: { vote: canVote(standing, packet.status), decide: packet.status === "endorsed" && canDecidePacket(viewer, relationship) },
  };
}

/* "Needs my action": packets in committee waiting on the viewer's vote, and (admins) on a decision. */
export function committeeActionItems(viewer: Viewer): ActionItem[] {
  const memberIds = committeeMemberIds();
  const isMember = memberIds.includes(viewer.id);
  if (!isMember && !isAdmin(viewer)) return [];
  const waiting = db().select({ id: packets.id, personId: packets.personId, personName: people.name }).from(packets).innerJoin(people, eq(people.id, packets.personId)).where(eq(packets.status, "endorsed")).orderBy(asc(packets.endorsedAt)).all();
  const voted = new Set(db().select({ packetId: committeeVotes.packetId }).from(committeeVotes).where(eq(committeeVotes.memberId, viewer.id)).all().map((v) => v.packetId));
  const items: ActionItem[] = [];
  for (const p of waiting) {
    const relationship = relationshipTo(viewer.id, p.personId);
    if (canVote(committeeStanding(isMember, relationship), "endorsed") && !voted.has(p.id)) {
      items.push({ id: `vote-${p.id}`, kind: "Committee", title: `Vote on ${p.personName}'s promotion packet`, detail: "With the committee: read the case, then approve or decline with a comment", href: `/committee/${p.id}`, cta: "Vote" });
    }
    if (canDecidePacket(viewer, relationship)) {
      items.push({ id: `decide-${p.id}`, kind: "Committee", title: `Record the committee's decision on ${p.personName}'s promotion packet`, detail: "Approve with an effective date, or decline with what is missing", href: `/committee/${p.id}#decide`, cta: "Decide" });
    }
  }
  return items;
}
