import crypto from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import type { Viewer } from "@/lib/domain/viewer";
import { db } from "@/db";
import { auditLog, committeeVotes, endorsementRequests, notifications, notificationSettings, packetPrivateNotes, stipendClaims, stipendSettings } from "@/db/schema";
import { endOtherSessions } from "@/lib/dal/account";
import { changePassword } from "@/lib/dal/people";
import { verifyPassword } from "@/lib/security/password";
import { checkSession, createSession } from "@/lib/dal/sessions";
import { createEvidence } from "@/lib/dal/evidence";
import { getOutboxStatus } from "@/lib/dal/email-outbox";
import { getEmailPreference, saveEmailPreference } from "@/lib/dal/notification-settings";
import { listNotifications, markAllNotificationsRead, markNotificationRead, notify } from "@/lib/dal/notifications";
import { fileClaim, TEST_TODAY } from "@/lib/test/builders";
import { newViewer, type Actor, type Org } from "@/lib/test/org";
import { action, ALL_CELLS, asPerson, fileTeamViewClaims, mustSucceed, personRow, runRows, type Row } from "@/lib/test/access-dal/harness";
import { ACCESS_TABLE, tableFigures } from "@/lib/test/access-table";
import { tableProblems } from "@/lib/test/access-coverage";
import { appSurface } from "@/lib/test/app-surface";
import { packetIn, packetRow, rateAll, type PacketState } from "@/lib/test/packets";
import { getPacket, listPackets } from "@/lib/dal/packets";
import { getStartOptions, startPacket } from "@/lib/dal/packet-start";
import { savePacketCase, submitPacket, withdrawPacket } from "@/lib/dal/packet-case";
import { endorsePacket, returnPacket, savePacketReview } from "@/lib/dal/packet-review";
import { getPacketNotes, savePacketNotes } from "@/lib/dal/packet-notes";
import { getPacketSettings, savePacketSettings } from "@/lib/dal/packet-settings";
import { answerEndorsementRequest, declineEndorsementRequest, getEndorsementRequest, listMyEndorsementRequests } from "@/lib/dal/endorsement-answers";
import { cancelEndorsementRequest, endorsementCandidates, requestEndorsements } from "@/lib/dal/endorsements";
import { getCommitteePacket, listCommitteePackets } from "@/lib/dal/committee-packets";
import { recordVote } from "@/lib/dal/committee-votes";
import { decidePacket } from "@/lib/dal/packet-decision";
import { reopenPacket } from "@/lib/dal/packet-reopen";
import { orgToday } from "@/lib/dal/org-settings";
import { getPacketDocument } from "@/lib/dal/packet-document";
import { exportMyData } from "@/lib/dal/data-export";
import { peopleRows } from "@/lib/test/access-dal/people";
import { stipendRows } from "@/lib/test/access-dal/stipend";
import { frameworkRows } from "@/lib/test/access-dal/framework";
import { evidenceReviewRows } from "@/lib/test/access-dal/evidence-reviews";
import { managerReviewRows } from "@/lib/test/access-dal/manager-reviews";
import { entryRow } from "@/lib/test/access-dal/evidence-reviews";

/*
 * The DAL rows of the access-control table (lib/test/access-dal/harness.ts
 * says how a row is run and proven), and the check that the table's proofs
 * name rows that exist.
 */


const dalRows: Row[] = [];

/* ---------- What everyone does for themselves ---------- */

const EVERY_ACTOR = ["engineer", "peer", "manager", "director", "otherManager", "admin"] as const;
const changeOwnPassword = action(
  async (org, a) => {
    const [kept, other] = [createSession(org.people[a].id, "credentials"), createSession(org.people[a].id, "credentials")];
    return { kept, other, result: await changePassword(org.as[a], kept, "", `new passphrase for ${a} 1`) };
  },
  async ({ kept, other, result }, org, a) => {
    expect(result).toEqual({ ok: true });
    await expect(verifyPassword(`new passphrase for ${a} 1`, personRow(org.people[a].id).passwordHash)).resolves.toBe(true);
    expect(checkSession(kept).valid).toBe(true);
    expect(checkSession(other)).toMatchObject({ valid: false, reason: "password-changed" });
  },
);
const endOwnOtherSessions = action(
  (org, a) => {
    const [kept, other] = [createSession(org.people[a].id, "credentials"), createSession(org.people[a].id, "credentials")];
    endOtherSessions(org.as[a], kept);
    return { kept, other };
  },
  ({ kept, other }) => {
    expect(checkSession(kept).valid).toBe(true);
    expect(checkSession(other)).toEqual({ valid: false, reason: "ended-by-owner" });
  },
);
const fileOwnClaim = action(
  (org, a) => fileClaim(org.as[a], { item: `Own claim of ${a}`, amountPaidMinor: 100 }, TEST_TODAY),
  (id, org, a) => expect(db().select().from(stipendClaims).where(eq(stipendClaims.id, id)).get()).toMatchObject({ personId: org.people[a].id, item: `Own claim of ${a}`, status: "pending" }),
);
const logOwnEvidence = action(
  (org, a) => createEvidence(org.as[a], { title: `Own win of ${a}`, occurredOn: "2026-01-15", description: "", links: [], cells: [{ competencyKey: "values", themeKey: "complexity" }] }),
  (result, org, a) => {
    expect(result.ok).toBe(true);
    expect(entryRow((result as { value: string }).value)).toMatchObject({ personId: org.people[a].id, title: `Own win of ${a}` });
  },
);
dalRows.push(
  ...EVERY_ACTOR.flatMap((as) => [
    { what: "change own password", as, expect: "allowed" as const, action: changeOwnPassword },
    { what: "end own other sessions", as, expect: "allowed" as const, action: endOwnOtherSessions },
    { what: "file own claim", as, expect: "allowed" as const, action: fileOwnClaim },
    { what: "log own evidence", as, expect: "allowed" as const, action: logOwnEvidence },
  ]),
);

/* ---------- Promotion packets ---------- */

/*
 * Each packet row gets a new direct report of the manager with a packet in
 * the state the row needs. "engineer" rows act as that report, the packet's
 * author; the peer is their peer (same manager), the director the manager
 * above, otherManager an unrelated manager.
 */
const freshPacket = (org: Org, state: PacketState | "none") => {
  const { viewer: author } = newViewer({ managerId: org.people.manager.id });
  return { author, id: state === "none" ? "" : packetIn(state, author, org.as.manager) };
};
const actorFor = (org: Org, a: Actor, author: Viewer) => (a === "engineer" ? author : org.as[a]);
const onPacket = <R>(state: PacketState | "none", call: (viewer: Viewer, fresh: { author: Viewer; id: string }) => R) => (org: Org, a: Actor) => {
  const fresh = freshPacket(org, state);
  return { ...fresh, result: call(actorFor(org, a, fresh.author), fresh) };
};
type Fresh<R> = { author: Viewer; id: string; result: R };
const done = (r: unknown) => expect(r).toMatchObject({ ok: true });
const statusIs = (id: string, status: string) => expect(packetRow(id).status).toBe(status);

const readPacket = action(
  onPacket("submitted", (viewer, { id }) => getPacket(viewer, id)),
  ({ id, author, result }, org, a) => {
    expect(result.packet).toMatchObject({ id, personId: author.id, status: "submitted" });
    const reads = db().select().from(auditLog).where(and(eq(auditLog.recordId, id), eq(auditLog.action, "packet.read"))).all();
    expect(reads.map((r) => r.actorId)).toEqual(a === "engineer" ? [] : [org.as[a].id]);
  },
);
const listPacketsAs = action(
  onPacket("draft", (viewer) => listPackets(viewer)),
  ({ id, result }, _org, a) => {
    const seen = [...result.mine, ...result.others].map((p) => p.id);
    if (a === "peer" || a === "otherManager") expect(seen).not.toContain(id);
    else expect(seen).toContain(id);
  },
);
const startPacketFor = action(
  onPacket("none", (viewer, { author }) => ({ options: getStartOptions(viewer, author.id), started: startPacket(viewer, author.id, "ic3") })),
  ({ author, result }: Fresh<{ options: ReturnType<typeof getStartOptions>; started: ReturnType<typeof startPacket> }>) => {
    expect(result.options.targets.map((t) => t.key)).toEqual(["ic3"]);
    const started = result.started as { ok: true; value: string };
    expect(packetRow(started.value)).toMatchObject({ personId: author.id, status: "draft", targetLevelKey: "ic3" });
  },
);
const saveCase = action(
  onPacket("draft", (viewer, { id }) => savePacketCase(viewer, id, 1, { summary: "Written by the row", cells: [] })),
  ({ id, result }) => {
    expect(result).toMatchObject({ ok: true, version: 2 });
    expect(packetRow(id).summary).toBe("Written by the row");
  },
);
const submitOwn = action(
  (org: Org, a: Actor) => {
    const fresh = freshPacket(org, "draft");
    writeWholeCase(fresh);
    return { ...fresh, result: submitPacket(actorFor(org, a, fresh.author), fresh.id, packetRow(fresh.id).caseVersion, "") };
  },
  ({ id, result }) => {
    done(result);
    statusIs(id, "submitted");
  },
);
const saveReview = action(
  onPacket("submitted", (viewer, { id }) => savePacketReview(viewer, id, packetRow(id).managerVersion, ALL_CELLS.map((cell) => ({ cell, rating: "exceeds", comment: "Row", justification: "" })))),
  ({ id, result }) => {
    expect(result).toMatchObject({ ok: true, value: { readiness: { ready: true } } });
    expect(getPacket(asPerson(packetRow(id).managerAuthorId!), id).manager?.cells.every((c) => c.rating === "exceeds")).toBe(true);
  },
);
const returnIt = action(
  onPacket("submitted", (viewer, { id }) => returnPacket(viewer, id, packetRow(id).managerVersion, "More on influence")),
  ({ id, result }) => {
    done(result);
    statusIs(id, "draft");
  },
);
const endorseIt = action(
  (org: Org, a: Actor) => {
    const fresh = freshPacket(org, "submitted");
    rateAll(org.as.manager, fresh.id, "meets");
    return { ...fresh, result: endorsePacket(actorFor(org, a, fresh.author), fresh.id, packetRow(fresh.id).managerVersion, "Ready") };
  },
  ({ id, result }) => {
    done(result);
    statusIs(id, "endorsed");
  },
);
const withdrawIt = action(
  onPacket("submitted", (viewer, { id }) => withdrawPacket(viewer, id, "Not now")),
  ({ id, result }) => {
    done(result);
    statusIs(id, "withdrawn");
  },
);
const readPacketNotes = action(
  (org: Org, a: Actor) => {
    const fresh = freshPacket(org, "submitted");
    savePacketNotes(org.as.manager, fresh.id, 0, "Row note");
    return { ...fresh, result: getPacketNotes(actorFor(org, a, fresh.author), fresh.id) };
  },
  ({ result }) => expect(result.body).toBe("Row note"),
);
const writePacketNotes = action(
  onPacket("submitted", (viewer, { id }) => savePacketNotes(viewer, id, 0, "Written note")),
  ({ id, result }) => {
    expect(result).toMatchObject({ ok: true, version: 1 });
    expect(db().select({ body: packetPrivateNotes.body }).from(packetPrivateNotes).where(eq(packetPrivateNotes.packetId, id)).get()).toEqual({ body: "Written note" });
  },
);
let packetSettingsVersion = 0;
const packetSettingsAs = action(
  (org: Org, a: Actor) => ({ read: getPacketSettings(org.as[a]), saved: savePacketSettings(org.as[a], { minimumRating: "meets", maxJustifiedGaps: null }, packetSettingsVersion) }),
  ({ read, saved }) => {
    expect(read.words).toMatch(/^Ready for the committee when/);
    expect(saved).toEqual({ ok: true, value: ++packetSettingsVersion });
  },
);
/* The packet as a document (print view, PDF): read like the packet page, every cell in it, audited the same way with how it was read. */
const packetDocumentAs = (via: "print" | "pdf") =>
  action(
    onPacket("submitted", (viewer, { id }) => getPacketDocument(viewer, id, via)),
    ({ id, author, result }, org, a) => {
      expect(result.personName).toBe(author.name);
      expect(result.document.sections.map((s) => s.title)).toEqual(expect.arrayContaining(["Summary", "Values · Complexity", "Leadership · Multiplier effect", "Timeline"]));
      const reads = db().select().from(auditLog).where(and(eq(auditLog.recordId, id), eq(auditLog.action, "packet.read"))).all();
      expect(reads.map((r) => [r.actorId, r.summary.endsWith(via === "pdf" ? "(PDF)" : "(print view)")])).toEqual(a === "engineer" ? [] : [[org.as[a].id, true]]);
    },
  );
/* A draft needs its case written before it can be submitted. */
function writeWholeCase(fresh: { author: Viewer; id: string }) {
  savePacketCase(fresh.author, fresh.id, packetRow(fresh.id).caseVersion, { summary: "S", cells: ALL_CELLS.map((cell) => ({ cell, text: "Case", citations: [] })) });
}
const others = (except: Actor[]) => (["engineer", "manager", "director", "admin", "otherManager", "peer"] as Actor[]).filter((x) => !except.includes(x));

dalRows.push(
  ...(["engineer", "manager", "director", "admin"] as const).map((as) => ({ what: "read a packet (read audited for all but its author)", as, expect: "allowed" as const, action: readPacket })),
  ...(["otherManager", "peer"] as const).map((as) => ({ what: "read a packet", as, expect: "refused" as const, action: readPacket })),
  ...(["print", "pdf"] as const).flatMap((via) => [
    ...(["engineer", "manager", "director", "admin"] as const).map((as) => ({ what: `read a packet as a document (${via}; audited for all but its author)`, as, expect: "allowed" as const, action: packetDocumentAs(via) })),
    ...(["otherManager", "peer"] as const).map((as) => ({ what: `read a packet as a document (${via})`, as, expect: "refused" as const, action: packetDocumentAs(via) })),
  ]),
  ...others([]).map((as) => ({ what: "list packets (only those they may read)", as, expect: "allowed" as const, action: listPacketsAs })),
  ...(["engineer", "manager"] as const).map((as) => ({ what: "start a packet (for themselves, or a direct report)", as, expect: "allowed" as const, action: startPacketFor })),
  ...others(["engineer", "manager"]).map((as) => ({ what: "start a packet for someone else's report", as, expect: "refused" as const, action: startPacketFor })),
  { what: "write their packet's case", as: "engineer", expect: "allowed", action: saveCase },
  { what: "submit their packet", as: "engineer", expect: "allowed", action: submitOwn },
  ...others(["engineer"]).flatMap((as) => [
    { what: "write someone else's packet's case", as, expect: "refused" as const, action: saveCase },
    { what: "submit someone else's packet", as, expect: "refused" as const, action: submitOwn },
  ]),
  { what: "rate a direct report's packet", as: "manager", expect: "allowed", action: saveReview },
  { what: "return a direct report's packet", as: "manager", expect: "allowed", action: returnIt },
  { what: "endorse a direct report's packet", as: "manager", expect: "allowed", action: endorseIt },
  ...others(["manager"]).flatMap((as) => [
    { what: "rate a packet they do not manage directly", as, expect: "refused" as const, action: saveReview },
    { what: "return a packet they do not manage directly", as, expect: "refused" as const, action: returnIt },
    { what: "endorse a packet they do not manage directly", as, expect: "refused" as const, action: endorseIt },
  ]),
  ...(["engineer", "manager"] as const).map((as) => ({ what: "withdraw a packet (author or direct manager)", as, expect: "allowed" as const, action: withdrawIt })),
  ...others(["engineer", "manager"]).map((as) => ({ what: "withdraw someone else's packet", as, expect: "refused" as const, action: withdrawIt })),
  ...(["manager", "director", "admin"] as const).map((as) => ({ what: "read a packet's private notes", as, expect: "allowed" as const, action: readPacketNotes })),
  ...(["engineer", "otherManager", "peer"] as const).map((as) => ({ what: "read a packet's private notes", as, expect: "refused" as const, action: readPacketNotes })),
  { what: "write private notes on a direct report's packet", as: "manager", expect: "allowed", action: writePacketNotes },
  ...others(["manager"]).map((as) => ({ what: "write private notes on a packet", as, expect: "refused" as const, action: writePacketNotes })),
  { what: "read and set the readiness rule", as: "admin", expect: "allowed", action: packetSettingsAs },
  ...others(["admin"]).map((as) => ({ what: "read and set the readiness rule", as, expect: "refused" as const, action: packetSettingsAs })),
);

/* ---------- Endorsements and the committee ---------- */

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
dalRows.push(
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
);

/* ---------- Notifications ---------- */

/* A new notification for `who` about a claim of theirs; returns its id. */
const notificationFor = (org: Org, who: Actor) => {
  const title = `Access-control notice ${crypto.randomUUID()}`;
  const record = { type: "stipend-claim" as const, id: `ac-${crypto.randomUUID()}`, ownerId: org.people[who].id };
  db().transaction((tx) => notify(tx, { kind: "claim-approved", recipients: [org.people[who].id], record, actorId: null, title }));
  return db().select({ id: notifications.id }).from(notifications).where(eq(notifications.title, title)).get()!.id;
};
const readAtOf = (id: string) => db().select({ readAt: notifications.readAt }).from(notifications).where(eq(notifications.id, id)).get()!.readAt;
const listOwnNotifications = action(
  (org, a) => ({ id: notificationFor(org, a), list: listNotifications(org.as[a]) }),
  ({ id, list }, org, a) => {
    expect(list.items.map((n) => n.id)).toContain(id);
    expect(db().select({ to: notifications.recipientId }).from(notifications).where(inArray(notifications.id, list.items.map((n) => n.id))).all().every((n) => n.to === org.people[a].id)).toBe(true);
  },
);
const markOwnRead = action(
  (org, a) => {
    const id = notificationFor(org, a);
    return { id, path: markNotificationRead(org.as[a], id) };
  },
  ({ id, path }) => {
    expect(path).toMatch(/^\/stipend\/claims\/ac-/);
    expect(readAtOf(id)).toEqual(expect.any(Date));
  },
);
/* Marks the engineer's notification read as whoever acts: only the engineer may. */
const markEngineersRead = action(
  (org, a) => {
    const id = notificationFor(org, "engineer");
    return { id, path: markNotificationRead(org.as[a], id) };
  },
  ({ id }) => expect(readAtOf(id)).toEqual(expect.any(Date)),
);
/* "Mark all read" reaches the viewer's own notifications and nobody else's. */
const markAllOnlyOwn = action(
  (org, a) => {
    const others = notificationFor(org, a === "engineer" ? "peer" : "engineer");
    const own = notificationFor(org, a);
    return { others, own, marked: markAllNotificationsRead(org.as[a]) };
  },
  ({ others, own, marked }) => {
    expect(marked).toBeGreaterThanOrEqual(1);
    expect(readAtOf(own)).toEqual(expect.any(Date));
    expect(readAtOf(others)).toBeNull();
  },
);
const saveOwnEmailSetting = action(
  (org, a) => saveEmailPreference(org.as[a], "digest", getEmailPreference(org.as[a]).version),
  (result, org, a) => {
    expect(result).toMatchObject({ ok: true });
    expect(db().select({ email: notificationSettings.email }).from(notificationSettings).where(eq(notificationSettings.personId, org.people[a].id)).get()).toEqual({ email: "digest" });
  },
);
const outboxStatus = action(
  (org, a) => getOutboxStatus(org.as[a]),
  (status) => expect(status).toMatchObject({ counts: expect.any(Object), failed: expect.any(Array) }),
);

/* ---------- Data export ---------- */

/*
 * "Download my data" takes no person: whoever asks gets their own, so there
 * is no one to refuse. The proof is that the file is the asker's and names
 * nobody else's records (the engineer's claim is in the engineer's file only).
 */
const exportOwnData = action(
  (org, a) => exportMyData(org.as[a]),
  (data, org, a) => {
    expect(data.person).toMatchObject({ id: org.people[a].id, email: org.people[a].email });
    const file = JSON.stringify(data);
    expect(file.includes("Team view engineer")).toBe(a === "engineer");
    expect(file.includes("Team view outsider")).toBe(a === "outsider");
  },
);

const EVERYONE = ["admin", "director", "manager", "engineer", "peer", "otherManager", "outsider"] as const;
dalRows.push(
  ...EVERYONE.flatMap((as) => [
    { what: "list own notifications (and only those)", as, expect: "allowed" as const, action: listOwnNotifications },
    { what: "mark own notification read", as, expect: "allowed" as const, action: markOwnRead },
    { what: "mark all own notifications read, nobody else's", as, expect: "allowed" as const, action: markAllOnlyOwn },
    { what: "choose own email setting", as, expect: "allowed" as const, action: saveOwnEmailSetting },
    { what: "download own data (and only their own)", as, expect: "allowed" as const, action: exportOwnData },
  ]),
  { what: "mark the engineer's notification read", as: "engineer", expect: "allowed", action: markEngineersRead },
  ...EVERYONE.filter((as) => as !== "engineer").map((as) => ({ what: "mark the engineer's notification read", as, expect: "refused" as const, action: markEngineersRead })),
  { what: "see the email outbox's status", as: "admin", expect: "allowed", action: outboxStatus },
  ...EVERYONE.filter((as) => as !== "admin").map((as) => ({ what: "see the email outbox's status", as, expect: "refused" as const, action: outboxStatus })),
);

let org: Org;

runRows(dalRows, async (o) => {
  org = o;
  await fileTeamViewClaims(org, ["engineer", "outsider"]);
  db().insert(stipendSettings).values({ id: 1, rejectedReceiptRetentionDays: 120, version: 1, updatedById: org.people.admin.id }).run();
});

/*
 * The table over the whole app: every page, route handler and server action
 * (read from the source) has a row for every role, and every allowed action
 * cell is proven by an allowed row above. e2e/access-control.spec.ts runs the
 * table's cells over HTTP.
 */
describe("the access-control table", () => {
  const surface = appSurface();
  const rows: Row[] = [...peopleRows, ...frameworkRows, ...stipendRows, ...evidenceReviewRows, ...managerReviewRows, ...dalRows];

  it("covers every page, route handler and server action, for every role, with proofs", () => {
    expect(surface.filter((e) => e.kind === "page").length).toBeGreaterThan(25);
    expect(surface.filter((e) => e.kind === "action").length).toBeGreaterThan(25);
    expect(tableProblems(surface, ACCESS_TABLE, rows)).toEqual([]);
  });

  it("fails for an entry without a row, a missing role or a proof that does not exist", () => {
    const [first, ...rest] = ACCESS_TABLE;
    const withoutRole = { ...first!, cells: { ...first!.cells, director: undefined as never } };
    const packetRow = ACCESS_TABLE.find((r) => r.packet)!;
    const withoutPacketRole = { ...packetRow, cells: { ...packetRow.cells, recusedMember: undefined } };
    const unproven = ACCESS_TABLE.find((r) => r.entry.startsWith("action ") && r.proofs && Object.keys(r.proofs).length)!;
    const problems = tableProblems(
      [...surface, { kind: "page", key: "page /brand-new", file: "app/(app)/brand-new/page.tsx" }, { kind: "inline-action", key: "inline action app/x.tsx:3", file: "app/x.tsx" }],
      [withoutRole, withoutPacketRole, ...rest.filter((r) => r !== unproven && r !== packetRow), { ...unproven, proofs: { ...unproven.proofs, engineer: { what: "no such row" }, manager: { what: "no such row" }, admin: { what: "no such row" } } }],
      rows,
    );
    expect(problems.join("\n")).toMatch(/page \/brand-new has no row/);
    expect(problems.join("\n")).toMatch(/inline action app\/x.tsx:3: move it/);
    expect(problems.join("\n")).toMatch(/no cell for director/);
    expect(problems.join("\n")).toMatch(/no cell for recusedMember/);
    expect(problems.join("\n")).toMatch(/"no such row" as \w+, does not exist/);
  });

  it("has figures for SECURITY.md", () => {
    const figures = tableFigures();
    console.info(`access-control table: ${figures.rows} rows, ${figures.cells} cells (${figures.allowed} allowed, ${figures.refused} refused, ${figures.signIn} sign-in, ${figures.public} public); ${rows.length} DAL rows (${rows.filter((r) => r.expect === "allowed").length} allowed, ${rows.filter((r) => r.expect === "refused").length} refused)`);
    expect(figures.cells).toBe(figures.allowed + figures.refused + figures.signIn + figures.public);
    expect(figures.refused).toBeGreaterThan(100);
  });
});
