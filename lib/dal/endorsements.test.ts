import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, notifications } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { buildOrg, newViewer, type Org } from "@/lib/test/org";
import { mustSucceed, packetIn, packetRow } from "@/lib/test/packets";
import { answerEndorsementRequest, declineEndorsementRequest, endorsementActionItems, getEndorsementRequest, listMyEndorsementRequests } from "./endorsement-answers";
import { cancelEndorsementRequest, endorsementCandidates, requestEndorsements } from "./endorsements";
import { savePacketCase, withdrawPacket } from "./packet-case";
import { savePacketNotes } from "./packet-notes";
import { getPacket } from "./packets";

/* Endorsements through the DAL: asking, what an endorser reads, answering, staleness after an edit, declining, cancelling. */
let org: Org;
beforeAll(() => {
  org = buildOrg();
});

const CELLS = ["values.complexity", "technical.influence", "leadership.influence"];
function asked(state: "draft" | "submitted" = "draft") {
  const { viewer: author, person } = newViewer({ managerId: org.people.manager.id });
  const id = packetIn(state, author, org.as.manager);
  mustSucceed(requestEndorsements(author, id, { endorserIds: [org.people.peer.id], cells: CELLS, message: "Mostly the migration work." }));
  const requestId = listMyEndorsementRequests(org.as.peer).find((r) => r.authorName === person.name)!.id;
  return { author, person, id, requestId };
}
const answers = (stances: ("endorse" | "question" | null)[]) => CELLS.map((cell, i) => ({ cell, stance: stances[i] ?? null, comment: stances[i] === "question" ? "Which teams?" : "Seen it." }));

describe("asking for endorsements", () => {
  it("offers colleagues but not the author or their managers, and refuses them when asked anyway", () => {
    const { viewer: author } = newViewer({ managerId: org.people.manager.id });
    const id = packetIn("draft", author, org.as.manager);
    const offered = endorsementCandidates(author, id).map((c) => c.id);
    expect(offered).toEqual(expect.arrayContaining([org.people.peer.id, org.people.outsider.id, org.people.admin.id]));
    for (const who of [author.id, org.people.manager.id, org.people.director.id]) expect(offered).not.toContain(who);
    expect(requestEndorsements(author, id, { endorserIds: [org.people.director.id], cells: CELLS, message: "" })).toEqual({ ok: false, fieldErrors: { endorserIds: [expect.stringMatching(/one of your managers/)] } });
    expect(requestEndorsements(author, id, { endorserIds: [org.people.peer.id], cells: [], message: "" })).toEqual({ ok: false, fieldErrors: { cells: ["Choose at least one cell to be endorsed"] } });
    expect(requestEndorsements(author, id, { endorserIds: [org.people.peer.id], cells: ["nope.cell"], message: "" })).toEqual({ ok: false, fieldErrors: { cells: ["Choose cells of this packet"] } });
    mustSucceed(requestEndorsements(author, id, { endorserIds: [org.people.peer.id, org.people.outsider.id], cells: CELLS, message: "" }));
    expect(requestEndorsements(author, id, { endorserIds: [org.people.peer.id], cells: CELLS, message: "" })).toEqual({ ok: false, fieldErrors: { endorserIds: [`${org.people.peer.name} has already been asked`] } });
    for (const who of ["manager", "director", "admin", "peer"] as const) expect(() => requestEndorsements(org.as[who], id, { endorserIds: [org.people.outsider.id], cells: CELLS, message: "" })).toThrow(NotFoundError);
  });

  it("tells the endorser, puts it on their Needs my action, and nobody else reaches the request", () => {
    const { requestId, person } = asked();
    expect(db().select({ to: notifications.recipientId, title: notifications.title }).from(notifications).where(and(eq(notifications.recordId, requestId), eq(notifications.kind, "endorsement-requested"))).all()).toEqual([{ to: org.people.peer.id, title: `${person.name} asked you to endorse their promotion packet` }]);
    expect(endorsementActionItems(org.as.peer)).toContainEqual(expect.objectContaining({ title: `Endorse ${person.name}'s promotion packet`, href: `/endorsements/${requestId}` }));
    for (const who of ["manager", "director", "admin", "outsider"] as const) expect(() => getEndorsementRequest(org.as[who], requestId)).toThrow(NotFoundError);
  });
});

describe("what an endorser reads", () => {
  it("only the asked cells' case and expectation: no manager's part, readiness, notes or summary; the read is audited", () => {
    const { id, requestId } = asked("submitted");
    mustSucceed(savePacketNotes(org.as.manager, id, 0, "Private manager thought"));
    const view = getEndorsementRequest(org.as.peer, requestId);
    expect(view.cells.map((c) => c.id)).toEqual(CELLS);
    expect(view.cells[0]).toMatchObject({ text: expect.stringMatching(/^Led the queue migration/), expectation: expect.any(String), stance: null });
    const json = JSON.stringify(view);
    for (const hidden of ["Private manager thought", "Ready for the next level.", "managerRating", "readiness", "Seen in"]) expect(json).not.toContain(hidden);
    expect(() => getPacket(org.as.peer, id)).toThrow(NotFoundError);
    expect(db().select({ actorId: auditLog.actorId }).from(auditLog).where(and(eq(auditLog.recordId, id), eq(auditLog.action, "packet.read"))).all()).toContainEqual({ actorId: org.people.peer.id });
  });
});

describe("answering", () => {
  it("endorses two cells and questions one; the author is told; an edit afterwards marks that answer as given to an earlier version, with its words", () => {
    const { author, id, requestId } = asked();
    expect(answerEndorsementRequest(org.as.peer, requestId, 1, answers(["endorse", "endorse", "question"]).map((a, i) => (i === 2 ? { ...a, comment: "" } : a)))).toEqual({ ok: false, fieldErrors: { "leadership.influence": ["Say what you question about this claim"] } });
    expect(mustSucceed(answerEndorsementRequest(org.as.peer, requestId, 1, answers(["endorse", "endorse", "question"])))).toMatchObject({ version: 2 });
    expect(answerEndorsementRequest(org.as.peer, requestId, 1, answers(["endorse", null, null]))).toMatchObject({ ok: false, conflict: { version: 2 } });
    expect(db().select({ detail: notifications.detail }).from(notifications).where(and(eq(notifications.recordId, id), eq(notifications.kind, "endorsement-answered"))).all()).toEqual([{ detail: `${org.people.peer.name} endorsed 2 cells and questioned 1 cell.` }]);

    const before = getPacket(author, id).endorsements[0]!;
    expect(before).toMatchObject({ endorserName: org.people.peer.name, state: "answered" });
    expect(before.cells.map((c) => [c.cell, c.stance, c.freshness])).toEqual([
      ["values.complexity", "endorse", "current"],
      ["technical.influence", "endorse", "current"],
      ["leadership.influence", "question", "current"],
    ]);
    const original = before.cells[0]!.answeredText!;
    const cells = getPacket(author, id).cells.map((c) => ({ cell: c.id, text: c.id === "values.complexity" ? "Rewritten after the endorsement." : c.text, citations: [] }));
    mustSucceed(savePacketCase(author, id, packetRow(id).caseVersion, { summary: "Ready.", cells }));
    const after = getPacket(author, id).endorsements[0]!.cells;
    expect(after[0]).toMatchObject({ freshness: "earlier", answeredText: original, currentText: "Rewritten after the endorsement." });
    expect(after[1]!.freshness).toBe("current");
    // The endorser confirms for the current words: the answer is current again.
    mustSucceed(answerEndorsementRequest(org.as.peer, requestId, 2, answers(["endorse", "endorse", "question"]).map((a, i) => (i === 0 ? { ...a, reconfirm: true } : a))));
    expect(getPacket(org.as.manager, id).endorsements[0]!.cells[0]).toMatchObject({ freshness: "current", answeredText: "Rewritten after the endorsement." });
  });

  it("an endorser may decline a pending request; the author may cancel one, which closes it to the endorser", () => {
    const first = asked();
    mustSucceed(declineEndorsementRequest(org.as.peer, first.requestId, "I have not worked with them this year."));
    expect(getPacket(first.author, first.id).endorsements[0]).toMatchObject({ state: "declined", declineReason: "I have not worked with them this year." });
    expect(answerEndorsementRequest(org.as.peer, first.requestId, 2, answers(["endorse"]))).toEqual({ ok: false, message: "You declined this request." });
    expect(endorsementActionItems(org.as.peer).map((i) => i.href)).not.toContain(`/endorsements/${first.requestId}`);

    const second = asked();
    expect(() => cancelEndorsementRequest(org.as.peer, second.requestId)).toThrow(NotFoundError);
    mustSucceed(cancelEndorsementRequest(second.author, second.requestId));
    expect(() => getEndorsementRequest(org.as.peer, second.requestId)).toThrow(NotFoundError);
    expect(getPacket(second.author, second.id).endorsements).toEqual([]);
  });

  it("a withdrawn packet closes its pending requests", () => {
    const { author, id, requestId } = asked();
    mustSucceed(withdrawPacket(author, id, "Next half"));
    expect(getPacket(author, id).endorsements[0]!.state).toBe("closed");
    expect(answerEndorsementRequest(org.as.peer, requestId, 1, answers(["endorse"]))).toMatchObject({ ok: false, message: expect.stringMatching(/closed/) });
    expect(endorsementActionItems(org.as.peer).map((i) => i.href)).not.toContain(`/endorsements/${requestId}`);
  });
});
