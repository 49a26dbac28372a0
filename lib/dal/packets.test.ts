import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, evidenceEntries, packetCitations, packetEvents, packets } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { mustSucceed, packetIn, packetRow, rateAll, startedPacket, writeCase } from "@/lib/test/packets";
import { buildOrg, newViewer, type Org } from "@/lib/test/org";
import { createEvidence, deleteEvidence, updateEvidence } from "./evidence";
import { savePacketCase, submitPacket, withdrawPacket } from "./packet-case";
import { endorsePacket, returnPacket, savePacketReview } from "./packet-review";
import { savePacketSettings } from "./packet-settings";
import { getStartOptions, startPacket } from "./packet-start";
import { getPacket, listPackets, packetActionItems } from "./packets";

let org: Org;
beforeAll(() => {
  org = buildOrg();
});

const report = (level = "ic2") => newViewer({ managerId: org.people.manager.id, levelKey: level, trackKey: level.startsWith("m") ? "mgmt" : "ic" });
const audits = (id: string, action: string) => db().select().from(auditLog).where(and(eq(auditLog.recordId, id), eq(auditLog.action, action))).all();
const CELL = "technical.influence";

describe("starting a packet", () => {
  it("offers the next level, and for a Senior the move to the management track, pinned to the published version", () => {
    const { viewer } = report("ic3");
    const options = getStartOptions(viewer, viewer.id);
    expect(options.targets).toEqual([
      { key: "ic4", label: "IC4 · Staff Engineer", trackName: "Individual contributor", kind: "promotion" },
      { key: "m1", label: "M1 · Engineering Manager", trackName: "Management", kind: "track-move" },
    ]);
    const id = startedPacket(viewer, viewer.id, "m1");
    expect(packetRow(id)).toMatchObject({ personId: viewer.id, startedById: viewer.id, fromLevelKey: "ic3", targetLevelKey: "m1", kind: "track-move", status: "draft" });
    expect(getPacket(viewer, id).cells).toHaveLength(9);
  });

  it("lets the direct manager start one for a report, and nobody else", () => {
    const { viewer, person } = report();
    for (const who of ["director", "admin", "otherManager", "peer"] as const) expect(() => startPacket(org.as[who], person.id, "ic3")).toThrow(NotFoundError);
    const id = startedPacket(org.as.manager, person.id);
    expect(packetRow(id)).toMatchObject({ personId: person.id, startedById: org.people.manager.id });
    expect(packetActionItems(viewer)).toEqual([expect.objectContaining({ title: "Write your promotion packet for IC3 · Senior Software Engineer", detail: expect.stringMatching(/Your manager started it/) })]);
  });

  it("refuses a level the framework does not offer", () => {
    const { viewer } = report();
    expect(startPacket(viewer, viewer.id, "ic4")).toMatchObject({ ok: false, fieldErrors: { targetLevelKey: ["Choose one of the levels offered"] } });
    expect(startPacket(viewer, viewer.id, "m1")).toMatchObject({ ok: false });
  });

  it("keeps one open packet per person, in the DAL and in the database; a withdrawn one frees the place", () => {
    const { viewer } = report();
    const first = startedPacket(viewer, viewer.id);
    expect(startPacket(org.as.manager, viewer.id, "ic3")).toMatchObject({ ok: false, fieldErrors: { targetLevelKey: [expect.stringMatching(/already has an open promotion packet/)] } });
    expect(getStartOptions(viewer, viewer.id).openPacketId).toBe(first);
    const row = packetRow(first);
    expect(() => db().insert(packets).values({ ...row, id: crypto.randomUUID() }).run()).toThrow(/UNIQUE constraint failed/);
    expect(withdrawPacket(viewer, first, "")).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(Array) } });
    mustSucceed(withdrawPacket(viewer, first, "Wrong target level"));
    const second = startedPacket(viewer, viewer.id);
    expect(second).not.toBe(first);
    expect(listPackets(viewer).mine.map((p) => [p.id, p.status])).toEqual(expect.arrayContaining([[first, "withdrawn"], [second, "draft"]]));
  });
});

describe("the author's case", () => {
  it("autosaves against the loaded version, bumps a cell's text version only when its text changes, and cites only the author's own entries", () => {
    const { viewer } = report();
    const id = startedPacket(viewer, viewer.id);
    const mine = mustSucceed(createEvidence(viewer, { title: "Queue migration", occurredOn: "2026-03-01", description: "", links: [], cells: [{ competencyKey: "technical", themeKey: "influence" }] })) as { value: string };
    const theirs = mustSucceed(createEvidence(org.as.peer, { title: "Not yours", occurredOn: "2026-03-01", description: "", links: [], cells: [{ competencyKey: "technical", themeKey: "influence" }] })) as { value: string };
    const saved = savePacketCase(viewer, id, 1, { summary: "Why now", cells: [{ cell: CELL, text: "Led it", citations: [mine.value] }] });
    expect(saved).toMatchObject({ ok: true, version: 2 });
    expect(getPacket(viewer, id).cells.find((c) => c.id === CELL)).toMatchObject({ text: "Led it", textVersion: 2, citations: [mine.value] });
    mustSucceed(savePacketCase(viewer, id, 2, { summary: "Why now, again", cells: [{ cell: CELL, text: "Led it", citations: [] }] }));
    expect(getPacket(viewer, id).cells.find((c) => c.id === CELL)).toMatchObject({ textVersion: 2, citations: [] });
    expect(savePacketCase(viewer, id, 1, { summary: "Old tab", cells: [] })).toMatchObject({ ok: false, conflict: { version: 3, current: { summary: "Why now, again" } } });
    expect(savePacketCase(viewer, id, 3, { summary: "x", cells: [{ cell: CELL, text: "x", citations: [theirs.value] }] })).toMatchObject({ ok: false, fieldErrors: { citations: expect.any(Array) } });
    expect(audits(id, "packet.case-save")).toHaveLength(2);
    for (const who of ["manager", "director", "admin"] as const) expect(() => savePacketCase(org.as[who], id, 3, { summary: "x", cells: [] })).toThrow(NotFoundError);
  });

  it("submits only with a summary and every cell's case, then locks for the author", () => {
    const { viewer } = report();
    const id = startedPacket(viewer, viewer.id);
    const early = submitPacket(viewer, id, 1, "");
    expect(early).toMatchObject({ ok: false, message: "Before submitting: write the summary and write the case for 9 more cells.", fieldErrors: { summary: expect.any(Array), [CELL]: ["Write the case for this cell"] } });
    writeCase(viewer, id);
    expect(submitPacket(viewer, id, packetRow(id).caseVersion, "Ready for a look")).toEqual({ ok: true, value: undefined });
    expect(savePacketCase(viewer, id, packetRow(id).caseVersion, { summary: "late", cells: [] })).toMatchObject({ ok: false, message: expect.stringMatching(/with your manager and locked/) });
    expect(db().select().from(packetEvents).where(eq(packetEvents.packetId, id)).all().map((e) => [e.step, e.toStatus, e.note])).toEqual([
      ["start", "draft", ""],
      ["submit", "submitted", "Ready for a look"],
    ]);
  });
});

describe("the manager's part, returning and endorsing", () => {
  it("hides the manager's part from the author while submitted, shows it with the feedback after a return, and the author can revise and resubmit", () => {
    const { viewer } = report();
    const id = packetIn("submitted", viewer, org.as.manager);
    const saved = rateAll(org.as.manager, id, "meets", { [CELL]: { rating: "not-yet" } }) as { value: { readiness: { ready: boolean; holding: { id: string }[] } } };
    expect(saved.value.readiness).toMatchObject({ ready: false, holding: [{ id: CELL }] });
    expect(getPacket(viewer, id)).toMatchObject({ manager: null, readiness: null });
    expect(getPacket(org.as.director, id).manager?.cells.find((c) => c.cell === CELL)).toMatchObject({ rating: "not-yet" });
    expect(returnPacket(org.as.manager, id, packetRow(id).managerVersion, " ")).toMatchObject({ ok: false, fieldErrors: { reason: expect.any(Array) } });
    mustSucceed(returnPacket(org.as.manager, id, packetRow(id).managerVersion, "Show the cross-team influence."));
    const back = getPacket(viewer, id);
    expect(back.packet.status).toBe("draft");
    expect(back.returned).toMatchObject({ step: "return", note: "Show the cross-team influence.", actorName: org.people.manager.name });
    expect(back.manager?.cells.find((c) => c.cell === CELL)).toMatchObject({ rating: "not-yet", comment: `Seen in ${CELL}` });
    expect(back.readiness?.holding.map((h) => h.id)).toEqual([CELL]);
    expect(packetActionItems(viewer)).toEqual([expect.objectContaining({ title: expect.stringMatching(/^Revise your promotion packet/), cta: "Revise" })]);
    expect(savePacketReview(org.as.manager, id, packetRow(id).managerVersion, [])).toMatchObject({ ok: false, message: expect.stringMatching(/back with its author/) });
    writeCase(viewer, id, "Now with the cross-team story.");
    mustSucceed(submitPacket(viewer, id, packetRow(id).caseVersion, "Added the cross-team work"));
    expect(packetActionItems(org.as.manager).map((i) => i.href)).toContain(`/packets/${id}`);
  });

  it("endorses only when the readiness rule is met: a gap needs the manager's justification", () => {
    const { viewer } = report();
    const id = packetIn("submitted", viewer, org.as.manager);
    rateAll(org.as.manager, id, "meets", { [CELL]: { rating: "not-yet" } });
    const refusedEndorse = endorsePacket(org.as.manager, id, packetRow(id).managerVersion, "");
    expect(refusedEndorse).toMatchObject({ ok: false, message: expect.stringMatching(/^Not ready to endorse: Technical · Sphere of influence holds the packet back/), fieldErrors: { [CELL]: [expect.stringMatching(/no written justification/)] } });
    for (const who of ["director", "admin", "peer", "otherManager"] as const) expect(() => endorsePacket(org.as[who], id, packetRow(id).managerVersion, "")).toThrow(NotFoundError);
    expect(() => endorsePacket(viewer, id, packetRow(id).managerVersion, "")).toThrow(NotFoundError);
    rateAll(org.as.manager, id, "meets", { [CELL]: { rating: "not-yet", justification: "Scope arrives with the Q3 platform work." } });
    expect(endorsePacket(org.as.manager, id, packetRow(id).managerVersion - 1, "")).toMatchObject({ ok: false, conflict: { version: packetRow(id).managerVersion } });
    mustSucceed(endorsePacket(org.as.manager, id, packetRow(id).managerVersion, "Strong case."));
    const view = getPacket(viewer, id);
    expect(view.packet.status).toBe("endorsed");
    expect(view.readiness).toMatchObject({ ready: true, justified: [{ id: CELL }] });
    expect(view.events.map((e) => e.step)).toEqual(["start", "submit", "endorse"]);
    expect(audits(id, "packet.endorse")[0]!.summary).toContain("Strong case.");
    expect(withdrawPacket(viewer, id, "Changed my mind")).toMatchObject({ ok: false, message: expect.stringMatching(/committee/) });
  });

  it("follows the admin's readiness rule: with no justified gaps allowed, a justification does not help", () => {
    const { viewer } = report();
    const id = packetIn("submitted", viewer, org.as.manager);
    mustSucceed(savePacketSettings(org.as.admin, { minimumRating: "meets", maxJustifiedGaps: 0 }, 0));
    try {
      const saved = rateAll(org.as.manager, id, "meets", { [CELL]: { rating: "not-yet", justification: "Written anyway" } }) as { value: { readiness: { ready: boolean; rule: string } } };
      expect(saved.value.readiness).toMatchObject({ ready: false, rule: expect.stringMatching(/even with a justification/) });
      expect(getPacket(org.as.director, id).readiness?.ready).toBe(false);
      expect(endorsePacket(org.as.manager, id, packetRow(id).managerVersion, "")).toMatchObject({ ok: false });
    } finally {
      mustSucceed(savePacketSettings(org.as.admin, { minimumRating: "meets", maxJustifiedGaps: null }, 1));
    }
    expect(() => savePacketSettings(org.as.manager, { minimumRating: "meets", maxJustifiedGaps: null }, 2)).toThrow(NotFoundError);
  });
});

describe("reads and evidence", () => {
  it("audits every read by anyone but the author", () => {
    const { viewer } = report();
    const id = startedPacket(viewer, viewer.id);
    getPacket(viewer, id);
    expect(audits(id, "packet.read")).toHaveLength(0);
    getPacket(org.as.manager, id);
    getPacket(org.as.director, id);
    getPacket(org.as.admin, id);
    expect(audits(id, "packet.read").map((a) => a.actorId)).toEqual([org.people.manager.id, org.people.director.id, org.people.admin.id]);
    for (const who of ["peer", "otherManager", "outsider"] as const) expect(() => getPacket(org.as[who], id)).toThrow(NotFoundError);
    expect(audits(id, "packet.read")).toHaveLength(3);
  });

  it("keeps an entry a submitted packet cites; a draft packet stops citing a deleted entry", () => {
    const { viewer } = report();
    const entry = (title: string) => (mustSucceed(createEvidence(viewer, { title, occurredOn: "2026-02-01", description: "", links: [], cells: [{ competencyKey: "technical", themeKey: "influence" }] })) as { value: string }).value;
    const kept = entry("Kept");
    const dropped = entry("Dropped");
    const id = startedPacket(viewer, viewer.id);
    writeCase(viewer, id);
    mustSucceed(savePacketCase(viewer, id, packetRow(id).caseVersion, { summary: "S", cells: [{ cell: CELL, text: "Case", citations: [kept, dropped] }] }));
    const before = packetRow(id).caseVersion;
    expect(deleteEvidence(viewer, dropped)).toEqual({ ok: true, value: "deleted" });
    expect(packetRow(id).caseVersion).toBe(before + 1);
    mustSucceed(submitPacket(viewer, id, packetRow(id).caseVersion, ""));
    expect(updateEvidence(viewer, kept, 1, { title: "Rewritten", occurredOn: "2026-02-01", description: "", links: [], cells: [{ competencyKey: "technical", themeKey: "influence" }] })).toMatchObject({ ok: false, message: expect.stringMatching(/promotion packet cites/) });
    expect(deleteEvidence(viewer, kept)).toEqual({ ok: true, value: "removed" });
    expect(db().select().from(evidenceEntries).where(eq(evidenceEntries.id, kept)).get()?.removedAt).toBeInstanceOf(Date);
    expect(db().select().from(packetCitations).where(eq(packetCitations.packetId, id)).all().map((c) => c.entryId)).toEqual([kept]);
    expect(getPacket(org.as.manager, id).cited[kept]).toMatchObject({ title: "Kept", removed: true });
  });

  it("lists a manager's org below them and an admin's everyone, never a peer's", () => {
    const { viewer, person } = report();
    const id = startedPacket(viewer, viewer.id);
    expect(listPackets(org.as.manager).others.find((p) => p.id === id)).toMatchObject({ personName: person.name, directReport: true, targetLabel: "IC3 · Senior Software Engineer" });
    expect(listPackets(org.as.director).others.find((p) => p.id === id)).toMatchObject({ directReport: false });
    expect(listPackets(org.as.admin).others.map((p) => p.id)).toContain(id);
    for (const who of ["peer", "otherManager"] as const) expect(listPackets(org.as[who]).others.map((p) => p.id)).not.toContain(id);
  });

  it("lists others' open packets in full and their closed ones newest first, a page at a time", () => {
    const author = report().viewer;
    const open = startedPacket(author, author.id);
    const closed = [0, 1, 2].map(() => {
      const { viewer } = report();
      const id = startedPacket(viewer, viewer.id);
      mustSucceed(withdrawPacket(viewer, id, "Not this year"));
      return id;
    });
    const all = listPackets(org.as.manager, 1_000).closed;
    const everyClosed = all.map((p) => p.id);
    expect(everyClosed).toEqual(expect.arrayContaining(closed));
    expect(all.map((p) => p.updatedAt.getTime())).toEqual(all.map((p) => p.updatedAt.getTime()).sort((a, b) => b - a));
    const firstPage = listPackets(org.as.manager, 2);
    expect(firstPage.open.map((p) => p.id)).toContain(open);
    expect(firstPage.open.every((p) => ["draft", "submitted", "endorsed"].includes(p.status))).toBe(true);
    expect(firstPage.closed.map((p) => p.id)).toEqual(everyClosed.slice(0, 2));
    expect(firstPage.moreClosed).toBe(true);
    expect(listPackets(org.as.manager, everyClosed.length).moreClosed).toBe(false);
  });
});
