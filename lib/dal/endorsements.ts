import "server-only";
import crypto from "node:crypto";
import { and, asc, eq, inArray, ne, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { endorsementCells, endorsementRequests, people } from "@/db/schema";
import { cellId, parseCellId } from "@/lib/domain/cell-ref";
import type { PacketStatus } from "@/lib/domain/enums";
import { fieldError, refused, type Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { endorsementMessages } from "@/lib/notifications/messages";
import { answerFreshness, requestState, whyNotAskable } from "@/lib/packets/endorsements";
import { canAskForEndorsements, canCancelEndorsementRequest } from "@/lib/policies/endorsements";
import { recordAudit } from "./audit";
import { notify } from "./notifications";
import { authorisePacket, versionCells } from "./packet-records";
import { relationshipTo } from "./people";

/*
 * The author's side of endorsements: whom they may ask, asking (one request
 * per colleague, naming the cells), cancelling a request still waiting, and
 * the requests with their answers as the packet's readers see them.
 */
const managerChain = (ex: Executor, personId: string): string[] =>
  ex
    .all<{ id: string }>(
      sql`with recursive chain(id, manager_id, depth) as (select id, manager_id, 0 from people where id = ${personId} union all select p.id, p.manager_id, chain.depth + 1 from people p join chain on p.id = chain.manager_id where chain.depth < 64) select id from chain where depth > 0`,
    )
    .map((r) => r.id);

const liveRequestsOf = (ex: Executor, packetId: string) =>
  ex.select({ endorserId: endorsementRequests.endorserId }).from(endorsementRequests).where(and(eq(endorsementRequests.packetId, packetId), ne(endorsementRequests.status, "cancelled"))).all().map((r) => r.endorserId);

/* Colleagues the author may still ask: active, not themselves, not their managers, not already asked. */
export function endorsementCandidates(viewer: Viewer, packetId: string) {
  const { packet, relationship } = authorisePacket(db(), viewer, packetId);
  if (!canAskForEndorsements(viewer, relationship, packet.status)) throw new NotFoundError("packet");
  const chain = managerChain(db(), packet.personId);
  const asked = new Set(liveRequestsOf(db(), packetId));
  return db()
    .select({ id: people.id, name: people.name, team: people.team, active: people.active })
    .from(people)
    .where(eq(people.active, true))
    .orderBy(asc(people.name))
    .all()
    .filter((p) => !asked.has(p.id) && whyNotAskable(p, packet.personId, chain) === null)
    .map(({ id, name, team }) => ({ id, name, team }));
}

export function requestEndorsements(viewer: Viewer, packetId: string, input: { endorserIds: string[]; cells: string[]; message: string }): Result<number> {
  return db().transaction(
    (tx): Result<number> => {
      const { packet, relationship, role } = authorisePacket(tx, viewer, packetId);
      if (!canAskForEndorsements(viewer, relationship, packet.status)) {
        if (role !== "author") throw new NotFoundError("packet");
        return refused("Endorsements are asked for while the packet is a draft or with your manager.");
      }
      const known = new Set(versionCells(tx, packet.frameworkVersionId).map((c) => c.id));
      const cells = [...new Set(input.cells)];
      if (cells.length === 0) return fieldError("cells", "Choose at least one cell to be endorsed");
      if (cells.some((c) => !known.has(c) || !parseCellId(c))) return fieldError("cells", "Choose cells of this packet");
      const endorserIds = [...new Set(input.endorserIds)];
      if (endorserIds.length === 0) return fieldError("endorserIds", "Choose at least one colleague");
      const chain = managerChain(tx, packet.personId);
      const asked = new Set(liveRequestsOf(tx, packetId));
      const candidates = tx.select({ id: people.id, name: people.name, active: people.active }).from(people).where(inArray(people.id, endorserIds)).all();
      if (candidates.length !== endorserIds.length) return fieldError("endorserIds", "Choose colleagues from the list");
      for (const c of candidates) {
        const why = asked.has(c.id) ? `${c.name} has already been asked` : whyNotAskable(c, packet.personId, chain);
        if (why) return fieldError("endorserIds", why);
      }
      for (const endorser of candidates) {
        const id = crypto.randomUUID();
        tx.insert(endorsementRequests).values({ id, packetId, endorserId: endorser.id, requestedById: viewer.id, message: input.message }).run();
        for (const cell of cells) tx.insert(endorsementCells).values({ requestId: id, ...parseCellId(cell)! }).run();
        recordAudit(tx, { actorId: viewer.id, action: "endorsement.request", recordType: "packet", recordId: packetId, summary: `Asked ${endorser.name} to endorse ${cells.length} ${cells.length === 1 ? "cell" : "cells"}` });
        const words = { authorName: packet.personName, endorserName: endorser.name, cells: cells.length, message: input.message };
        notify(tx, { kind: "endorsement-requested", recipients: [endorser.id], record: { type: "endorsement-request", id, ownerId: packet.personId, facts: { endorserId: endorser.id, status: "pending" } }, actorId: viewer.id, ...endorsementMessages.requested(words) });
      }
      return { ok: true, value: candidates.length };
    },
    { behavior: "immediate" },
  );
}

/* The author takes back a request nobody has answered yet; the colleague loses access to the claims. */
export function cancelEndorsementRequest(viewer: Viewer, requestId: string): Result {
  return db().transaction(
    (tx): Result => {
      const request = tx.select({ packetId: endorsementRequests.packetId, endorserId: endorsementRequests.endorserId, status: endorsementRequests.status, endorserName: people.name }).from(endorsementRequests).innerJoin(people, eq(people.id, endorsementRequests.endorserId)).where(eq(endorsementRequests.id, requestId)).get();
      if (!request) throw new NotFoundError("endorsement request");
      const { packet, role } = authorisePacket(tx, viewer, request.packetId);
      if (!canCancelEndorsementRequest(viewer, relationshipTo(viewer.id, packet.personId), request, packet.status)) {
        if (role !== "author") throw new NotFoundError("endorsement request");
        return refused(`${request.endorserName} has already answered; an answer stays with the packet.`);
      }
      tx.update(endorsementRequests).set({ status: "cancelled", closedAt: new Date(), version: sql`${endorsementRequests.version} + 1` }).where(eq(endorsementRequests.id, requestId)).run();
      recordAudit(tx, { actorId: viewer.id, action: "endorsement.cancel", recordType: "packet", recordId: request.packetId, summary: `Cancelled the request to ${request.endorserName}` });
      return { ok: true, value: undefined };
    },
    { behavior: "immediate" },
  );
}

/*
 * A packet's requests and answers, for whoever reads the packet (the caller
 * has checked that): each asked cell's answer with the words it was given to,
 * and whether the case has changed since.
 */
export function endorsementsForPacket(ex: Executor, packet: { id: string; status: PacketStatus }, cells: { id: string; name: string; anchor: string; text: string; textVersion: number }[]) {
  const requests = ex
    .select({ id: endorsementRequests.id, endorserId: endorsementRequests.endorserId, endorserName: people.name, status: endorsementRequests.status, message: endorsementRequests.message, declineReason: endorsementRequests.declineReason, createdAt: endorsementRequests.createdAt, answeredAt: endorsementRequests.answeredAt })
    .from(endorsementRequests)
    .innerJoin(people, eq(people.id, endorsementRequests.endorserId))
    .where(and(eq(endorsementRequests.packetId, packet.id), ne(endorsementRequests.status, "cancelled")))
    .orderBy(asc(endorsementRequests.createdAt), asc(people.name))
    .all();
  const answers = requests.length ? ex.select().from(endorsementCells).where(inArray(endorsementCells.requestId, requests.map((r) => r.id))).all() : [];
  const byId = new Map(cells.map((c) => [c.id, c]));
  return requests.map((r) => ({
    ...r,
    state: requestState(r.status, packet.status),
    cells: answers
      .filter((a) => a.requestId === r.id)
      .map((a) => {
        const cell = byId.get(cellId(a));
        const current = cell?.textVersion ?? 1;
        return { cell: cellId(a), name: cell?.name ?? cellId(a), anchor: cell?.anchor ?? "", stance: a.stance, comment: a.comment, answeredAt: a.answeredAt, answeredText: a.answeredText, currentText: cell?.text ?? "", freshness: a.stance && a.textVersion !== null ? answerFreshness(a.textVersion, current) : null };
      })
      .sort((x, y) => cells.findIndex((c) => c.id === x.cell) - cells.findIndex((c) => c.id === y.cell)),
  }));
}

/* The author's requests on one packet in a few words, for their Needs my action: "Endorsements: 1 answered, 2 waiting." */
export function endorsementStatusInWords(ex: Executor, packetId: string): string {
  const rows = ex.select({ status: endorsementRequests.status }).from(endorsementRequests).where(and(eq(endorsementRequests.packetId, packetId), ne(endorsementRequests.status, "cancelled"))).all();
  const count = (status: string) => rows.filter((r) => r.status === status).length;
  const parts = [["answered", "answered"], ["declined", "declined"], ["pending", "waiting"]].map(([status, word]) => (count(status!) ? `${count(status!)} ${word}` : "")).filter(Boolean);
  return parts.length ? `Endorsements: ${parts.join(", ")}.` : "";
}
