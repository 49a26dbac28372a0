import "server-only";
import { and, asc, eq, inArray, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import type { ActionItem } from "@/lib/domain/action-item";
import { endorsementCells, endorsementRequests, packetCells, packets, people } from "@/db/schema";
import { OPEN_PACKET_STATUSES } from "@/lib/domain/enums";
import { cellId, parseCellId } from "@/lib/domain/cell-ref";
import { conflicted, refused, type Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { endorsementMessages } from "@/lib/notifications/messages";
import { answerFreshness, answerProblems, answerSummary, type AnswerInput } from "@/lib/packets/endorsements";
import { canAnswerEndorsementRequest, canDeclineEndorsementRequest, canReadEndorsementRequest } from "@/lib/policies/endorsements";
import { recordAudit } from "./audit";
import { notify } from "./notifications";
import { levelInVersion, levelTexts, loadPacket, versionCells } from "./packet-records";

/*
 * The endorser's side: their request, read through the request alone. It
 * carries the asked cells' case and the target level's expectation and
 * nothing else of the packet: no manager's part, readiness, private notes,
 * summary or cited evidence (the evidence log is the author's and their
 * managers'). Every read is audited on the packet. Answering ties each
 * answer to the case's wording at that moment.
 */
function loadRequest(ex: Executor, viewer: Viewer, requestId: string) {
  const request = ex.select().from(endorsementRequests).where(eq(endorsementRequests.id, requestId)).get();
  if (!request || !canReadEndorsementRequest(viewer, request)) throw new NotFoundError("endorsement request");
  const packet = loadPacket(ex, request.packetId)!;
  return { request, packet };
}

/* The asked cells: name, the target level's words, the case as it stands and its wording count, and the endorser's answer. */
function askedCells(ex: Executor, request: { id: string }, packet: NonNullable<ReturnType<typeof loadPacket>>) {
  const asked = ex.select().from(endorsementCells).where(eq(endorsementCells.requestId, request.id)).all();
  const askedIds = new Set(asked.map(cellId));
  const cases = new Map(ex.select({ competencyKey: packetCells.competencyKey, themeKey: packetCells.themeKey, text: packetCells.caseText, textVersion: packetCells.textVersion }).from(packetCells).where(eq(packetCells.packetId, packet.id)).all().map((c) => [cellId(c), c]));
  const targets = levelTexts(ex, packet.frameworkVersionId, packet.targetLevelKey);
  return versionCells(ex, packet.frameworkVersionId)
    .filter((c) => askedIds.has(c.id))
    .map((c) => {
      const answer = asked.find((a) => cellId(a) === c.id)!;
      const current = cases.get(c.id);
      const target = targets.get(c.id);
      return {
        id: c.id,
        anchor: c.anchor,
        name: c.name,
        expectation: target?.expectation ?? null,
        description: target?.description ?? null,
        text: current?.text ?? "",
        textVersion: current?.textVersion ?? 1,
        stance: answer.stance,
        comment: answer.comment,
        answeredText: answer.answeredText,
        answeredAt: answer.answeredAt,
        freshness: answer.stance && answer.textVersion !== null ? answerFreshness(answer.textVersion, current?.textVersion ?? 1) : null,
      };
    });
}

export function getEndorsementRequest(viewer: Viewer, requestId: string) {
  const { request, packet } = loadRequest(db(), viewer, requestId);
  const cells = askedCells(db(), request, packet);
  recordAudit(db(), { actorId: viewer.id, action: "packet.read", recordType: "packet", recordId: packet.id, summary: `Read ${packet.personName}'s claims as an endorser (${cells.length} ${cells.length === 1 ? "cell" : "cells"})` });
  return {
    request: { id: request.id, status: request.status, message: request.message, declineReason: request.declineReason, version: request.version, createdAt: request.createdAt, answeredAt: request.answeredAt },
    packet: { authorName: packet.personName, status: packet.status, target: levelInVersion(db(), packet.frameworkVersionId, packet.targetLevelKey).label, kind: packet.kind },
    cells,
    can: { answer: canAnswerEndorsementRequest(viewer, request, packet.status), decline: canDeclineEndorsementRequest(viewer, request, packet.status) },
  };
}

const refusedForState = (status: string) => refused(status === "declined" ? "You declined this request." : "This packet has closed; its requests can no longer be answered.");

/*
 * The endorser's answer, against the version their page loaded. An answer
 * that changes (or that the endorser confirms for the current wording) is
 * stamped with the case as it stands; an unchanged one keeps the wording it
 * was given to, so it still shows as given to an earlier version.
 */
export function answerEndorsementRequest(viewer: Viewer, requestId: string, expectedVersion: number, answers: AnswerInput[]): Result & { version?: number } {
  return db().transaction(
    (tx) => {
      const { request, packet } = loadRequest(tx, viewer, requestId);
      if (!canAnswerEndorsementRequest(viewer, request, packet.status)) return refusedForState(request.status);
      if (request.version !== expectedVersion) return conflicted(request.version, undefined, "You answered this request in another tab or device. Reload to see the saved answer before changing it.");
      const cells = askedCells(tx, request, packet);
      const byId = new Map(answers.map((a) => [a.cell, a]));
      if (answers.some((a) => !cells.some((c) => c.id === a.cell))) throw new NotFoundError("endorsement cell");
      const complete = cells.map((c) => byId.get(c.id) ?? { cell: c.id, stance: null, comment: "" });
      const problems = answerProblems(complete);
      if (problems) return { ok: false as const, ...problems };
      const now = new Date();
      for (const c of cells) {
        const a = byId.get(c.id) ?? { cell: c.id, stance: null, comment: "" };
        const ref = parseCellId(c.id)!;
        const where = and(eq(endorsementCells.requestId, requestId), eq(endorsementCells.competencyKey, ref.competencyKey), eq(endorsementCells.themeKey, ref.themeKey));
        const comment = a.stance ? a.comment.trim() : "";
        const unchanged = a.stance === c.stance && comment === c.comment && !a.reconfirm;
        if (unchanged) continue;
        tx.update(endorsementCells)
          .set(a.stance ? { stance: a.stance, comment, textVersion: c.textVersion, answeredText: c.text, answeredAt: now } : { stance: null, comment: "", textVersion: null, answeredText: null, answeredAt: null })
          .where(where)
          .run();
      }
      const version = request.version + 1;
      tx.update(endorsementRequests).set({ status: "answered", answeredAt: now, version }).where(eq(endorsementRequests.id, requestId)).run();
      const summary = answerSummary(complete);
      recordAudit(tx, { actorId: viewer.id, action: "endorsement.answer", recordType: "packet", recordId: packet.id, summary: `${viewer.name} ${summary}` });
      const words = { authorName: packet.personName, endorserName: viewer.name, cells: cells.length, message: "" };
      notify(tx, { kind: "endorsement-answered", recipients: [packet.personId], record: { type: "packet", id: packet.id, ownerId: packet.personId }, actorId: viewer.id, ...endorsementMessages.answered(words, summary) });
      return { ok: true as const, value: undefined, version };
    },
    { behavior: "immediate" },
  );
}

export function declineEndorsementRequest(viewer: Viewer, requestId: string, reason: string): Result {
  return db().transaction(
    (tx): Result => {
      const { request, packet } = loadRequest(tx, viewer, requestId);
      if (!canDeclineEndorsementRequest(viewer, request, packet.status)) return request.status === "answered" ? refused("You have answered this request; change your answers instead.") : refusedForState(request.status);
      tx.update(endorsementRequests).set({ status: "declined", declineReason: reason, closedAt: new Date(), version: request.version + 1 }).where(eq(endorsementRequests.id, requestId)).run();
      recordAudit(tx, { actorId: viewer.id, action: "endorsement.decline", recordType: "packet", recordId: packet.id, summary: `${viewer.name} declined the endorsement request` });
      const words = { authorName: packet.personName, endorserName: viewer.name, cells: 0, message: "" };
      notify(tx, { kind: "endorsement-answered", recipients: [packet.personId], record: { type: "packet", id: packet.id, ownerId: packet.personId }, actorId: viewer.id, ...endorsementMessages.declined(words, reason) });
      return { ok: true, value: undefined };
    },
    { behavior: "immediate" },
  );
}

/* The viewer's own requests: asked of them, newest first, with the packet's state. */
export function listMyEndorsementRequests(viewer: Viewer) {
  return db()
    .select({ id: endorsementRequests.id, status: endorsementRequests.status, createdAt: endorsementRequests.createdAt, answeredAt: endorsementRequests.answeredAt, authorName: people.name, packetStatus: packets.status, cells: sql<number>`(select count(*) from endorsement_cells c where c.request_id = "endorsement_requests"."id")` })
    .from(endorsementRequests)
    .innerJoin(packets, eq(packets.id, endorsementRequests.packetId))
    .innerJoin(people, eq(people.id, packets.personId))
    .where(and(eq(endorsementRequests.endorserId, viewer.id), sql`${endorsementRequests.status} <> 'cancelled'`))
    .orderBy(sql`${endorsementRequests.createdAt} desc`, asc(endorsementRequests.id))
    .all();
}

/* "Needs my action": each request waiting on the viewer while its packet is open. */
export function endorsementActionItems(viewer: Viewer): ActionItem[] {
  return db()
    .select({ id: endorsementRequests.id, authorName: people.name, createdAt: endorsementRequests.createdAt, cells: sql<number>`(select count(*) from endorsement_cells c where c.request_id = "endorsement_requests"."id")` })
    .from(endorsementRequests)
    .innerJoin(packets, eq(packets.id, endorsementRequests.packetId))
    .innerJoin(people, eq(people.id, packets.personId))
    .where(and(eq(endorsementRequests.endorserId, viewer.id), eq(endorsementRequests.status, "pending"), inArray(packets.status, [...OPEN_PACKET_STATUSES])))
    .orderBy(asc(endorsementRequests.createdAt))
    .all()
    .map((r) => ({
      id: `endorse-${r.id}`,
      kind: "Endorsement",
      title: `Endorse ${r.authorName}'s promotion packet`,
      detail: `${r.cells} ${r.cells === 1 ? "claim" : "claims"} to endorse or question, or decline the request`,
      href: `/endorsements/${r.id}`,
      cta: "Answer",
    }));
}

/* Whether the viewer has ever been asked, for the navigation. */
export const hasEndorsementRequests = (viewer: Viewer) => Boolean(db().select({ id: endorsementRequests.id }).from(endorsementRequests).where(and(eq(endorsementRequests.endorserId, viewer.id), sql`${endorsementRequests.status} <> 'cancelled'`)).limit(1).get());
