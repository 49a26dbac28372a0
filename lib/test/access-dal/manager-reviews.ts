import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db";
import { reviewCells, reviewPrivateNotes } from "@/db/schema";
import { acknowledgeReview, getManagerPart, saveManagerReview, shareManagerReview, type ManagerCell } from "@/lib/dal/manager-reviews";
import { getRatingHistory } from "@/lib/dal/review-history";
import { getPrivateNotes, savePrivateNotes } from "@/lib/dal/review-notes";
import { calibrationCsv, getCalibration, listTeamReviews } from "@/lib/dal/review-team";
import { enrolInOpenCycles, insertPerson } from "@/lib/test/factory";
import type { Actor, Org } from "@/lib/test/org";
import { action, ALL_CELLS, asPerson, featureState, mustSucceed, type Row } from "./harness";
import { openAccessCycle, reviewIdOf, reviewRow } from "./review-cycle";

/* ---------- Manager reviews, private notes, team, calibration, history ---------- */

/* The access-control cycle's id: set by setupManagerReviews. */
const cycleState = featureState<{ reviewCycleId: string }>("manager reviews");
const managerCells = (rating: ManagerCell["rating"]): ManagerCell[] => ALL_CELLS.map((cell) => ({ cell, rating, comment: "Seen it" }));
/* A new direct report of the manager, enrolled in the access-control cycle: each write row gets a review of its own. */
const freshReport = (org: Org) => {
  const person = insertPerson(db(), { managerId: org.people.manager.id });
  return { person, reviewId: enrolInOpenCycles(db(), person.id)[0]! };
};
const sharedReport = (org: Org, summary: string) => {
  const fresh = freshReport(org);
  mustSucceed(saveManagerReview(org.as.manager, fresh.reviewId, 1, { summary, cells: managerCells("meets") }));
  mustSucceed(shareManagerReview(org.as.manager, fresh.reviewId, 2));
  return fresh;
};
const readManagerPartOf = (owner: Actor) =>
  action(
    (org, a) => getManagerPart(org.as[a], reviewIdOf(org, owner)),
    (read) => expect(read.part).toMatchObject({ summary: "Access-control summary", cells: expect.arrayContaining([expect.objectContaining({ rating: "meets" })]) }),
  );
/* The engineer reads their own review before sharing: allowed, and the manager part is withheld. */
const readUnsharedAsEngineer = action(
  (org, a) => getManagerPart(org.as[a], reviewIdOf(org, "engineer")),
  (read) => expect(read).toEqual({ status: "draft", canRespond: false, part: null }),
);
const readSharedAsEngineer = action(
  (org) => {
    const fresh = sharedReport(org, "Shared for the engineer");
    return getManagerPart(asPerson(fresh.person.id), fresh.reviewId);
  },
  (read) => expect(read).toMatchObject({ status: "shared", canRespond: true, part: { summary: "Shared for the engineer" } }),
);
const saveManagerPartOfReport = action(
  (org, a) => {
    const fresh = freshReport(org);
    return { ...fresh, result: saveManagerReview(org.as[a], fresh.reviewId, 1, { summary: "Written", cells: managerCells("exceeds") }) };
  },
  ({ reviewId, result }) => {
    expect(result).toMatchObject({ ok: true, version: 2 });
    expect(reviewRow(reviewId)).toMatchObject({ managerStatus: "draft", managerSummary: "Written" });
    expect(db().select({ r: reviewCells.managerRating }).from(reviewCells).where(eq(reviewCells.reviewId, reviewId)).all().map((c) => c.r)).toEqual(Array(9).fill("exceeds"));
  },
);
const shareManagerPartOfReport = action(
  (org, a) => {
    const fresh = freshReport(org);
    mustSucceed(saveManagerReview(org.as.manager, fresh.reviewId, 1, { summary: "Ready", cells: managerCells("meets") }));
    return { ...fresh, result: shareManagerReview(org.as[a], fresh.reviewId, 2) };
  },
  ({ reviewId, result }) => {
    expect(result).toEqual({ ok: true, value: undefined });
    expect(reviewRow(reviewId)).toMatchObject({ managerStatus: "shared", sharedAt: expect.any(Date) });
  },
);
/* Acknowledging a review the manager shared: the reviewed person's own (allowed), or a fresh report's acted on by someone else. */
const acknowledgeOwn = action(
  (org, a) => {
    const reviewId = reviewIdOf(org, a);
    mustSucceed(saveManagerReview(org.as.manager, reviewId, reviewRow(reviewId).managerVersion, { summary: "To acknowledge", cells: managerCells("meets") }));
    mustSucceed(shareManagerReview(org.as.manager, reviewId, reviewRow(reviewId).managerVersion));
    return { reviewId, result: acknowledgeReview(org.as[a], reviewId, "Thanks") };
  },
  ({ reviewId, result }) => {
    expect(result).toEqual({ ok: true, value: undefined });
    expect(reviewRow(reviewId)).toMatchObject({ managerStatus: "acknowledged", engineerResponse: "Thanks", acknowledgedAt: expect.any(Date) });
  },
);
const acknowledgeSomeoneElses = action(
  (org, a) => acknowledgeReview(org.as[a], sharedReport(org, "Not yours").reviewId, "Thanks"),
  (result) => expect(result).toEqual({ ok: true, value: undefined }),
);
const readNotesOf = (owner: Actor) =>
  action(
    (org, a) => getPrivateNotes(org.as[a], reviewIdOf(org, owner)),
    (notes) => expect(notes.body).toBe("Access-control private note"),
  );
const saveNotesOnReport = action(
  (org, a) => {
    const fresh = freshReport(org);
    return { ...fresh, result: savePrivateNotes(org.as[a], fresh.reviewId, 0, "Fresh note") };
  },
  ({ reviewId, result }) => {
    expect(result).toMatchObject({ ok: true, version: 1 });
    expect(db().select({ body: reviewPrivateNotes.body }).from(reviewPrivateNotes).where(eq(reviewPrivateNotes.reviewId, reviewId)).get()).toEqual({ body: "Fresh note" });
  },
);
const teamList = action(
  (org, a) => listTeamReviews(org.as[a], { cycleId: cycleState.get().reviewCycleId }),
  (team, org, a) => {
    const names = team.rows.map((r) => r.name);
    if (a === "otherManager") expect(names).toEqual([org.people.outsider.name]);
    else expect(names).toEqual(expect.arrayContaining([org.people.engineer.name, org.people.peer.name]));
    if (a !== "admin") expect(names).not.toContain(a === "otherManager" ? org.people.engineer.name : org.people.outsider.name);
  },
);
const calibrationAs = action(
  (org, a) => ({ data: getCalibration(org.as[a], { cycleId: cycleState.get().reviewCycleId })!, csv: calibrationCsv(org.as[a], { cycleId: cycleState.get().reviewCycleId }).body }),
  ({ data, csv }, org, a) => {
    const names = data.people.map((p) => p.name);
    expect(names).toContain(org.people.engineer.name);
    expect(csv).toContain(org.people.engineer.name);
    if (a !== "admin") {
      expect(names).not.toContain(org.people.outsider.name);
      expect(csv).not.toContain(org.people.outsider.name);
    } else expect(names).toContain(org.people.outsider.name);
  },
);
const historyOf = (owner: Actor) =>
  action(
    (org, a) => getRatingHistory(org.as[a], org.people[owner].id),
    (history, org) => {
      expect(history.person.id).toBe(org.people[owner].id);
      expect(history.cycles.map((c) => c.reviewId)).toContain(reviewIdOf(org, owner));
    },
  );

export const managerReviewRows: Row[] = [
  { what: "read the manager part of a direct report's review", as: "manager", expect: "allowed", action: readManagerPartOf("engineer") },
  { what: "read the manager part of a skip-level report's review (read only)", as: "director", expect: "allowed", action: readManagerPartOf("engineer") },
  { what: "read the manager part of anyone's review", as: "admin", expect: "allowed", action: readManagerPartOf("engineer") },
  { what: "read the manager part of another manager's report", as: "otherManager", expect: "refused", action: readManagerPartOf("engineer") },
  { what: "read the manager part of a peer's review", as: "peer", expect: "refused", action: readManagerPartOf("engineer") },
  { what: "read own review's manager part before it is shared (withheld)", as: "engineer", expect: "allowed", action: readUnsharedAsEngineer },
  { what: "read own review's manager part once shared", as: "engineer", expect: "allowed", action: readSharedAsEngineer },
  { what: "write a direct report's manager review", as: "manager", expect: "allowed", action: saveManagerPartOfReport },
  ...(["director", "admin", "otherManager", "peer", "engineer"] as const).flatMap((as) => [
    { what: "write someone else's direct report's manager review", as, expect: "refused" as const, action: saveManagerPartOfReport },
    { what: "share someone else's direct report's manager review", as, expect: "refused" as const, action: shareManagerPartOfReport },
    { what: "acknowledge a review shared with someone else", as, expect: "refused" as const, action: acknowledgeSomeoneElses },
  ]),
  { what: "share a direct report's manager review", as: "manager", expect: "allowed", action: shareManagerPartOfReport },
  { what: "acknowledge own review once shared", as: "peer", expect: "allowed", action: acknowledgeOwn },
  { what: "acknowledge a report's review for them", as: "manager", expect: "refused", action: acknowledgeSomeoneElses },
  { what: "read private notes on a direct report's review", as: "manager", expect: "allowed", action: readNotesOf("engineer") },
  { what: "read private notes on a skip-level report's review", as: "director", expect: "allowed", action: readNotesOf("engineer") },
  { what: "read private notes on anyone's review", as: "admin", expect: "allowed", action: readNotesOf("engineer") },
  ...(["engineer", "peer", "otherManager"] as const).map((as) => ({ what: "read private notes on the engineer's review", as, expect: "refused" as const, action: readNotesOf("engineer") })),
  { what: "write private notes on a direct report's review", as: "manager", expect: "allowed", action: saveNotesOnReport },
  ...(["director", "admin", "otherManager", "peer", "engineer"] as const).map((as) => ({ what: "write private notes on someone else's report's review", as, expect: "refused" as const, action: saveNotesOnReport })),
  ...(["manager", "director", "otherManager", "admin"] as const).map((as) => ({ what: "list the team's reviews (their org only)", as, expect: "allowed" as const, action: teamList })),
  ...(["engineer", "peer"] as const).map((as) => ({ what: "list the team's reviews", as, expect: "refused" as const, action: teamList })),
  ...(["manager", "director", "admin"] as const).map((as) => ({ what: "see calibration and its CSV (their org only)", as, expect: "allowed" as const, action: calibrationAs })),
  ...(["engineer", "peer"] as const).map((as) => ({ what: "see calibration and its CSV", as, expect: "refused" as const, action: calibrationAs })),
  { what: "see own rating history", as: "engineer", expect: "allowed", action: historyOf("engineer") },
  { what: "see a direct report's rating history", as: "manager", expect: "allowed", action: historyOf("engineer") },
  { what: "see a skip-level report's rating history", as: "director", expect: "allowed", action: historyOf("engineer") },
  { what: "see a peer's rating history", as: "peer", expect: "refused", action: historyOf("engineer") },
  { what: "see another manager's report's rating history", as: "otherManager", expect: "refused", action: historyOf("engineer") },
];

/* The access-control cycle (the peer's and the outsider's self-assessments submitted), with the manager's draft review of the engineer and a private note on it. */
export function setupManagerReviews(org: Org) {
  cycleState.set({ reviewCycleId: openAccessCycle(org) });
  const engineerReview = reviewIdOf(org, "engineer");
  mustSucceed(saveManagerReview(org.as.manager, engineerReview, 1, { summary: "Access-control summary", cells: managerCells("meets") }));
  mustSucceed(savePrivateNotes(org.as.manager, engineerReview, 0, "Access-control private note"));
}
