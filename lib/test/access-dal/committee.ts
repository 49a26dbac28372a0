import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db";
import { auditLog, committeeVotes, endorsementRequests } from "@/db/schema";
import type { Viewer } from "@/lib/domain/viewer";
import { getCommitteePacket, listCommitteePackets } from "@/lib/dal/committee-packets";
import { recordVote } from "@/lib/dal/committee-votes";
import { answerEndorsementRequest, declineEndorsementRequest, getEndorsementRequest, listMyEndorsementRequests } from "@/lib/dal/endorsement-answers";
import { cancelEndorsementRequest, endorsementCandidates, requestEndorsements } from "@/lib/dal/endorsements";
import { orgToday } from "@/lib/dal/org-settings";
import { decidePacket } from "@/lib/dal/packet-decision";
import { reopenPacket } from "@/lib/dal/packet-reopen";
import { getPacket } from "@/lib/dal/packets";
import type { Actor, Org } from "@/lib/test/org";
import { packetRow } from "@/lib/test/packets";
import { action, mustSucceed, personRow, type Row } from "./harness";
import { actorFor, done, freshPacket, onPacket, statusIs } from "./packet-helpers";

/* ---------- Endorsements and the committee: requests, answers, the committee's view, votes, decisions, reopening ---------- */

/*
 * On a fresh packet of a new direct report of the manager: "engineer" is its
 * author, the outsider the colleague asked to endorse it, the peer a
 * colleague not asked (and a committee member, not recused), the director a
 * committee member recused from it (it is in their org), the admin records
 * the committee's decision.
 */
const CELLS_ASKED = ["values.complexity", "technical.influence"];
const askOutsider = (fresh: { author: Viewer; id: string }, org: Org) => {
  mustSucceed(requestEndorsements(fresh.author, fresh.id, { endorserIds: [org.people.outsider.id], cells: CELLS_ASKED, message: "Row" }));
  return db().select({ id: endorsementRequests.id }).from(endorsementRequests).where(and(eq(endorsementRequests.packetId, fresh.id), eq(endorsementRequests.endorserId, org.people.outsider.id))).get()!.id;
};
const onRequest = <R>(call: (viewer: Viewer, fresh: { author: Viewer; id: string; requestId: string }) => R) => (org: Org, a: Actor) => {
  const fresh = freshPacket(org, "submitted");
  const requestId = askOutsider(fresh, org);
  return { ...fresh, requestId, result: call(actorFor(org, a, fresh.author), { ...fresh, requestId }) };
};
const requestStatus = (id: string) => db().select({ status: endorsementRequests.status }).from(endorsementRequests).where(eq(endorsementRequests.id, id)).get()!.status;

const listCandidates = action(
  onPacket("draft", (viewer, { id }) => endorsementCandidates(viewer, id)),
  ({ result, author }, org) => {
    expect(result.map((c) => c.id)).toContain(org.people.outsider.id);
    expect(result.map((c) => c.id)).not.toContain(author.id);
  },
);
const askForEndorsement = action(
  (o: Org, a: Actor) => {
    const fresh = freshPacket(o, "draft");
    return { ...fresh, result: requestEndorsements(actorFor(o, a, fresh.author), fresh.id, { endorserIds: [o.people.outsider.id], cells: CELLS_ASKED, message: "" }) };
  },
  ({ id, result }) => {
    expect(result).toEqual({ ok: true, value: 1 });
    expect(db().select({ status: endorsementRequests.status }).from(endorsementRequests).where(eq(endorsementRequests.packetId, id)).all()).toEqual([{ status: "pending" }]);
  },
);
const cancelRequest = action(
  onRequest((viewer, { requestId }) => cancelEndorsementRequest(viewer, requestId)),
  ({ requestId, result }) => {
    done(result);
    expect(requestStatus(requestId)).toBe("cancelled");
  },
);
const readRequest = action(
  onRequest((viewer, { requestId }) => getEndorsementRequest(viewer, requestId)),
  ({ id, result }, org) => {
    expect(result.cells.map((c) => c.id)).toEqual(CELLS_ASKED);
    expect(JSON.stringify(result)).not.toMatch(/Seen in|managerRating|readiness/);
    expect(db().select({ actorId: auditLog.actorId }).from(auditLog).where(and(eq(auditLog.recordId, id), eq(auditLog.action, "packet.read"))).all()).toContainEqual({ actorId: org.people.outsider.id });
  },
);
const answerRequest = action(
  onRequest((viewer, { requestId }) => answerEndorsementRequest(viewer, requestId, 1, CELLS_ASKED.map((cell, i) => ({ cell, stance: i === 0 ? "endorse" : "question", comment: "Row comment" })))),
  ({ requestId, result }) => {
    expect(result).toMatchObject({ ok: true, version: 2 });
    expect(requestStatus(requestId)).toBe("answered");
  },
);
const declineRequest = action(
  onRequest((viewer, { requestId }) => declineEndorsementRequest(viewer, requestId, "Not my area")),
  ({ requestId, result }) => {
    done(result);
    expect(requestStatus(requestId)).toBe("declined");
  },
);
const listOwnRequests = action(
  onRequest((viewer) => listMyEndorsementRequests(viewer)),
  ({ requestId, result }, _org, a) => {
    if (a === "outsider") expect(result.map((r) => r.id)).toContain(requestId);
    else expect(result.map((r) => r.id)).not.toContain(requestId);
  },
);
const endorserReadsPacket = action(
  onRequest((viewer, { id }) => getPacket(viewer, id)),
  ({ id, result }) => expect(result.packet.id).toBe(id),
);

const listCommitteeAs = action(
  onPacket("endorsed", (viewer) => listCommitteePackets(viewer)),
  ({ id, result }, _org, a) => {
    const row = result.inCommittee.find((p) => p.id === id)!;
    expect(row).toMatchObject(a === "director" ? { open: false, recusal: "Recused: someone in your org" } : { open: true, recusal: null });
  },
);
const openCommitteePacket = action(
  onPacket("endorsed", (viewer, { id }) => getCommitteePacket(viewer, id)),
  ({ id, result }, org, a) => {
    expect(result.packet).toMatchObject({ id, status: "endorsed" });
    expect(db().select({ actorId: auditLog.actorId }).from(auditLog).where(and(eq(auditLog.recordId, id), eq(auditLog.action, "packet.read"))).all()).toEqual([{ actorId: org.people[a].id }]);
  },
);
const voteOn = action(
  onPacket("endorsed", (viewer, { id }) => recordVote(viewer, id, "approve", "Row vote")),
  ({ id, result }, org, a) => {
    done(result);
    expect(db().select({ vote: committeeVotes.vote }).from(committeeVotes).where(and(eq(committeeVotes.packetId, id), eq(committeeVotes.memberId, org.people[a].id))).get()).toEqual({ vote: "approve" });
  },
);
const decide = action(
  onPacket("endorsed", (viewer, { id }) => decidePacket(viewer, id, { outcome: "approved", reasons: "Row reasons", effectiveDate: orgToday(), missing: {} })),
  ({ id, author, result }) => {
    done(result);
    statusIs(id, "approved");
    expect(personRow(author.id).levelKey).toBe("ic3");
  },
);
const reopen = action(
  (org: Org, a: Actor) => {
    const fresh = freshPacket(org, "endorsed");
    mustSucceed(decidePacket(org.as.admin, fresh.id, { outcome: "declined", reasons: "Row", effectiveDate: null, missing: { "values.complexity": "More" } }));
    return { ...fresh, result: reopenPacket(actorFor(org, a, fresh.author), fresh.id) };
  },
  ({ id, result }) => {
    const reopened = (result as { ok: true; value: string }).value;
    expect(packetRow(reopened)).toMatchObject({ status: "draft", reopenedFromId: id });
  },
);

const PACKET_PEOPLE = ["engineer", "manager", "director", "admin", "peer", "outsider", "otherManager"] as const;
const except = (...allowed: Actor[]) => PACKET_PEOPLE.filter((x) => !allowed.includes(x));
export const committeeRows: Row[] = [
  { what: "list colleagues to ask for endorsements (the author)", as: "engineer", expect: "allowed", action: listCandidates },
  ...except("engineer").map((as) => ({ what: "list colleagues to ask for endorsements on someone else's packet", as, expect: "refused" as const, action: listCandidates })),
  { what: "ask a colleague to endorse their packet", as: "engineer", expect: "allowed", action: askForEndorsement },
  ...except("engineer").map((as) => ({ what: "ask for endorsements on someone else's packet", as, expect: "refused" as const, action: askForEndorsement })),
  { what: "cancel their own pending endorsement request", as: "engineer", expect: "allowed", action: cancelRequest },
  ...except("engineer").map((as) => ({ what: "cancel an endorsement request (endorser included)", as, expect: "refused" as const, action: cancelRequest })),
  { what: "read an endorsement request asked of them (only the asked claims; audited)", as: "outsider", expect: "allowed", action: readRequest },
  ...except("outsider").map((as) => ({ what: "read an endorsement request asked of someone else", as, expect: "refused" as const, action: readRequest })),
  { what: "answer an endorsement request asked of them", as: "outsider", expect: "allowed", action: answerRequest },
  ...except("outsider").map((as) => ({ what: "answer an endorsement request asked of someone else", as, expect: "refused" as const, action: answerRequest })),
  { what: "decline an endorsement request asked of them", as: "outsider", expect: "allowed", action: declineRequest },
  ...except("outsider").map((as) => ({ what: "decline an endorsement request asked of someone else", as, expect: "refused" as const, action: declineRequest })),
  ...PACKET_PEOPLE.map((as) => ({ what: "list endorsement requests asked of them (and only those)", as, expect: "allowed" as const, action: listOwnRequests })),
  { what: "read the packet itself as its endorser", as: "outsider", expect: "refused", action: endorserReadsPacket },
  ...(["peer", "director", "admin"] as const).map((as) => ({ what: "list the committee's packets (a recused member sees theirs as recused)", as, expect: "allowed" as const, action: listCommitteeAs })),
  ...(["engineer", "manager", "outsider", "otherManager"] as const).map((as) => ({ what: "list the committee's packets, not on the committee", as, expect: "refused" as const, action: listCommitteeAs })),
  ...(["peer", "admin"] as const).map((as) => ({ what: "open a packet in the committee's view (audited)", as, expect: "allowed" as const, action: openCommitteePacket })),
  ...(["engineer", "manager", "director", "outsider", "otherManager"] as const).map((as) => ({ what: "open a packet in the committee's view (author, manager, recused member, others)", as, expect: "refused" as const, action: openCommitteePacket })),
  { what: "vote on a packet in committee, as a member not recused", as: "peer", expect: "allowed", action: voteOn },
  ...except("peer").map((as) => ({ what: "vote on a packet in committee (recused member, admin, others)", as, expect: "refused" as const, action: voteOn })),
  { what: "record the committee's decision", as: "admin", expect: "allowed", action: decide },
  ...except("admin").map((as) => ({ what: "record the committee's decision", as, expect: "refused" as const, action: decide })),
  ...(["engineer", "manager"] as const).map((as) => ({ what: "reopen a declined packet (author or direct manager)", as, expect: "allowed" as const, action: reopen })),
  ...except("engineer", "manager").map((as) => ({ what: "reopen someone else's declined packet", as, expect: "refused" as const, action: reopen })),
];

/* No records: each row makes its packet; the peer and the director are on the committee in every feature's org (lib/test/access-dal/harness.ts). */
export function setupCommittee() {}
