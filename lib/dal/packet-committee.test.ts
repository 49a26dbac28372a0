import { and, desc, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, committeeMembers, levelHistory, notifications, packets, people, reviews } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { buildOrg, newViewer, type Org } from "@/lib/test/org";
import { mustSucceed, packetIn, packetRow } from "@/lib/test/packets";
import { committeeActionItems, getCommitteePacket, listCommitteePackets } from "./committee-packets";
import { recordVote } from "./committee-votes";
import { decidePacket } from "./packet-decision";
import { reopenPacket } from "./packet-reopen";
import { getStartOptions } from "./packet-start";
import { getPacket } from "./packets";
import { getViewerById } from "./people";
import { openCycle } from "./review-cycles";
import { orgToday } from "./org-settings";

/*
 * The committee end to end, in the org of lib/test/org.ts with three members:
 * the director (recused from everyone below them), an outsider and the peer
 * (the author's peer, not recused). Each test has a packet of its own.
 */
let org: Org;
beforeAll(() => {
  org = buildOrg();
  for (const who of ["director", "outsider", "peer"] as const) db().insert(committeeMembers).values({ personId: org.people[who].id, addedById: org.people.admin.id }).run();
});

const inCommittee = () => {
  const { viewer, person } = newViewer({ managerId: org.people.manager.id, name: `Casey Candidate ${crypto.randomUUID().slice(0, 4)}` });
  return { author: viewer, person, id: packetIn("endorsed", viewer, org.as.manager) };
};
const told = (id: string, kind: string) =>
  db().select({ to: notifications.recipientId }).from(notifications).where(and(eq(notifications.recordId, id), eq(notifications.kind, kind as never))).all().map((n) => n.to).sort();
const approve = (id: string, effectiveDate = orgToday()) => decidePacket(org.as.admin, id, { outcome: "approved", reasons: "Consistently at Senior.", effectiveDate, missing: {} });

describe("a packet endorsed by the manager is with the committee", () => {
  it("tells the members who are not recused and the admins, never the recused director", () => {
    const { id } = inCommittee();
    expect(told(id, "packet-in-committee")).toEqual([org.people.admin.id, org.people.outsider.id, org.people.peer.id].sort());
  });

  it("lists it for members, the recused director seeing it as recused and unopenable (page and vote)", () => {
    const { id, person } = inCommittee();
    const forDirector = listCommitteePackets(org.as.director).inCommittee.find((p) => p.id === id)!;
    expect(forDirector).toMatchObject({ personName: person.name, open: false, recusal: "Recused: someone in your org", tally: null });
    expect(() => getCommitteePacket(org.as.director, id)).toThrow(NotFoundError);
    expect(() => recordVote(org.as.director, id, "approve", "Great")).toThrow(NotFoundError);
    expect(listCommitteePackets(org.as.outsider).inCommittee.find((p) => p.id === id)).toMatchObject({ open: true, recusal: null });
    for (const who of ["engineer", "manager", "otherManager"] as const) expect(() => listCommitteePackets(org.as[who])).toThrow(NotFoundError);
  });

  it("a member reads the case and the manager's part, never the private notes, and the read is audited", () => {
    const { id } = inCommittee();
    const view = getCommitteePacket(org.as.outsider, id);
    expect(view.cells).toHaveLength(9);
    expect(view.manager.cells.every((c) => c.rating === "meets")).toBe(true);
    expect(Object.keys(view)).not.toContain("notes");
    expect(db().select({ actorId: auditLog.actorId, summary: auditLog.summary }).from(auditLog).where(and(eq(auditLog.recordId, id), eq(auditLog.action, "packet.read"))).all()).toEqual([{ actorId: org.people.outsider.id, summary: expect.stringMatching(/committee's view/) }]);
  });

  it("votes stay blind until a member has voted; a member may change their vote until the decision", () => {
    const { id } = inCommittee();
    mustSucceed(recordVote(org.as.peer, id, "approve", "Clear evidence across teams."));
    const before = getCommitteePacket(org.as.outsider, id);
    expect(before).toMatchObject({ votes: null, tally: null, votedCount: 1, can: { vote: true } });
    expect(committeeActionItems(org.as.outsider).map((i) => i.id)).toContain(`vote-${id}`);
    expect(recordVote(org.as.outsider, id, "decline", " ")).toEqual({ ok: false, fieldErrors: { comment: [expect.stringMatching(/^Say why/)] } });
    mustSucceed(recordVote(org.as.outsider, id, "decline", "Influence is thin."));
    const after = getCommitteePacket(org.as.outsider, id);
    expect(after.votes).toEqual([expect.objectContaining({ memberName: org.people.peer.name, vote: "approve", comment: "Clear evidence across teams." })]);
    expect(after.tally).toEqual({ approve: 1, decline: 1, voted: 2, eligible: 2 });
    mustSucceed(recordVote(org.as.outsider, id, "approve", "Convinced by the endorsements."));
    expect(getCommitteePacket(org.as.admin, id).tally).toEqual({ approve: 2, decline: 0, voted: 2, eligible: 2 });
    expect(committeeActionItems(org.as.outsider).map((i) => i.id)).not.toContain(`vote-${id}`);
    expect(committeeActionItems(org.as.admin).map((i) => i.id)).toContain(`decide-${id}`);
    // An admin who is not a member opens it to decide, but has no vote.
    expect(() => recordVote(org.as.admin, id, "approve", "Me too")).toThrow(NotFoundError);
  });
});

describe("the decision", () => {
  it("approved: the person's level changes in their level history with the effective date; their next level and next review follow", () => {
    const { id, person, author } = inCommittee();
    expect(approve(id, "2999-01-01")).toMatchObject({ ok: false, fieldErrors: { effectiveDate: expect.any(Array) } });
    expect(decidePacket(org.as.admin, id, { outcome: "approved", reasons: " ", effectiveDate: orgToday(), missing: {} })).toMatchObject({ ok: false, fieldErrors: { reasons: expect.any(Array) } });
    mustSucceed(approve(id));
    expect(packetRow(id).status).toBe("approved");
    expect(db().select({ levelKey: people.levelKey, trackKey: people.trackKey }).from(people).where(eq(people.id, person.id)).get()).toEqual({ levelKey: "ic3", trackKey: "ic" });
    expect(db().select({ levelKey: levelHistory.levelKey, effectiveDate: levelHistory.effectiveDate, reason: levelHistory.reason, by: levelHistory.recordedById }).from(levelHistory).where(eq(levelHistory.personId, person.id)).orderBy(desc(levelHistory.id)).get()).toEqual({
      levelKey: "ic3",
      effectiveDate: orgToday(),
      reason: "IC3 · Senior Software Engineer: promotion packet approved by the committee",
      by: org.people.admin.id,
    });
    // Signed in afresh, the person is at the new level: the framework lands there, and their next level (and next packet) is IC4.
    const fresh = getViewerById(person.id)!;
    expect(fresh).toMatchObject({ levelKey: "ic3" });
    expect(getStartOptions(fresh, person.id).targets.map((t) => t.key)).toEqual(["ic4", "m1"]);
    const cycle = mustSucceed(openCycle(org.as.admin, { name: `After ${id}`, selfDueOn: "2027-08-01", managerDueOn: "2027-08-31" }, orgToday())) as { value: { id: string } };
    expect(db().select({ levelKey: reviews.levelKey }).from(reviews).where(and(eq(reviews.cycleId, cycle.value.id), eq(reviews.personId, person.id))).get()).toEqual({ levelKey: "ic3" });
    const seen = getPacket(author, id);
    expect(seen.decision).toMatchObject({ outcome: "approved", effectiveDate: orgToday(), reasons: "Consistently at Senior." });
    expect(seen.events.at(-1)).toMatchObject({ step: "approve", note: expect.stringMatching(/^IC3 · Senior Software Engineer from /) });
    expect(told(id, "packet-approved")).toEqual([person.id, org.people.manager.id].sort());
    expect(approve(id)).toMatchObject({ ok: false, message: expect.stringMatching(/not with the committee/) });
    expect(() => recordVote(org.as.peer, id, "approve", "Late")).not.toThrow();
    expect(recordVote(org.as.peer, id, "approve", "Late")).toEqual({ ok: false, message: "The decision is recorded: votes are closed." });
  });

  it("declined: what is missing per cell, for the engineer and the manager; then reopened as a new draft from the old case, linked both ways", () => {
    const { id, person, author } = inCommittee();
    const decline = (missing: Record<string, string>) => decidePacket(org.as.admin, id, { outcome: "declined", reasons: "Not yet across teams.", effectiveDate: null, missing });
    expect(decline({ "leadership.influence": "  " })).toMatchObject({ ok: false, fieldErrors: { missing: ["Say what is missing for at least one cell"] } });
    mustSucceed(decline({ "leadership.influence": "Work that changed another team's roadmap." }));
    expect(db().select({ levelKey: people.levelKey }).from(people).where(eq(people.id, person.id)).get()).toEqual({ levelKey: "ic2" });
    for (const reader of [author, org.as.manager]) {
      const seen = getPacket(reader, id);
      expect(seen.decision).toMatchObject({ outcome: "declined", missing: { "leadership.influence": "Work that changed another team's roadmap." } });
      expect(seen.cells.find((c) => c.id === "leadership.influence")?.missing).toBe("Work that changed another team's roadmap.");
      expect(seen.can.reopen).toBe(true);
    }
    expect(told(id, "packet-declined")).toEqual([person.id, org.people.manager.id].sort());

    for (const who of ["director", "peer", "admin"] as const) expect(() => reopenPacket(org.as[who], id)).toThrow(NotFoundError);
    const reopened = (mustSucceed(reopenPacket(author, id)) as { value: string }).value;
    expect(reopenPacket(author, id)).toMatchObject({ ok: false, message: expect.stringMatching(/already been reopened/) });
    expect(packetRow(reopened)).toMatchObject({ status: "draft", reopenedFromId: id, targetLevelKey: "ic3", summary: packetRow(id).summary });
    const draft = getPacket(author, reopened);
    expect(draft.cells.every((c) => c.text.startsWith("Led the queue migration"))).toBe(true);
    expect(draft.reopenedFrom).toMatchObject({ id, missing: { "leadership.influence": "Work that changed another team's roadmap." } });
    expect(draft.events.map((e) => e.step)).toEqual(["reopen"]);
    const old = getPacket(author, id);
    expect(old.reopenedAs).toMatchObject({ id: reopened, status: "draft" });
    expect(old.packet.status).toBe("declined");
    expect(old.events.at(-1)?.step).toBe("reopened-as");
    expect(told(reopened, "packet-reopened")).toEqual([org.people.manager.id]);
  });

  it("only an admin decides, never on their own packet, and only a packet in committee", () => {
    const { id } = inCommittee();
    for (const who of ["director", "manager", "peer", "outsider", "engineer"] as const) expect(() => decidePacket(org.as[who], id, { outcome: "approved", reasons: "x", effectiveDate: orgToday(), missing: {} })).toThrow(NotFoundError);
    expect(packetRow(id).status).toBe("endorsed");
    const submitted = packetIn("submitted", newViewer({ managerId: org.people.manager.id }).viewer, org.as.manager);
    expect(approve(submitted)).toMatchObject({ ok: false, message: expect.stringMatching(/not with the committee/) });
    const { viewer: adminAuthor } = newViewer({ role: "admin", managerId: org.people.manager.id });
    const own = packetIn("endorsed", adminAuthor, org.as.manager);
    expect(() => decidePacket(adminAuthor, own, { outcome: "approved", reasons: "Me", effectiveDate: orgToday(), missing: {} })).toThrow(NotFoundError);
    expect(db().select({ status: packets.status }).from(packets).where(eq(packets.id, own)).get()).toEqual({ status: "endorsed" });
  });
});
