import { beforeAll, describe, expect, it } from "vitest";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { auditLog, reviews } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { buildOrg, type Actor, type Org } from "@/lib/test/org";
import { getViewerById } from "./people";
import { openCycle } from "./review-cycles";
import { acknowledgeReview, getManagerPart, managerReviewActionItems, saveManagerReview, shareManagerReview, type ManagerCell } from "./manager-reviews";
import { getPrivateNotes, savePrivateNotes } from "./review-notes";
import { calibrationCsv, getCalibration, listTeamReviews } from "./review-team";
import { getRatingHistory } from "./review-history";
import { listMyReviews, saveSelfAssessment, submitSelfAssessment, getReview } from "./reviews";

let org: Org;
const CELLS = ["values", "technical", "leadership"].flatMap((c) => ["complexity", "influence", "multiplier"].map((t) => `${c}.${t}`));
const managerCells = (rating: ManagerCell["rating"] = "meets"): ManagerCell[] => CELLS.map((cell) => ({ cell, rating, comment: `Comment on ${cell}` }));
const reviewOf = (personId: string, cycle = "2026 H2") => listMyReviews(getViewerById(personId)!).find((r) => r.cycleName === cycle)!.id;
const versionOf = (id: string) => db().select({ v: reviews.managerVersion }).from(reviews).where(eq(reviews.id, id)).get()!.v;
const audits = (id: string, action: string) => db().select().from(auditLog).where(and(eq(auditLog.recordId, id), eq(auditLog.action, action))).all();

beforeAll(() => {
  org = buildOrg();
  const opened = openCycle(org.as.admin, { name: "2026 H2", selfDueOn: "2026-10-31", managerDueOn: "2026-11-30" }, "2026-01-01");
  if (!opened.ok) throw new Error(JSON.stringify(opened));
});

describe("the manager part", () => {
  it("lets the direct manager write before the self part is submitted; the engineer sees nothing until it is shared", () => {
    const id = reviewOf(org.people.engineer.id);
    const saved = saveManagerReview(org.as.manager, id, versionOf(id), { summary: "A strong half.", cells: managerCells("meets") });
    expect(saved).toMatchObject({ ok: true, version: 2 });
    expect(audits(id, "review.manager-save")).toHaveLength(1);
    expect(getManagerPart(org.as.engineer, id)).toEqual({ status: "draft", canRespond: false, part: null });
    expect(getManagerPart(org.as.director, id).part).toMatchObject({ summary: "A strong half.", canWrite: false });
    expect(getManagerPart(org.as.admin, id).part?.cells.every((c) => c.rating === "meets")).toBe(true);
  });

  it("refuses everyone but the direct manager as 'not found', and a stale version as a conflict with the saved text", () => {
    const id = reviewOf(org.people.engineer.id);
    for (const who of ["otherManager", "peer", "outsider"] as Actor[]) {
      expect(() => getManagerPart(org.as[who], id)).toThrow(NotFoundError);
      expect(() => saveManagerReview(org.as[who], id, versionOf(id), { summary: "x", cells: [] })).toThrow(NotFoundError);
    }
    for (const who of ["director", "admin", "engineer"] as Actor[]) expect(() => saveManagerReview(org.as[who], id, versionOf(id), { summary: "x", cells: [] })).toThrow(NotFoundError);
    const stale = saveManagerReview(org.as.manager, id, 1, { summary: "Older tab", cells: [] });
    expect(stale).toMatchObject({ ok: false, conflict: { version: 2, current: { summary: "A strong half." } } });
  });

  it("shares only with every cell rated and a summary, then locks; the engineer responds and acknowledges once", () => {
    const id = reviewOf(org.people.peer.id);
    saveManagerReview(org.as.manager, id, versionOf(id), { summary: "", cells: [{ cell: "values.complexity", rating: "exceeds", comment: "" }] });
    const early = shareManagerReview(org.as.manager, id, versionOf(id));
    expect(early).toMatchObject({ ok: false, fieldErrors: { summary: expect.any(Array), "technical.influence": expect.any(Array) } });
    expect(() => acknowledgeReview(org.as.peer, id, "")).toThrow(NotFoundError);
    saveManagerReview(org.as.manager, id, versionOf(id), { summary: "Good work.", cells: managerCells("developing") });
    expect(shareManagerReview(org.as.manager, id, versionOf(id))).toEqual({ ok: true, value: undefined });
    expect(audits(id, "review.share")).toHaveLength(1);
    expect(saveManagerReview(org.as.manager, id, versionOf(id), { summary: "Changed", cells: [] })).toMatchObject({ ok: false, message: expect.stringMatching(/shared and locked/) });
    expect(getManagerPart(org.as.peer, id)).toMatchObject({ status: "shared", canRespond: true, part: { summary: "Good work." } });
    expect(() => acknowledgeReview(org.as.engineer, id, "")).toThrow(NotFoundError);
    expect(() => acknowledgeReview(org.as.manager, id, "")).toThrow(NotFoundError);
    expect(acknowledgeReview(org.as.peer, id, "I see it differently on leadership.")).toEqual({ ok: true, value: undefined });
    expect(getManagerPart(org.as.manager, id).part).toMatchObject({ response: "I see it differently on leadership." });
    expect(acknowledgeReview(org.as.peer, id, "again")).toMatchObject({ ok: false, message: expect.stringMatching(/already acknowledged/) });
    expect(audits(id, "review.acknowledge")).toHaveLength(1);
  });

  it("an engineer cannot acknowledge before sharing (the review looks missing to that action)", () => {
    const id = reviewOf(org.people.engineer.id);
    expect(() => acknowledgeReview(org.as.engineer, id, "")).toThrow(NotFoundError);
  });
});

describe("private notes", () => {
  it("are kept by the direct manager, read by the chain and admins, and are missing to the engineer and everyone else", () => {
    const id = reviewOf(org.people.engineer.id);
    expect(savePrivateNotes(org.as.manager, id, 0, "Talk about promotion timing.")).toMatchObject({ ok: true, version: 1 });
    expect(savePrivateNotes(org.as.manager, id, 0, "Older tab")).toMatchObject({ ok: false, conflict: { version: 1, current: "Talk about promotion timing." } });
    expect(getPrivateNotes(org.as.director, id)).toMatchObject({ body: "Talk about promotion timing.", canWrite: false });
    expect(getPrivateNotes(org.as.admin, id).body).toBe("Talk about promotion timing.");
    for (const who of ["engineer", "peer", "otherManager", "director", "admin"] as Actor[]) expect(() => savePrivateNotes(org.as[who], id, 1, "x")).toThrow(NotFoundError);
    for (const who of ["engineer", "peer", "otherManager"] as Actor[]) {
      expect(() => getPrivateNotes(org.as[who], id)).toThrow(NotFoundError);
      expect(() => savePrivateNotes(org.as[who], id, 1, "x")).toThrow(NotFoundError);
    }
    // Nothing the engineer's review page reads carries the notes.
    expect(JSON.stringify(getReview(org.as.engineer, id))).not.toContain("promotion timing");
    expect(JSON.stringify(getManagerPart(org.as.engineer, id))).not.toContain("promotion timing");
    expect(audits(id, "review.private-notes").map((a) => a.summary).join()).not.toContain("promotion timing");
  });
});

describe("team, calibration, history, action items", () => {
  it("lists direct reports first, then the org below, filtered by status", () => {
    const mine = listTeamReviews(org.as.director, {}, "2026-12-15");
    expect(mine.rows.map((r) => [r.name, r.direct])).toEqual([
      [org.people.manager.name, true],
      [org.people.engineer.name, false],
      [org.people.peer.name, false],
    ]);
    // Past both due dates: every self-assessment not submitted is overdue, and so is the manager review not yet shared.
    expect(mine.rows.map((r) => [r.selfOverdue, r.managerOverdue])).toEqual([
      [true, true],
      [true, true],
      [true, false],
    ]);
    expect(listTeamReviews(org.as.director, {}, "2026-10-01").rows.some((r) => r.overdue)).toBe(false);
    expect(listTeamReviews(org.as.manager, { status: "acknowledged" }).rows.map((r) => r.name)).toEqual([org.people.peer.name]);
    expect(listTeamReviews(org.as.manager, { status: "draft" }).rows.map((r) => r.name)).toEqual([org.people.engineer.name]);
    expect(listTeamReviews(org.as.manager, { status: "overdue", sort: "name" }, "2026-12-15").rows.map((r) => r.name)).toEqual([org.people.engineer.name, org.people.peer.name]);
    expect(listTeamReviews(org.as.manager, { status: "overdue" }, "2026-10-01").rows).toEqual([]);
    expect(() => listTeamReviews(org.as.engineer)).toThrow(NotFoundError);
  });

  it("counts calibration ratings for the viewer's org only; the CSV holds the same ratings", () => {
    const data = getCalibration(org.as.manager)!;
    expect(data.people.map((p) => p.name).sort()).toEqual([org.people.engineer.name, org.people.peer.name].sort());
    expect(data.counts.byCell.get("values.complexity")).toEqual({ "not-yet": 0, developing: 1, meets: 1, exceeds: 0 });
    expect(data.counts.byLevel.get("ic2")?.get("technical.multiplier")).toEqual({ "not-yet": 0, developing: 1, meets: 1, exceeds: 0 });
    expect(getCalibration(org.as.admin)!.people.length).toBeGreaterThan(data.people.length);
    expect(getCalibration(org.as.otherManager)!.people.map((p) => p.name)).toEqual([org.people.outsider.name]);
    const csv = calibrationCsv(org.as.manager).body;
    expect(csv.split("\n")[0]).toMatch(/^name,team,level,manager,manager_status,values\.complexity manager/);
    expect(csv).toContain(`${org.people.peer.name},`);
    expect(csv).toContain("Developing");
  });

  it("keeps an unsubmitted self draft out of calibration and history, and shows a self part once submitted", () => {
    const id = reviewOf(org.people.engineer.id);
    const cells = CELLS.map((cell) => ({ cell, rating: "exceeds" as const, evidence: "x", citations: [] }));
    saveSelfAssessment(org.as.engineer, id, 1, cells);
    const engineerRow = () => getCalibration(org.as.manager)!.people.find((p) => p.reviewId === id)!;
    expect(engineerRow().cells["values.complexity"]).toEqual({ self: null, manager: "meets" });
    submitSelfAssessment(org.as.engineer, id, 2);
    expect(engineerRow().cells["values.complexity"]).toEqual({ self: "exceeds", manager: "meets" });
    const history = getRatingHistory(org.as.engineer, org.people.engineer.id);
    expect(history.cycles[0]).toMatchObject({ selfShown: true, managerShown: false });
    expect(history.cycles[0]!.cells["values.complexity"]).toEqual({ self: "exceeds", manager: null });
    expect(getRatingHistory(org.as.director, org.people.engineer.id).cycles[0]!.cells["values.complexity"]).toEqual({ self: "exceeds", manager: "meets" });
    expect(() => getRatingHistory(org.as.peer, org.people.engineer.id)).toThrow(NotFoundError);
  });

  it("puts reviews to write on the manager's list and reviews to acknowledge on the engineer's, with due dates", () => {
    const now = new Date("2026-11-01T12:00:00Z");
    const managerItems = managerReviewActionItems(org.as.manager, now);
    expect(managerItems.map((i) => i.title)).toEqual([`Write ${org.people.engineer.name}'s review for 2026 H2`]);
    expect(managerItems[0]).toMatchObject({ cta: "Continue", detail: expect.stringMatching(/^Due .*2026 · draft saved$/), overdue: false, dueAt: new Date("2026-11-30T00:00:00Z") });
    const id = reviewOf(org.people.engineer.id);
    saveManagerReview(org.as.manager, id, versionOf(id), { summary: "Shared now.", cells: managerCells("meets") });
    shareManagerReview(org.as.manager, id, versionOf(id));
    expect(managerReviewActionItems(org.as.manager, now)).toEqual([]);
    expect(managerReviewActionItems(org.as.engineer, new Date("2026-12-05T12:00:00Z"))).toMatchObject([{ title: "Read and acknowledge your review for 2026 H2", overdue: true, href: `/reviews/${id}` }]);
  });
});
