import { beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/errors";
import { db } from "@/db";
import { loadDefaultFramework } from "@/lib/dal/framework-install";
import { exportFramework, getFrameworkStructure, insertFrameworkVersion } from "@/lib/dal/framework";
import { createAccountLink } from "@/lib/dal/account-links";
import { listAudit } from "@/lib/dal/audit-log";
import { listCommittee, setCommitteeMember } from "@/lib/dal/committee";
import { changeLevel } from "@/lib/dal/level-changes";
import { getOrgChartPeople } from "@/lib/dal/org-chart";
import { getPersonForAdmin, listPeople, setActive } from "@/lib/dal/people-admin";
import { exportPeopleRows, previewPeopleImport } from "@/lib/dal/people-csv";
import { endAllSessionsOf } from "@/lib/dal/account";
import { getPersonProfile } from "@/lib/dal/people";
import { insertPerson } from "@/lib/test/factory";
import { listTeamClaims } from "@/lib/dal/stipend-approvals";
import { createClaim, getClaim, getStipendYear, transitionClaim } from "@/lib/dal/stipend-claims";
import { getStipendReport } from "@/lib/dal/stipend-reports";
import { saveYearSettings } from "@/lib/dal/stipend-years";
import { getReceiptFile, getReceiptRetention, saveReceiptRetention } from "@/lib/dal/stipend-receipts";
import { buildOrg, type Actor, type Org } from "@/lib/test/org";
import { createEvidence, deleteEvidence, getEvidenceEntry, listEvidence, listLearningByCell, updateEvidence } from "@/lib/dal/evidence";
import { getOrgSettings, saveOrgTimeZone } from "@/lib/dal/org-settings";
import { closeCycle, listCycles, openCycle } from "@/lib/dal/review-cycles";
import { getReview, listMyReviews, saveSelfAssessment, submitSelfAssessment, type SelfCell } from "@/lib/dal/reviews";

/*
 * The access-control table, checked below the browser: each row calls a DAL
 * function as a given person and says whether it must be allowed or refused.
 * Refused means "looks missing" (NotFoundError). Every feature adds its rows;
 * e2e/access-control.spec.ts holds the matching rows for pages over HTTP.
 */
type Row = { what: string; as: Actor; expect: "allowed" | "refused"; run: (org: Org, actor: Actor) => unknown };

const viewProfile = (target: keyof Org["people"]) => (org: Org, actor: Actor) => getPersonProfile(org.as[actor], org.people[target].id);

/* Framework reads return null when refused; the harness treats that like NotFoundError. */
const orRefuse = <T>(value: T | null) => {
  if (value === null) throw new NotFoundError("framework version");
  return value;
};
let draftNumber: number;
const readDraft = (org: Org, actor: Actor) => orRefuse(getFrameworkStructure(org.as[actor], draftNumber));
const exportDraft = (org: Org, actor: Actor) => orRefuse(exportFramework(org.as[actor], draftNumber));
const exportPublished = (org: Org, actor: Actor) => orRefuse(exportFramework(org.as[actor], 1));

/* Admin rows act on a fresh person each, and must really succeed for the admin. */
let target: () => { id: string };
const expectOk = (result: { ok: boolean }) => {
  if (!result.ok) throw new Error(`expected the action to succeed: ${JSON.stringify(result)}`);
  return result;
};

/* People administration: admins only, every page's data and every action. */
const adminOnly: { what: string; run: Row["run"] }[] = [
  { what: "list people", run: (org, a) => listPeople(org.as[a]) },
  { what: "open a person for editing", run: (org, a) => getPersonForAdmin(org.as[a], org.people.engineer.id) },
  { what: "issue an invitation link", run: (org, a) => createAccountLink(org.as[a], org.people.peer.id, "invite") },
  { what: "change a level", run: (org, a) => changeLevel(org.as[a], org.people.outsider.id, { trackKey: "ic", levelKey: "ic1", effectiveDate: "2026-01-01", reason: "test" }) },
  { what: "deactivate a person", run: (org, a) => expectOk(setActive(org.as[a], target().id, false)) },
  { what: "preview a CSV import", run: (org, a) => previewPeopleImport(org.as[a], "name\n") },
  { what: "export people as CSV", run: (org, a) => exportPeopleRows(org.as[a]) },
  { what: "see the org chart", run: (org, a) => getOrgChartPeople(org.as[a]) },
  { what: "read the audit log", run: (org, a) => listAudit(org.as[a], { page: 1 }) },
  { what: "list the committee", run: (org, a) => listCommittee(org.as[a]) },
  { what: "name a committee member", run: (org, a) => expectOk(setCommitteeMember(org.as[a], target().id, true)) },
];

/* The team view lists claims of the viewer's whole org below them, and nobody else's. */
const teamView =
  (mustSee: (keyof Org["people"])[], mustNotSee: (keyof Org["people"])[]) =>
  (org: Org, actor: Actor) => {
    const owners = new Set(listTeamClaims(org.as[actor], new Date().getUTCFullYear()).claims.map((c) => c.personId));
    const missing = mustSee.filter((p) => !owners.has(org.people[p].id));
    const leaked = mustNotSee.filter((p) => owners.has(org.people[p].id));
    if (missing.length || leaked.length) throw new Error(`team view: missing ${missing.join(", ")}; leaked ${leaked.join(", ")}`);
    return owners;
  };

const rows: Row[] = [
  { what: "team claims: own org only", as: "manager", expect: "allowed", run: teamView(["engineer"], ["outsider"]) },
  { what: "team claims: whole org below", as: "director", expect: "allowed", run: teamView(["engineer"], ["outsider"]) },
  { what: "team claims: own org only", as: "otherManager", expect: "allowed", run: teamView(["outsider"], ["engineer"]) },
  { what: "team claims: none without reports", as: "engineer", expect: "allowed", run: teamView([], ["engineer", "outsider", "peer"]) },
  { what: "team claims: everyone", as: "admin", expect: "allowed", run: teamView(["engineer", "outsider"], []) },
  ...adminOnly.flatMap(({ what, run }) => [
    ...(["engineer", "manager", "director"] as const).map((as) => ({ what, as, expect: "refused" as const, run })),
    { what, as: "admin" as const, expect: "allowed" as const, run },
  ]),
  { what: "read the published framework", as: "engineer", expect: "allowed", run: exportPublished },
  { what: "read a draft framework", as: "engineer", expect: "refused", run: readDraft },
  { what: "export a draft framework", as: "manager", expect: "refused", run: exportDraft },
  { what: "read a draft framework", as: "admin", expect: "allowed", run: readDraft },
  { what: "export a draft framework", as: "admin", expect: "allowed", run: exportDraft },
  { what: "view own profile", as: "engineer", expect: "allowed", run: viewProfile("engineer") },
  { what: "end own sessions", as: "engineer", expect: "allowed", run: (org, a) => endAllSessionsOf(org.as[a], org.people.engineer.id) },
  { what: "end a direct report's sessions", as: "manager", expect: "refused", run: (org, a) => endAllSessionsOf(org.as[a], org.people.engineer.id) },
  { what: "end a peer's sessions", as: "engineer", expect: "refused", run: (org, a) => endAllSessionsOf(org.as[a], org.people.peer.id) },
  { what: "end anyone's sessions", as: "admin", expect: "allowed", run: (org, a) => endAllSessionsOf(org.as[a], org.people.outsider.id) },
  { what: "view a peer's profile", as: "engineer", expect: "refused", run: viewProfile("peer") },
  { what: "view own manager's profile", as: "engineer", expect: "refused", run: viewProfile("manager") },
  { what: "view a direct report's profile", as: "manager", expect: "allowed", run: viewProfile("engineer") },
  { what: "view a skip-level report's profile", as: "director", expect: "allowed", run: viewProfile("engineer") },
  { what: "view another manager's report", as: "otherManager", expect: "refused", run: viewProfile("engineer") },
  { what: "view anyone's profile", as: "admin", expect: "allowed", run: viewProfile("outsider") },
];

/* Stipend rows: each mutating row files its own claim, so rows never depend on each other's order. */
const claimBy = async (org: Org, ownerActor: Actor, opts: { receipt?: boolean } = {}) => {
  const result = await createClaim(org.as[ownerActor], {
    purchaseDate: "2026-02-01",
    item: "Access-control book",
    vendor: "Bookshop",
    category: "Books",
    amountPaidMinor: 1_000,
    currencyPaid: "USD",
    amountChargedMinor: null,
    receiptUrl: opts.receipt ? null : "https://shop.example.com/r/1",
    receiptFile: opts.receipt ? new File([Buffer.from("%PDF-1.4\n")], "r.pdf") : null,
    note: "",
    cell: null,
  }, "2026-11-22");
  if (!result.ok) throw new Error(result.message);
  return result.id;
};
const mustSucceed = <T extends { ok: boolean }>(result: T) => {
  if (!result.ok) throw new Error("expected the change to be made");
  return result;
};
const viewClaimOf = (ownerActor: Actor) => async (org: Org, actor: Actor) => getClaim(org.as[actor], await claimBy(org, ownerActor));
const decideClaimOf = (ownerActor: Actor, action: "approve" | "reject") => async (org: Org, actor: Actor) => mustSucceed(transitionClaim(org.as[actor], await claimBy(org, ownerActor), action, 1, "reason"));
const withdrawClaimOf = (ownerActor: Actor) => async (org: Org, actor: Actor) => mustSucceed(transitionClaim(org.as[actor], await claimBy(org, ownerActor), "withdraw", 1, ""));
const reimburseClaimOf = (ownerActor: Actor) => async (org: Org, actor: Actor) => {
  const id = await claimBy(org, ownerActor);
  mustSucceed(transitionClaim(org.as.manager, id, "approve", 1, ""));
  return mustSucceed(transitionClaim(org.as[actor], id, "reimburse", 2, ""));
};
const receiptOf = (ownerActor: Actor) => async (org: Org, actor: Actor) => {
  const id = await claimBy(org, ownerActor, { receipt: true });
  return getReceiptFile(org.as[actor], getClaim(org.as[ownerActor], id).claim.receiptId!);
};
const stipendYearOf = (target: keyof Org["people"]) => (org: Org, actor: Actor) => getStipendYear(org.as[actor], org.people[target].id, 2026);
const saveSettings = (org: Org, actor: Actor) =>
  mustSucceed(saveYearSettings(org.as[actor], 2030, { allowanceMinor: 100_000, currency: "USD", categories: ["Books"], overBalance: "refuse", prorateNewStarters: true }, 0));
const stipendReport = (org: Org, actor: Actor) => getStipendReport(org.as[actor], 2026);
const readRetention = (org: Org, actor: Actor) => getReceiptRetention(org.as[actor]);
const saveRetention = (org: Org, actor: Actor) => mustSucceed(saveReceiptRetention(org.as[actor], 90, getReceiptRetention(org.as.admin).version));

rows.push(
  { what: "see own stipend year", as: "engineer", expect: "allowed", run: stipendYearOf("engineer") },
  { what: "see a peer's stipend year", as: "engineer", expect: "refused", run: stipendYearOf("peer") },
  { what: "see a direct report's stipend year", as: "manager", expect: "allowed", run: stipendYearOf("engineer") },
  { what: "see a peer's stipend claim", as: "peer", expect: "refused", run: viewClaimOf("engineer") },
  { what: "see a direct report's claim", as: "manager", expect: "allowed", run: viewClaimOf("engineer") },
  { what: "see a skip-level report's claim", as: "director", expect: "allowed", run: viewClaimOf("engineer") },
  { what: "see another manager's report's claim", as: "otherManager", expect: "refused", run: viewClaimOf("engineer") },
  { what: "see anyone's claim", as: "admin", expect: "allowed", run: viewClaimOf("outsider") },
  { what: "approve own claim", as: "engineer", expect: "refused", run: decideClaimOf("engineer", "approve") },
  { what: "approve a peer's claim", as: "peer", expect: "refused", run: decideClaimOf("engineer", "approve") },
  { what: "approve a direct report's claim", as: "manager", expect: "allowed", run: decideClaimOf("engineer", "approve") },
  { what: "reject a direct report's claim", as: "manager", expect: "allowed", run: decideClaimOf("engineer", "reject") },
  { what: "approve a skip-level report's claim", as: "director", expect: "refused", run: decideClaimOf("engineer", "approve") },
  { what: "approve another manager's report's claim", as: "otherManager", expect: "refused", run: decideClaimOf("engineer", "approve") },
  { what: "approve a claim that has a manager to decide it", as: "admin", expect: "refused", run: decideClaimOf("engineer", "approve") },
  { what: "approve a claim by someone with no manager", as: "admin", expect: "allowed", run: decideClaimOf("director", "approve") },
  { what: "approve own claim, having no manager", as: "admin", expect: "refused", run: decideClaimOf("admin", "approve") },
  { what: "withdraw own pending claim", as: "engineer", expect: "allowed", run: withdrawClaimOf("engineer") },
  { what: "withdraw a direct report's claim", as: "manager", expect: "refused", run: withdrawClaimOf("engineer") },
  { what: "reimburse an approved claim", as: "admin", expect: "allowed", run: reimburseClaimOf("engineer") },
  { what: "reimburse an approved claim", as: "manager", expect: "refused", run: reimburseClaimOf("engineer") },
  { what: "download own receipt", as: "engineer", expect: "allowed", run: receiptOf("engineer") },
  { what: "download a peer's receipt", as: "peer", expect: "refused", run: receiptOf("engineer") },
  { what: "download a direct report's receipt", as: "manager", expect: "allowed", run: receiptOf("engineer") },
  { what: "download a receipt outside their org", as: "otherManager", expect: "refused", run: receiptOf("engineer") },
  { what: "set a stipend year's settings", as: "manager", expect: "refused", run: saveSettings },
  { what: "set a stipend year's settings", as: "admin", expect: "allowed", run: saveSettings },
  { what: "see the stipend report", as: "manager", expect: "refused", run: stipendReport },
  { what: "see the stipend report", as: "admin", expect: "allowed", run: stipendReport },
  { what: "see how long rejected receipts are kept", as: "manager", expect: "refused", run: readRetention },
  { what: "see how long rejected receipts are kept", as: "admin", expect: "allowed", run: readRetention },
  { what: "set how long rejected receipts are kept", as: "engineer", expect: "refused", run: saveRetention },
  { what: "set how long rejected receipts are kept", as: "manager", expect: "refused", run: saveRetention },
  { what: "set how long rejected receipts are kept", as: "director", expect: "refused", run: saveRetention },
  { what: "set how long rejected receipts are kept", as: "admin", expect: "allowed", run: saveRetention },
);

/* Evidence and reviews: each row works on fresh records, and allowed rows check what came back or changed. */
const ALL_CELLS = ["values", "technical", "leadership"].flatMap((c) => ["complexity", "influence", "multiplier"].map((t) => `${c}.${t}`));
const selfCells = (rating: SelfCell["rating"]): SelfCell[] => ALL_CELLS.map((cell) => ({ cell, rating, evidence: "Shipped it", citations: [] }));
const evidenceOf = (org: Org, owner: Actor) => {
  const created = createEvidence(org.as[owner], { title: `Win of ${owner}`, occurredOn: "2026-01-15", description: "", links: [], cells: [{ competencyKey: "values", themeKey: "complexity" }] });
  if (!created.ok) throw new Error("evidence not created");
  return created.value;
};
const readEvidenceOf = (owner: Actor) => (org: Org, actor: Actor) => {
  const id = evidenceOf(org, owner);
  const entry = getEvidenceEntry(org.as[actor], id);
  if (entry.title !== `Win of ${owner}`) throw new Error("wrong entry");
  return entry;
};
const listEvidenceOf = (owner: Actor) => (org: Org, actor: Actor) => {
  const id = evidenceOf(org, owner);
  const list = listEvidence(org.as[actor], org.as[owner].id);
  if (!list.some((e) => e.id === id)) throw new Error("entry missing from the list");
  return list;
};
const editEvidenceOf = (owner: Actor) => (org: Org, actor: Actor) => {
  const id = evidenceOf(org, owner);
  mustSucceed(updateEvidence(org.as[actor], id, 1, { title: "Edited", occurredOn: "2026-01-16", description: "", links: [], cells: [{ competencyKey: "technical", themeKey: "complexity" }] }));
  const entry = getEvidenceEntry(org.as[owner], id);
  if (entry.title !== "Edited") throw new Error("not edited");
  return entry;
};
const deleteEvidenceOf = (owner: Actor) => (org: Org, actor: Actor) => mustSucceed(deleteEvidence(org.as[actor], evidenceOf(org, owner)));
const learningOf = (owner: Actor) => (org: Org, actor: Actor) => listLearningByCell(org.as[actor], org.as[owner].id);

let reviewCycleId: string;
const reviewIdOf = (org: Org, owner: Actor) => listMyReviews(org.as[owner]).find((r) => r.cycleName === "Access-control cycle")!.id;
/* A submitted review is readable by the owner's managers; the self part must come back in full. */
const readSubmittedReviewOf = (owner: Actor) => (org: Org, actor: Actor) => {
  const review = getReview(org.as[actor], reviewIdOf(org, owner));
  if (review.self?.length !== 9) throw new Error("self part missing");
  return review;
};
const saveReviewOf = (owner: Actor) => (org: Org, actor: Actor) => {
  const id = reviewIdOf(org, owner);
  const version = getReview(org.as[owner], id).review.selfVersion;
  const result = mustSucceed(saveSelfAssessment(org.as[actor], id, version, selfCells("developing")));
  if (getReview(org.as[owner], id).self?.[0]?.rating !== "developing") throw new Error("not saved");
  return result;
};
const submitReviewOf = (owner: Actor) => (org: Org, actor: Actor) => submitSelfAssessment(org.as[actor], reviewIdOf(org, owner), getReview(org.as[owner], reviewIdOf(org, owner)).review.selfVersion);
const listCyclesAs = (org: Org, actor: Actor) => {
  const cycles = listCycles(org.as[actor]);
  if (!cycles.some((c) => c.id === reviewCycleId)) throw new Error("cycle missing");
  return cycles;
};
let cycleCount = 0;
const openAndCloseCycle = (org: Org, actor: Actor) => {
  const opened = mustSucceed(openCycle(org.as[actor], { name: `AC cycle ${++cycleCount}`, selfDueOn: "2026-09-01", managerDueOn: "2026-09-30" }));
  if (!opened.ok || opened.value.enrolled < 7) throw new Error("not everyone enrolled");
  return mustSucceed(closeCycle(org.as[actor], opened.value.id, 1));
};
const readSettings = (org: Org, actor: Actor) => getOrgSettings(org.as[actor]).timeZone;
const saveTimeZone = (org: Org, actor: Actor) => {
  const { version } = getOrgSettings(org.as.admin);
  return mustSucceed(saveOrgTimeZone(org.as[actor], "Europe/Amsterdam", version));
};

rows.push(
  { what: "list own evidence", as: "engineer", expect: "allowed", run: listEvidenceOf("engineer") },
  { what: "read own evidence entry", as: "engineer", expect: "allowed", run: readEvidenceOf("engineer") },
  { what: "read a peer's evidence", as: "peer", expect: "refused", run: readEvidenceOf("engineer") },
  { what: "list a peer's evidence", as: "peer", expect: "refused", run: listEvidenceOf("engineer") },
  { what: "list a direct report's evidence", as: "manager", expect: "allowed", run: listEvidenceOf("engineer") },
  { what: "read a skip-level report's evidence", as: "director", expect: "allowed", run: readEvidenceOf("engineer") },
  { what: "read another manager's report's evidence", as: "otherManager", expect: "refused", run: readEvidenceOf("engineer") },
  { what: "read own manager's evidence", as: "engineer", expect: "refused", run: readEvidenceOf("manager") },
  { what: "read anyone's evidence", as: "admin", expect: "allowed", run: readEvidenceOf("outsider") },
  { what: "edit own evidence", as: "engineer", expect: "allowed", run: editEvidenceOf("engineer") },
  { what: "edit a direct report's evidence", as: "manager", expect: "refused", run: editEvidenceOf("engineer") },
  { what: "edit anyone's evidence", as: "admin", expect: "refused", run: editEvidenceOf("engineer") },
  { what: "delete own evidence", as: "engineer", expect: "allowed", run: deleteEvidenceOf("engineer") },
  { what: "delete a peer's evidence", as: "peer", expect: "refused", run: deleteEvidenceOf("engineer") },
  { what: "delete a direct report's evidence", as: "manager", expect: "refused", run: deleteEvidenceOf("engineer") },
  { what: "see a direct report's learning by cell", as: "manager", expect: "allowed", run: learningOf("engineer") },
  { what: "see a peer's learning by cell", as: "peer", expect: "refused", run: learningOf("engineer") },
  { what: "read a direct report's submitted review", as: "manager", expect: "allowed", run: readSubmittedReviewOf("peer") },
  { what: "save own self-assessment", as: "engineer", expect: "allowed", run: saveReviewOf("engineer") },
  { what: "save a peer's self-assessment", as: "peer", expect: "refused", run: saveReviewOf("engineer") },
  { what: "save a direct report's self-assessment", as: "manager", expect: "refused", run: saveReviewOf("engineer") },
  { what: "save anyone's self-assessment", as: "admin", expect: "refused", run: saveReviewOf("engineer") },
  { what: "submit a peer's self-assessment", as: "peer", expect: "refused", run: submitReviewOf("engineer") },
  { what: "submit a direct report's self-assessment", as: "manager", expect: "refused", run: submitReviewOf("engineer") },
  { what: "read a peer's review", as: "peer", expect: "refused", run: (org, a) => getReview(org.as[a], reviewIdOf(org, "engineer")) },
  { what: "read another manager's report's review", as: "otherManager", expect: "refused", run: (org, a) => getReview(org.as[a], reviewIdOf(org, "engineer")) },
  { what: "read a skip-level report's submitted review", as: "director", expect: "allowed", run: readSubmittedReviewOf("peer") },
  { what: "read a submitted review outside their org", as: "admin", expect: "allowed", run: readSubmittedReviewOf("outsider") },
  { what: "read a submitted review outside their org", as: "otherManager", expect: "refused", run: readSubmittedReviewOf("peer") },
  ...(["engineer", "manager", "director"] as const).flatMap((as) => [
    { what: "list review cycles", as, expect: "refused" as const, run: listCyclesAs },
    { what: "open and close a cycle", as, expect: "refused" as const, run: openAndCloseCycle },
    { what: "read the org settings", as, expect: "refused" as const, run: readSettings },
    { what: "set the org time zone", as, expect: "refused" as const, run: saveTimeZone },
  ]),
  { what: "list review cycles", as: "admin", expect: "allowed", run: listCyclesAs },
  { what: "open and close a cycle", as: "admin", expect: "allowed", run: openAndCloseCycle },
  { what: "read the org settings", as: "admin", expect: "allowed", run: readSettings },
  { what: "set the org time zone", as: "admin", expect: "allowed", run: saveTimeZone },
);

let org: Org;

describe("access control", () => {
  beforeAll(async () => {
    org = buildOrg();
    target = () => insertPerson(db());
    for (const who of ["engineer", "outsider"] as const) {
      const filed = await createClaim(org.as[who], {
        purchaseDate: `${new Date().getUTCFullYear()}-01-10`,
        item: `Team view ${who}`,
        vendor: "Shop",
        category: "Books",
        amountPaidMinor: 1_000,
        currencyPaid: "USD",
        amountChargedMinor: null,
        receiptUrl: "https://shop.example.com/team",
        receiptFile: null,
        note: "",
        cell: null,
      });
      if (!filed.ok) throw new Error(filed.message);
    }
    const cycle = openCycle(org.as.admin, { name: "Access-control cycle", selfDueOn: "2026-08-01", managerDueOn: "2026-08-31" });
    if (!cycle.ok) throw new Error("cycle not opened");
    reviewCycleId = cycle.value.id;
    for (const who of ["peer", "outsider"] as const) {
      const id = reviewIdOf(org, who);
      mustSucceed(saveSelfAssessment(org.as[who], id, 1, selfCells("meets")));
      mustSucceed(submitSelfAssessment(org.as[who], id, 2));
    }
    draftNumber = db().transaction((tx) => insertFrameworkVersion(tx, loadDefaultFramework(), { status: "draft", actorId: org.people.admin.id })).number;
  });

  it.each(rows)("$as: $what -> $expect", async (row) => {
    const attempt = async () => row.run(org, row.as);
    if (row.expect === "allowed") await expect(attempt()).resolves.toBeDefined();
    else await expect(attempt()).rejects.toThrow(NotFoundError);
  });
});

export type AccessRow = Row;
