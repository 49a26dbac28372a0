import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db";
import { evidenceEntries, orgSettings, people, reviewCells, reviewCycles, reviews } from "@/db/schema";
import { createEvidence, deleteEvidence, getEvidenceEntry, listEvidence, listLearningByCell, updateEvidence } from "@/lib/dal/evidence";
import { getOrgSettings, saveOrgTimeZone } from "@/lib/dal/org-settings";
import { closeCycle, listCycles, openCycle } from "@/lib/dal/review-cycles";
import { getReview, saveSelfAssessment, submitSelfAssessment } from "@/lib/dal/reviews";
import { fileClaim, TEST_TODAY, TEST_YEAR } from "@/lib/test/builders";
import type { Actor, Org } from "@/lib/test/org";
import { action, featureState, mustSucceed, type Row } from "./harness";
import { openAccessCycle, reviewIdOf, reviewRow, selfCells } from "./review-cycle";

/* ---------- Evidence, review cycles, self-assessments, org settings ---------- */

/* A fresh entry of the owner's, with a title of its own. */
const evidenceOf = (org: Org, owner: Actor) => {
  const title = `Win of ${owner} ${crypto.randomUUID().slice(0, 8)}`;
  const created = mustSucceed(createEvidence(org.as[owner], { title, occurredOn: "2026-01-15", description: "", links: [], cells: [{ competencyKey: "values", themeKey: "complexity" }] }));
  return { id: (created as { value: string }).value, title };
};
export const entryRow = (id: string) => db().select().from(evidenceEntries).where(eq(evidenceEntries.id, id)).get();

const readEvidenceOf = (owner: Actor) =>
  action(
    (org, a) => {
      const entry = evidenceOf(org, owner);
      return { entry, read: getEvidenceEntry(org.as[a], entry.id) };
    },
    ({ entry, read }, org) => expect(read).toMatchObject({ id: entry.id, title: entry.title, personId: org.people[owner].id }),
  );
const listEvidenceOf = (owner: Actor) =>
  action(
    (org, a) => {
      const entry = evidenceOf(org, owner);
      return { entry, list: listEvidence(org.as[a], org.people[owner].id) };
    },
    ({ entry, list }, org) => {
      expect(list.map((e) => e.id)).toContain(entry.id);
      const owned = db().select({ id: evidenceEntries.id }).from(evidenceEntries).where(eq(evidenceEntries.personId, org.people[owner].id)).all();
      expect(list.length).toBeLessThanOrEqual(owned.length);
    },
  );
const editEvidenceOf = (owner: Actor) =>
  action(
    (org, a) => {
      const entry = evidenceOf(org, owner);
      return { entry, result: updateEvidence(org.as[a], entry.id, 1, { title: "Edited", occurredOn: "2026-01-16", description: "", links: [], cells: [{ competencyKey: "technical", themeKey: "complexity" }] }) };
    },
    ({ entry, result }) => {
      expect(result).toMatchObject({ ok: true });
      expect(entryRow(entry.id)).toMatchObject({ title: "Edited", occurredOn: "2026-01-16", version: 2 });
    },
  );
const deleteEvidenceOf = (owner: Actor) =>
  action(
    (org, a) => {
      const entry = evidenceOf(org, owner);
      return { entry, result: deleteEvidence(org.as[a], entry.id) };
    },
    ({ entry, result }) => {
      expect(result).toEqual({ ok: true, value: "deleted" });
      expect(entryRow(entry.id)).toBeUndefined();
    },
  );
const learningOf = (owner: Actor) =>
  action(
    async (org, a) => {
      const claimId = await fileClaim(org.as[owner], { purchaseDate: `${TEST_YEAR}-02-02`, item: `Learning ${crypto.randomUUID().slice(0, 8)}`, cell: { competencyKey: "leadership", themeKey: "influence" } }, TEST_TODAY);
      return { claimId, learning: listLearningByCell(org.as[a], org.people[owner].id) };
    },
    ({ claimId, learning }) => expect(JSON.stringify(learning)).toContain(claimId),
  );

/* The access-control cycle's id, and how many more cycles the rows opened: set by setupEvidenceReviews. */
const cycleState = featureState<{ reviewCycleId: string; opened: number }>("evidence, cycles and self-assessments");
/* A submitted review is readable by the owner's managers; the self part comes back in full. */
const readSubmittedReviewOf = (owner: Actor) =>
  action(
    (org, a) => {
      const id = reviewIdOf(org, owner);
      return { id, review: getReview(org.as[a], id) };
    },
    ({ id, review }, org) => {
      expect(review.review).toMatchObject({ id, personId: org.people[owner].id });
      expect(review.self?.map((c) => c.rating)).toEqual(Array(9).fill("meets"));
    },
  );
const readReviewOf = (owner: Actor) =>
  action(
    (org, a) => getReview(org.as[a], reviewIdOf(org, owner)),
    (review, org) => expect(review.review.personId).toBe(org.people[owner].id),
  );
const saveReviewOf = (owner: Actor) =>
  action(
    (org, a) => {
      const id = reviewIdOf(org, owner);
      const version = reviewRow(id).selfVersion;
      return { id, version, result: saveSelfAssessment(org.as[a], id, version, selfCells("developing")) };
    },
    ({ id, version, result }) => {
      expect(result).toMatchObject({ ok: true, version: version + 1 });
      const saved = db().select({ rating: reviewCells.selfRating }).from(reviewCells).where(eq(reviewCells.reviewId, id)).all();
      expect(saved.map((c) => c.rating)).toEqual(Array(9).fill("developing"));
    },
  );
const submitReviewOf = (owner: Actor) =>
  action(
    (org, a) => {
      const id = reviewIdOf(org, owner);
      return { id, result: submitSelfAssessment(org.as[a], id, reviewRow(id).selfVersion) };
    },
    ({ id, result }) => {
      expect(result).toMatchObject({ ok: true });
      expect(reviewRow(id).selfStatus).toBe("submitted");
    },
  );
const listCyclesAs = action(
  (org, a) => listCycles(org.as[a]),
  (cycles) => {
    expect(cycles.map((c) => c.id)).toContain(cycleState.get().reviewCycleId);
    expect(cycles).toHaveLength(db().select({ id: reviewCycles.id }).from(reviewCycles).all().length);
  },
);
const openAndCloseCycle = action(
  (org, a) => {
    const opened = mustSucceed(openCycle(org.as[a], { name: `AC cycle ${++cycleState.get().opened}`, selfDueOn: "2026-09-01", managerDueOn: "2026-09-30" }, "2026-01-01")) as { value: { id: string; enrolled: number } };
    return { opened: opened.value, closed: closeCycle(org.as[a], opened.value.id, 1) };
  },
  ({ opened, closed }) => {
    expect(closed).toMatchObject({ ok: true });
    expect(db().select({ status: reviewCycles.status }).from(reviewCycles).where(eq(reviewCycles.id, opened.id)).get()).toEqual({ status: "closed" });
    const active = db().select({ id: people.id }).from(people).where(eq(people.active, true)).all().length;
    expect(opened.enrolled).toBe(active);
    expect(db().select({ id: reviews.id }).from(reviews).where(eq(reviews.cycleId, opened.id)).all()).toHaveLength(active);
  },
);
const readSettings = action(
  (org, a) => getOrgSettings(org.as[a]),
  (settings) => expect(settings).toMatchObject({ timeZone: db().select({ tz: orgSettings.timeZone }).from(orgSettings).get()?.tz ?? "UTC" }),
);
const saveTimeZone = action(
  (org, a) => {
    const { version } = getOrgSettings(org.as.admin);
    return saveOrgTimeZone(org.as[a], "Europe/Amsterdam", version);
  },
  (result) => {
    expect(result).toMatchObject({ ok: true });
    expect(db().select({ tz: orgSettings.timeZone }).from(orgSettings).get()).toEqual({ tz: "Europe/Amsterdam" });
  },
);

export const evidenceReviewRows: Row[] = [
  { what: "list own evidence", as: "engineer", expect: "allowed", action: listEvidenceOf("engineer") },
  { what: "read own evidence entry", as: "engineer", expect: "allowed", action: readEvidenceOf("engineer") },
  { what: "read a peer's evidence", as: "peer", expect: "refused", action: readEvidenceOf("engineer") },
  { what: "list a peer's evidence", as: "peer", expect: "refused", action: listEvidenceOf("engineer") },
  { what: "list a direct report's evidence", as: "manager", expect: "allowed", action: listEvidenceOf("engineer") },
  { what: "read a skip-level report's evidence", as: "director", expect: "allowed", action: readEvidenceOf("engineer") },
  { what: "read another manager's report's evidence", as: "otherManager", expect: "refused", action: readEvidenceOf("engineer") },
  { what: "read own manager's evidence", as: "engineer", expect: "refused", action: readEvidenceOf("manager") },
  { what: "read anyone's evidence", as: "admin", expect: "allowed", action: readEvidenceOf("outsider") },
  { what: "edit own evidence", as: "engineer", expect: "allowed", action: editEvidenceOf("engineer") },
  { what: "edit a direct report's evidence", as: "manager", expect: "refused", action: editEvidenceOf("engineer") },
  { what: "edit anyone's evidence", as: "admin", expect: "refused", action: editEvidenceOf("engineer") },
  { what: "delete own evidence", as: "engineer", expect: "allowed", action: deleteEvidenceOf("engineer") },
  { what: "delete a peer's evidence", as: "peer", expect: "refused", action: deleteEvidenceOf("engineer") },
  { what: "delete a direct report's evidence", as: "manager", expect: "refused", action: deleteEvidenceOf("engineer") },
  { what: "see a direct report's learning by cell", as: "manager", expect: "allowed", action: learningOf("engineer") },
  { what: "see a peer's learning by cell", as: "peer", expect: "refused", action: learningOf("engineer") },
  { what: "read a direct report's submitted review", as: "manager", expect: "allowed", action: readSubmittedReviewOf("peer") },
  { what: "save own self-assessment", as: "engineer", expect: "allowed", action: saveReviewOf("engineer") },
  { what: "save a peer's self-assessment", as: "peer", expect: "refused", action: saveReviewOf("engineer") },
  { what: "save a direct report's self-assessment", as: "manager", expect: "refused", action: saveReviewOf("engineer") },
  { what: "save anyone's self-assessment", as: "admin", expect: "refused", action: saveReviewOf("engineer") },
  { what: "submit a peer's self-assessment", as: "peer", expect: "refused", action: submitReviewOf("engineer") },
  { what: "submit a direct report's self-assessment", as: "manager", expect: "refused", action: submitReviewOf("engineer") },
  { what: "submit own self-assessment", as: "director", expect: "allowed", action: submitReviewOf("director") },
  { what: "read own review", as: "engineer", expect: "allowed", action: readReviewOf("engineer") },
  { what: "read a peer's review", as: "peer", expect: "refused", action: readReviewOf("engineer") },
  { what: "read another manager's report's review", as: "otherManager", expect: "refused", action: readReviewOf("engineer") },
  { what: "read a skip-level report's submitted review", as: "director", expect: "allowed", action: readSubmittedReviewOf("peer") },
  { what: "read a submitted review outside their org", as: "admin", expect: "allowed", action: readSubmittedReviewOf("outsider") },
  { what: "read a submitted review outside their org", as: "otherManager", expect: "refused", action: readSubmittedReviewOf("peer") },
  ...(["engineer", "manager", "director"] as const).flatMap((as) => [
    { what: "list review cycles", as, expect: "refused" as const, action: listCyclesAs },
    { what: "open and close a cycle", as, expect: "refused" as const, action: openAndCloseCycle },
    { what: "read the org settings", as, expect: "refused" as const, action: readSettings },
    { what: "set the org time zone", as, expect: "refused" as const, action: saveTimeZone },
  ]),
  { what: "list review cycles", as: "admin", expect: "allowed", action: listCyclesAs },
  { what: "open and close a cycle", as: "admin", expect: "allowed", action: openAndCloseCycle },
  { what: "read the org settings", as: "admin", expect: "allowed", action: readSettings },
  { what: "set the org time zone", as: "admin", expect: "allowed", action: saveTimeZone },
];

/* The access-control cycle (the peer's and the outsider's self-assessments submitted), and the director's own saved as a draft for them to submit. */
export function setupEvidenceReviews(org: Org) {
  cycleState.set({ reviewCycleId: openAccessCycle(org), opened: 0 });
  mustSucceed(saveSelfAssessment(org.as.director, reviewIdOf(org, "director"), 1, selfCells("exceeds")));
}
