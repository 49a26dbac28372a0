import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { auditLog, people, reviewCells } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { buildOrg, type Org } from "@/lib/test/org";
import { getViewerById } from "./people";
import { createPerson, moveToManager, setActive } from "./people-admin";
import { importPeople } from "./people-csv";
import { closeCycle, openCycle } from "./review-cycles";
import { createEvidence, deleteEvidence, getEvidenceEntry, listEvidence, updateEvidence } from "./evidence";
import { getReview, listMyReviews, reviewActionItems, saveSelfAssessment, submitSelfAssessment, type SelfCell } from "./reviews";
import { saveOrgTimeZone } from "./org-settings";
import { insertFrameworkVersion } from "./framework";
import { loadDefaultFramework } from "@/lib/dal/framework-install";

let org: Org;
let cycleId: string;
const reviewOf = (personId: string) => listMyReviews(getViewerById(personId)!).find((r) => r.cycleName === "2026 H1")!;
const allCells = (rating: SelfCell["rating"] = "meets"): SelfCell[] =>
  ["values", "technical", "leadership"].flatMap((c) => ["complexity", "influence", "multiplier"].map((t) => ({ cell: `${c}.${t}`, rating, evidence: `Did ${c} ${t}`, citations: [] })));

beforeAll(() => {
  org = buildOrg();
  const opened = openCycle(org.as.admin, { name: "2026 H1", selfDueOn: "2026-03-31", managerDueOn: "2026-04-30" }, "2026-01-01");
  if (!opened.ok) throw new Error(JSON.stringify(opened));
  cycleId = opened.value.id;
});

describe("cycle enrolment", () => {
  it("gives every active person a review pinned to their level and the published version, with nine empty cells", () => {
    const review = getReview(org.as.engineer, reviewOf(org.people.engineer.id).id);
    expect(review.review.levelKey).toBe("ic2");
    expect(review.levelLabel).toMatch(/IC2/);
    expect(review.frameworkCells).toHaveLength(9);
    expect(review.frameworkCells.every((c) => c.expectation.length > 0)).toBe(true);
    expect(review.self!.every((c) => c.rating === null && c.evidence === "")).toBe(true);
    expect(review.review.selfStatus).toBe("not-started");
  });

  it("enrols people who join through the form or the CSV import while the cycle is open", () => {
    const added = createPerson(org.as.admin, { name: "Jo Joiner", email: "jo.joiner@test.example", role: "engineer", managerId: org.people.manager.id, team: "T", startDate: "2026-02-01", trackKey: "ic", levelKey: "ic1" });
    if (!added.ok) throw new Error("not added");
    expect(reviewOf(added.value)?.levelKey).toBe("ic1");
    const imported = importPeople(org.as.admin, "name,email,role,track,level,manager_email,team,start_date\nImo Import,imo.import@test.example,engineer,ic,ic3,,T,2026-02-02\n");
    expect(imported.ok).toBe(true);
    const imo = db().select({ id: people.id }).from(people).where(eq(people.email, "imo.import@test.example")).get()!;
    expect(reviewOf(imo.id)?.levelKey).toBe("ic3");
  });

  it("enrols a reactivated person once, and keeps the review of someone deactivated", () => {
    const leaver = createPerson(org.as.admin, { name: "Lee Leaver", email: "lee.leaver@test.example", role: "engineer", managerId: null, team: "T", startDate: "2020-01-01", trackKey: "ic", levelKey: "ic2" });
    if (!leaver.ok) throw new Error("not added");
    const first = reviewOf(leaver.value).id;
    expect(setActive(org.as.admin, leaver.value, false).ok).toBe(true);
    expect(setActive(org.as.admin, leaver.value, true).ok).toBe(true);
    expect(reviewOf(leaver.value).id).toBe(first);

    const away = createPerson(org.as.admin, { name: "Ari Away", email: "ari.away@test.example", role: "engineer", managerId: null, team: "T", startDate: "2020-01-01", trackKey: "ic", levelKey: "ic2" });
    if (!away.ok) throw new Error("not added");
    db().update(people).set({ active: false }).where(eq(people.id, away.value)).run();
    const second = openCycle(org.as.admin, { name: "Enrolment check", selfDueOn: "2026-05-01", managerDueOn: "2026-05-02" }, "2026-01-01");
    if (!second.ok) throw new Error("not opened");
    db().update(people).set({ active: true }).where(eq(people.id, away.value)).run();
    expect(listMyReviews(getViewerById(away.value)!).map((r) => r.cycleName)).not.toContain("Enrolment check");
    db().update(people).set({ active: false }).where(eq(people.id, away.value)).run();
    expect(setActive(org.as.admin, away.value, true).ok).toBe(true);
    expect(listMyReviews(getViewerById(away.value)!).map((r) => r.cycleName)).toContain("Enrolment check");
    expect(closeCycle(org.as.admin, second.value.id, 1).ok).toBe(true);
  });

  it("moves a review with a manager change: the new manager reads it, the old one no longer does", () => {
    const mover = createPerson(org.as.admin, { name: "Mo Mover", email: "mo.mover@test.example", role: "engineer", managerId: org.people.manager.id, team: "T", startDate: "2024-01-01", trackKey: "ic", levelKey: "ic2" });
    if (!mover.ok) throw new Error("not added");
    const reviewId = reviewOf(mover.value).id;
    const moverViewer = getViewerById(mover.value)!;
    expect(saveSelfAssessment(moverViewer, reviewId, 1, allCells()).ok).toBe(true);
    expect(submitSelfAssessment(moverViewer, reviewId, 2).ok).toBe(true);
    expect(getReview(org.as.manager, reviewId).self).toHaveLength(9);
    expect(() => getReview(org.as.otherManager, reviewId)).toThrow(NotFoundError);
    expect(moveToManager(org.as.admin, mover.value, org.people.otherManager.id).ok).toBe(true);
    expect(getReview(org.as.otherManager, reviewId).relationship).toBe("direct-report");
    expect(() => getReview(org.as.manager, reviewId)).toThrow(NotFoundError);
  });
});

describe("self-assessment", () => {
  it("autosaves drafts, refuses a stale version with the saved text, names missing ratings, then submits and locks", () => {
    const me = org.as.peer;
    const reviewId = reviewOf(org.people.peer.id).id;
    const entry = createEvidence(me, { title: "Led the incident review", occurredOn: "2026-01-20", description: "", links: [], cells: [{ competencyKey: "values", themeKey: "complexity" }] });
    if (!entry.ok) throw new Error("no entry");

    const draft = allCells(null).map((c, i) => (i === 0 ? { ...c, rating: "meets" as const, citations: [entry.value] } : c));
    const saved = saveSelfAssessment(me, reviewId, 1, draft);
    expect(saved).toMatchObject({ ok: true, version: 2 });
    const review = getReview(me, reviewId);
    expect(review.review.selfStatus).toBe("draft");
    expect(review.self![0]).toMatchObject({ rating: "meets", citations: [entry.value] });
    expect(review.cited[entry.value]?.title).toBe("Led the incident review");
    // A manager cannot read a draft.
    expect(getReview(org.as.manager, reviewId).self).toBeNull();

    // A second tab still on version 1 is told, with the saved text to compare.
    const stale = saveSelfAssessment(me, reviewId, 1, allCells("exceeds"));
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.conflict?.version).toBe(2);
    expect((stale.conflict?.current as SelfCell[]).find((c) => c.cell === "values.complexity")).toMatchObject({ rating: "meets", citations: [entry.value] });
    expect(db().select().from(reviewCells).where(eq(reviewCells.reviewId, reviewId)).all().filter((c) => c.selfRating === "exceeds")).toHaveLength(0);

    const refused = submitSelfAssessment(me, reviewId, 2);
    expect(refused.ok).toBe(false);
    if (refused.ok) return;
    expect(Object.keys(refused.fieldErrors!)).toHaveLength(8);
    expect(refused.fieldErrors).not.toHaveProperty("values.complexity");
    expect(refused.fieldErrors).toHaveProperty("leadership.multiplier");

    expect(saveSelfAssessment(me, reviewId, 2, allCells("developing").map((c, i) => (i === 0 ? { ...c, citations: [entry.value] } : c))).ok).toBe(true);
    expect(submitSelfAssessment(me, reviewId, 3).ok).toBe(true);
    expect(getReview(me, reviewId).canWriteSelf).toBe(false);
    expect(saveSelfAssessment(me, reviewId, 4, allCells())).toMatchObject({ ok: false, message: expect.stringMatching(/submitted and locked/) });
    expect(getReview(org.as.manager, reviewId).self![0]!.rating).toBe("developing");
    expect(getReview(org.as.director, reviewId).self).toHaveLength(9);

    // The cited entry survives deletion from the log, marked removed.
    expect(deleteEvidence(me, entry.value)).toMatchObject({ ok: true, value: "removed" });
    expect(listEvidence(me, me.id).map((e) => e.id)).not.toContain(entry.value);
    expect(getReview(me, reviewId).cited[entry.value]).toMatchObject({ removed: true });
    const audit = db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.recordId, reviewId)).all().map((a) => a.action);
    expect(audit).toEqual(["review.self-save", "review.self-save", "review.self-submit"]);
  });

  it("keeps what a locked review cites as it was, and takes a removed entry out of open drafts without breaking them", () => {
    // A new joiner cites one entry from this cycle's submitted review and from a draft in a second cycle.
    const joined = createPerson(org.as.admin, { name: "Cy Citer", email: "cy.citer@test.example", role: "engineer", managerId: org.people.manager.id, team: "T", startDate: "2025-01-01", trackKey: "ic", levelKey: "ic2" });
    if (!joined.ok) throw new Error(JSON.stringify(joined));
    const me = getViewerById(joined.value)!;
    const entry = createEvidence(me, { title: "Reorganised on-call", occurredOn: "2026-01-20", description: "Modest", links: [], cells: [{ competencyKey: "leadership", themeKey: "influence" }] });
    if (!entry.ok) throw new Error(JSON.stringify(entry));
    const first = reviewOf(me.id).id;
    const cite = (cells: SelfCell[]) => cells.map((c, i) => (i === 0 ? { ...c, citations: [entry.value] } : c));
    expect(saveSelfAssessment(me, first, 1, cite(allCells())).ok).toBe(true);
    expect(submitSelfAssessment(me, first, 2).ok).toBe(true);
    const second = openCycle(org.as.admin, { name: "2026 H1 follow-up", selfDueOn: "2026-05-31", managerDueOn: "2026-06-30" }, "2026-01-01");
    if (!second.ok) throw new Error(JSON.stringify(second));
    const draft = listMyReviews(me).find((r) => r.cycleName === "2026 H1 follow-up")!.id;
    expect(saveSelfAssessment(me, draft, 1, cite(allCells("developing"))).ok).toBe(true);

    // Submitted means locked: the cited text cannot be rewritten underneath it.
    const edit = updateEvidence(me, entry.value, 1, { title: "Single-handedly rebuilt the platform", occurredOn: "2026-01-20", description: "Huge", links: [], cells: [{ competencyKey: "leadership", themeKey: "influence" }] });
    expect(edit).toMatchObject({ ok: false, message: expect.stringMatching(/submitted self-assessment or promotion packet cites this entry/) });
    expect(getEvidenceEntry(org.as.manager, entry.value)).toMatchObject({ title: "Reorganised on-call", description: "Modest", citedBySubmitted: true });

    // Removing it keeps it for the locked review and takes it out of the open draft, with a new version and an audit row.
    expect(deleteEvidence(me, entry.value)).toMatchObject({ ok: true, value: "removed" });
    const after = getReview(me, draft);
    expect(after.review.selfVersion).toBe(3);
    expect(after.self!.flatMap((c) => c.citations)).toEqual([]);
    expect(db().select({ action: auditLog.action }).from(auditLog).where(eq(auditLog.recordId, draft)).all().map((a) => a.action)).toContain("review.self-uncite");
    expect(getReview(me, first).cited[entry.value]).toMatchObject({ removed: true });

    // A tab still holding the old draft is told of the change, and once reloaded it saves, the removed citation dropped.
    expect(saveSelfAssessment(me, draft, 2, cite(allCells("meets")))).toMatchObject({ ok: false, conflict: { version: 3 } });
    expect(saveSelfAssessment(me, draft, 3, cite(allCells("meets")))).toMatchObject({ ok: true, version: 4 });
    expect(getReview(me, draft).self!.flatMap((c) => c.citations)).toEqual([]);
  });

  it("refuses another person's review as missing, also for writes with a changed id", () => {
    const reviewId = reviewOf(org.people.engineer.id).id;
    expect(() => getReview(org.as.peer, reviewId)).toThrow(NotFoundError);
    expect(() => saveSelfAssessment(org.as.peer, reviewId, 1, allCells())).toThrow(NotFoundError);
    expect(() => saveSelfAssessment(org.as.manager, reviewId, 1, allCells())).toThrow(NotFoundError);
    expect(() => submitSelfAssessment(org.as.admin, reviewId, 1)).toThrow(NotFoundError);
    expect(() => getReview(org.as.peer, "no-such-review")).toThrow(NotFoundError);
  });

  it("refuses citing someone else's entry", () => {
    const other = createEvidence(org.as.outsider, { title: "Not yours", occurredOn: "2026-01-01", description: "", links: [], cells: [{ competencyKey: "values", themeKey: "complexity" }] });
    if (!other.ok) throw new Error("no entry");
    const reviewId = reviewOf(org.people.engineer.id).id;
    const result = saveSelfAssessment(org.as.engineer, reviewId, 1, allCells().map((c) => ({ ...c, citations: [other.value] })));
    expect(result).toMatchObject({ ok: false, fieldErrors: { citations: [expect.any(String)] } });
    expect(() => getEvidenceEntry(org.as.engineer, other.value)).toThrow(NotFoundError);
  });

  it("a closed cycle stays readable and takes no more writes", () => {
    const reviewId = reviewOf(org.people.director.id).id;
    expect(closeCycle(org.as.admin, cycleId, 1).ok).toBe(true);
    const closed = getReview(org.as.director, reviewId);
    expect(closed.review.cycleStatus).toBe("closed");
    expect(closed.frameworkCells[0]!.expectation).not.toBe("");
    expect(saveSelfAssessment(org.as.director, reviewId, 1, allCells())).toMatchObject({ ok: false, message: expect.stringMatching(/closed/) });
  });
});

describe("pinned framework text", () => {
  it("keeps a review on the wording it was written against after a new version is published; new cycles pin the new one", () => {
    const reviewId = reviewOf(org.people.engineer.id).id;
    const before = getReview(org.as.engineer, reviewId).frameworkCells.find((c) => c.id === "technical.complexity")!.expectation;
    const doc = loadDefaultFramework();
    const ic2 = doc.tracks.flatMap((t) => t.levels).find((l) => l.key === "ic2")!;
    ic2.cells.technical!.complexity!.expectation = "Reworded in version 2";
    db().transaction((tx) => insertFrameworkVersion(tx, doc, { status: "published", actorId: org.people.admin.id }));
    expect(getReview(org.as.engineer, reviewId).frameworkCells.find((c) => c.id === "technical.complexity")!.expectation).toBe(before);
    const next = openCycle(org.as.admin, { name: "After the rewording", selfDueOn: "2026-10-01", managerDueOn: "2026-10-15" }, "2026-01-01");
    if (!next.ok) throw new Error("not opened");
    const fresh = listMyReviews(org.as.engineer).find((r) => r.cycleName === "After the rewording")!;
    expect(getReview(org.as.engineer, fresh.id).frameworkCells.find((c) => c.id === "technical.complexity")!.expectation).toBe("Reworded in version 2");
    expect(closeCycle(org.as.admin, next.value.id, 1).ok).toBe(true);
  });
});

describe("needs my action", () => {
  it("lists an open self-assessment with its due date, overdue in the org's time zone", () => {
    const opened = openCycle(org.as.admin, { name: "Due check", selfDueOn: "2026-06-30", managerDueOn: "2026-07-15" }, "2026-01-01");
    if (!opened.ok) throw new Error("not opened");
    // 23:30 UTC on 30 June is still the due day in UTC, but 1 July in Tokyo.
    const instant = new Date("2026-06-30T23:30:00Z");
    const item = () => reviewActionItems(org.as.engineer, instant).find((i) => i.title.includes("Due check"))!;
    expect(item()).toMatchObject({ overdue: false, detail: expect.stringMatching(/Due today/) });
    expect(saveOrgTimeZone(org.as.admin, "Asia/Tokyo", 0).ok).toBe(true);
    expect(item()).toMatchObject({ overdue: true, detail: expect.stringMatching(/Overdue/) });
    expect(reviewActionItems(org.as.engineer, new Date("2026-06-01T00:00:00Z")).find((i) => i.title.includes("Due check"))?.overdue).toBe(false);
    expect(saveOrgTimeZone(org.as.admin, "UTC", 1).ok).toBe(true);
  });
});

describe("opening a cycle", () => {
  it("refuses a self-assessment due date before the organisation's today, beside the field", () => {
    const result = openCycle(org.as.admin, { name: "Born overdue", selfDueOn: "2026-06-01", managerDueOn: "2026-06-30" }, "2026-06-02");
    expect(result).toMatchObject({ ok: false, fieldErrors: { selfDueOn: [expect.stringMatching(/today or a later date/)] } });
    expect(openCycle(org.as.admin, { name: "Due today", selfDueOn: "2026-06-02", managerDueOn: "2026-06-30" }, "2026-06-02")).toMatchObject({ ok: true });
  });
});
