import fs from "node:fs";
import crypto from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/errors";
import type { Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { db } from "@/db";
import { committeeMembers, evidenceEntries, frameworkVersions, levelHistory, orgSettings, people, reviewCells, reviewCycles, reviewPrivateNotes, reviews, stipendClaims, stipendSettings, stipendYearSettings } from "@/db/schema";
import { loadDefaultFramework } from "@/lib/dal/framework-install";
import { exportFramework, getFrameworkStructure, insertFrameworkVersion } from "@/lib/dal/framework";
import { createAccountLink, redeemAccountLink } from "@/lib/dal/account-links";
import { listAudit } from "@/lib/dal/audit-log";
import { listCommittee, setCommitteeMember } from "@/lib/dal/committee";
import { changeLevel } from "@/lib/dal/level-changes";
import { getOrgChartPeople } from "@/lib/dal/org-chart";
import { createPerson, getPersonForAdmin, listPeople, moveToManager, setActive, updatePerson } from "@/lib/dal/people-admin";
import { exportPeopleRows, importPeople, previewPeopleImport } from "@/lib/dal/people-csv";
import { endAllSessionsOf, endOtherSessions } from "@/lib/dal/account";
import { changePassword, getPersonProfile, getViewerById } from "@/lib/dal/people";
import { verifyPassword } from "@/lib/security/password";
import { checkSession, createSession, listOpenSessions } from "@/lib/dal/sessions";
import { listTeamClaims } from "@/lib/dal/stipend-approvals";
import { getClaim, getStipendYear, transitionClaim } from "@/lib/dal/stipend-claims";
import { getStipendReport } from "@/lib/dal/stipend-reports";
import { saveYearSettings } from "@/lib/dal/stipend-years";
import { createEvidence, deleteEvidence, getEvidenceEntry, listEvidence, listLearningByCell, updateEvidence } from "@/lib/dal/evidence";
import { getOrgSettings, saveOrgTimeZone } from "@/lib/dal/org-settings";
import { closeCycle, listCycles, openCycle } from "@/lib/dal/review-cycles";
import { getReview, listMyReviews, saveSelfAssessment, submitSelfAssessment, type SelfCell } from "@/lib/dal/reviews";
import { acknowledgeReview, getManagerPart, saveManagerReview, shareManagerReview, type ManagerCell } from "@/lib/dal/manager-reviews";
import { getPrivateNotes, savePrivateNotes } from "@/lib/dal/review-notes";
import { calibrationCsv, getCalibration, listTeamReviews } from "@/lib/dal/review-team";
import { getRatingHistory } from "@/lib/dal/review-history";
import { getReceiptFile, getReceiptRetention, saveReceiptRetention } from "@/lib/dal/stipend-receipts";
import { fileClaim, personInput, yearSettingsInput, receiptPdf, TEST_TODAY, TEST_YEAR } from "@/lib/test/builders";
import { enrolInOpenCycles, insertPerson } from "@/lib/test/factory";
import { buildOrg, type Actor, type Org } from "@/lib/test/org";
import { ACCESS_TABLE, tableFigures } from "@/lib/test/access-table";
import { tableProblems } from "@/lib/test/access-coverage";
import { appSurface } from "@/lib/test/app-surface";

/*
 * The access-control table, checked below the browser: each row calls a DAL
 * function as a given person and says whether it must be allowed or refused.
 * Refused means "looks missing" (NotFoundError). Allowed means the call did
 * its work: every action carries a proof, run on what the call returned, that
 * the read returned the record asked for or the write changed the record
 * (re-read from the database). A proof must assert something; the harness
 * checks that it did. Every feature adds its rows;
 * e2e/access-control.spec.ts holds the matching rows for pages over HTTP.
 */
type Person = keyof Org["people"];
type Action = { run: (org: Org, actor: Actor) => Promise<unknown>; proves: (result: unknown, org: Org, actor: Actor) => void | Promise<void> };
type Row = { what: string; as: Actor; expect: "allowed" | "refused"; action: Action };

/* The only way to make an Action: the call, and what must hold afterwards when it is allowed. */
function action<T>(run: (org: Org, actor: Actor) => T, proves: (result: Awaited<T>, org: Org, actor: Actor) => void | Promise<void>): Action {
  return { run: async (org, actor) => run(org, actor), proves: (result, org, actor) => proves(result as Awaited<T>, org, actor) };
}

const T0 = Date.UTC(2026, 10, 22, 12);
/* Calls `call` on a person made for this row, so a write's effect is that row's alone. */
const onFreshPerson =
  <R>(call: (viewer: Viewer, personId: string) => R) =>
  (org: Org, a: Actor) => {
    const person = insertPerson(db());
    return { person, result: call(org.as[a], person.id) };
  };
/* The proof of a write that returns a Result: it succeeded, and `check` finds the change in the database. */
const succeededAnd =
  (check: (person: { id: string }) => void) =>
  ({ person, result }: { person: { id: string }; result: Result }) => {
    expect(result).toEqual({ ok: true, value: undefined });
    check(person);
  };
const personRow = (id: string) => db().select().from(people).where(eq(people.id, id)).get()!;
const statusOf = (claimId: string) => db().select({ status: stipendClaims.status }).from(stipendClaims).where(eq(stipendClaims.id, claimId)).get()?.status;

/* ---------- People ---------- */

const viewProfile = (target: Person) =>
  action(
    (org, a) => getPersonProfile(org.as[a], org.people[target].id),
    (profile, org) => expect(profile.person).toMatchObject({ id: org.people[target].id, name: org.people[target].name, email: org.people[target].email }),
  );

/* Ends the target's sessions after opening one for them; allowed means none is left open. */
const endSessionsOf = (target: Person) =>
  action(
    (org, a) => {
      const token = createSession(org.people[target].id, "credentials");
      return { token, ended: endAllSessionsOf(org.as[a], org.people[target].id) };
    },
    ({ token, ended }, org, a) => {
      expect(ended).toBeGreaterThanOrEqual(1);
      expect(checkSession(token)).toEqual({ valid: false, reason: a === target ? "ended-by-owner" : "ended-by-admin" });
      expect(listOpenSessions({ id: org.people[target].id })).toEqual([]);
    },
  );

const IMPORT_HEADER = "name,email,role,track,level,manager_email,team,start_date";

/* People administration: admins only, every page's data and every action. */
const adminOnly: { what: string; action: Action }[] = [
  {
    what: "list people",
    action: action(
      (org, a) => listPeople(org.as[a]),
      (list, org) => expect(list.map((p) => p.id)).toEqual(expect.arrayContaining(Object.values(org.people).map((p) => p.id))),
    ),
  },
  {
    what: "open a person for editing",
    action: action(
      (org, a) => getPersonForAdmin(org.as[a], org.people.engineer.id),
      (person, org) => expect(person).toMatchObject({ id: org.people.engineer.id, name: org.people.engineer.name, managerId: org.people.manager.id }),
    ),
  },
  {
    what: "issue an invitation link",
    action: action(
      onFreshPerson((viewer, personId) => createAccountLink(viewer, personId, "invite", T0)),
      async ({ person, result: token }) => {
        await expect(redeemAccountLink(token, "a-long-enough-passphrase", T0 + 1_000)).resolves.toEqual({ ok: true, email: person.email });
        expect(personRow(person.id).passwordHash).not.toBeNull();
      },
    ),
  },
  {
    what: "change a level",
    action: action(
      onFreshPerson((viewer, personId) => changeLevel(viewer, personId, { trackKey: "ic", levelKey: "ic3", effectiveDate: "2026-01-01", reason: "Access-control test" })),
      succeededAnd((person) => {
        expect(personRow(person.id).levelKey).toBe("ic3");
        expect(db().select({ levelKey: levelHistory.levelKey }).from(levelHistory).where(eq(levelHistory.personId, person.id)).all().map((h) => h.levelKey)).toEqual(["ic2", "ic3"]);
      }),
    ),
  },
  {
    what: "deactivate a person",
    action: action(
      onFreshPerson((viewer, personId) => setActive(viewer, personId, false)),
      succeededAnd((person) => expect(personRow(person.id).active).toBe(false)),
    ),
  },
  {
    what: "preview a CSV import",
    action: action(
      (org, a) => previewPeopleImport(org.as[a], `${IMPORT_HEADER}\nPreview Person,preview.person@test.example,engineer,ic,ic1,${org.people.manager.email},T,2026-01-05`),
      (preview) => {
        expect(preview.problems).toEqual([]);
        expect(preview.rows).toMatchObject([{ name: "Preview Person", email: "preview.person@test.example", levelKey: "ic1" }]);
      },
    ),
  },
  {
    what: "export people as CSV",
    action: action(
      (org, a) => exportPeopleRows(org.as[a]),
      (rows, org) => {
        const { engineer, manager } = org.people;
        expect(rows).toContainEqual([engineer.name, engineer.email, "engineer", "ic", "ic2", manager.email, engineer.team, engineer.startDate, "yes"]);
      },
    ),
  },
  {
    what: "see the org chart",
    action: action(
      (org, a) => getOrgChartPeople(org.as[a]),
      (chart, org) => {
        expect(chart).toContainEqual(expect.objectContaining({ id: org.people.engineer.id, managerId: org.people.manager.id }));
        expect(chart).toContainEqual(expect.objectContaining({ id: org.people.outsider.id, managerId: org.people.otherManager.id }));
      },
    ),
  },
  {
    what: "read the audit log",
    action: action(
      (org, a) => listAudit(org.as[a], { personId: org.people.engineer.id, page: 1 }),
      (audit, org) => {
        const id = org.people.engineer.id;
        // The engineer filed a claim in beforeAll; the filter keeps only entries about them.
        expect(audit.rows.filter((r) => r.actorId === id).length).toBeGreaterThan(0);
        expect(audit.rows.filter((r) => r.actorId !== id && r.recordId !== id)).toEqual([]);
      },
    ),
  },
  {
    what: "add a person",
    action: action(
      (org, a) => {
        const email = `added.${crypto.randomUUID().slice(0, 8)}@test.example`;
        return { email, result: createPerson(org.as[a], { ...personInput({ name: "Added Person", email, managerId: org.people.manager.id }), trackKey: "ic", levelKey: "ic1" }) };
      },
      ({ email, result }) => {
        expect(result).toMatchObject({ ok: true });
        expect(db().select().from(people).where(eq(people.email, email)).get()).toMatchObject({ name: "Added Person", levelKey: "ic1" });
      },
    ),
  },
  {
    what: "edit a person",
    action: action(
      onFreshPerson((viewer, personId) => updatePerson(viewer, personId, personRow(personId).version, personInput({ ...personRow(personId), name: "Edited Name" }))),
      succeededAnd((person) => expect(personRow(person.id).name).toBe("Edited Name")),
    ),
  },
  {
    what: "move a person to another manager",
    action: action(
      (org, a) => onFreshPerson((viewer, personId) => moveToManager(viewer, personId, org.people.otherManager.id))(org, a),
      succeededAnd((person) => expect(personRow(person.id).managerId).not.toBeNull()),
    ),
  },
  {
    what: "import people from CSV",
    action: action(
      (org, a) => {
        const email = `imported.${crypto.randomUUID().slice(0, 8)}@test.example`;
        return { email, result: importPeople(org.as[a], `${IMPORT_HEADER}\nImported Person,${email},engineer,ic,ic1,${org.people.manager.email},T,2026-01-05`) };
      },
      ({ email, result }) => {
        expect(result).toEqual({ ok: true, imported: 1 });
        expect(db().select().from(people).where(eq(people.email, email)).get()).toMatchObject({ name: "Imported Person" });
      },
    ),
  },
  {
    what: "list the committee",
    action: action(
      (org, a) => listCommittee(org.as[a]),
      (members, org) => expect(members.map((m) => m.id)).toContain(org.people.peer.id),
    ),
  },
  {
    what: "name a committee member",
    action: action(
      onFreshPerson((viewer, personId) => setCommitteeMember(viewer, personId, true)),
      succeededAnd((person) => expect(db().select().from(committeeMembers).where(eq(committeeMembers.personId, person.id)).get()).toMatchObject({ personId: person.id })),
    ),
  },
];

/* The team view lists claims of the viewer's whole org below them, and nobody else's. */
const teamView = (mustSee: Person[], mustNotSee: Person[]) =>
  action(
    (org, a) => listTeamClaims(org.as[a], TEST_YEAR),
    (team, org) => {
      const owners = new Set(team.claims.map((c) => c.personId));
      expect(mustSee.filter((p) => !owners.has(org.people[p].id)), "missing from the team view").toEqual([]);
      expect(mustNotSee.filter((p) => owners.has(org.people[p].id)), "leaked into the team view").toEqual([]);
    },
  );

/* ---------- Framework ---------- */

/* Framework reads return null when refused; the harness treats that like NotFoundError. */
const orRefuse = <T>(value: T | null) => {
  if (value === null) throw new NotFoundError("framework version");
  return value;
};
const DRAFT_NAME = "Access-control draft framework";
let draftNumber: number;
const readDraft = action(
  (org, a) => orRefuse(getFrameworkStructure(org.as[a], draftNumber)),
  (structure) => {
    expect(structure.version).toMatchObject({ number: draftNumber, status: "draft", name: DRAFT_NAME });
    expect(structure.levels.length).toBeGreaterThan(0);
  },
);
const exportDraft = action(
  (org, a) => orRefuse(exportFramework(org.as[a], draftNumber)),
  (doc) => {
    expect(doc.name).toBe(DRAFT_NAME);
    expect(doc.tracks.length).toBeGreaterThan(0);
  },
);
const exportPublished = action(
  (org, a) => orRefuse(exportFramework(org.as[a], 1)),
  (doc) => {
    const published = db().select({ name: frameworkVersions.name, status: frameworkVersions.status }).from(frameworkVersions).where(eq(frameworkVersions.number, 1)).get()!;
    expect(published.status).toBe("published");
    expect(doc.name).toBe(published.name);
    expect(doc.name).not.toBe(DRAFT_NAME);
    expect(doc.tracks.length).toBeGreaterThan(0);
  },
);

const rows: Row[] = [
  { what: "team claims: own org only", as: "manager", expect: "allowed", action: teamView(["engineer"], ["outsider"]) },
  { what: "team claims: whole org below", as: "director", expect: "allowed", action: teamView(["engineer"], ["outsider"]) },
  { what: "team claims: own org only", as: "otherManager", expect: "allowed", action: teamView(["outsider"], ["engineer"]) },
  { what: "team claims: none without reports", as: "engineer", expect: "allowed", action: teamView([], ["engineer", "outsider", "peer"]) },
  { what: "team claims: everyone", as: "admin", expect: "allowed", action: teamView(["engineer", "outsider"], []) },
  ...adminOnly.flatMap(({ what, action }) => [
    ...(["engineer", "manager", "director"] as const).map((as) => ({ what, as, expect: "refused" as const, action })),
    { what, as: "admin" as const, expect: "allowed" as const, action },
  ]),
  { what: "read the published framework", as: "engineer", expect: "allowed", action: exportPublished },
  { what: "read a draft framework", as: "engineer", expect: "refused", action: readDraft },
  { what: "export a draft framework", as: "manager", expect: "refused", action: exportDraft },
  { what: "read a draft framework", as: "admin", expect: "allowed", action: readDraft },
  { what: "export a draft framework", as: "admin", expect: "allowed", action: exportDraft },
  { what: "view own profile", as: "engineer", expect: "allowed", action: viewProfile("engineer") },
  { what: "end own sessions", as: "engineer", expect: "allowed", action: endSessionsOf("engineer") },
  { what: "end a direct report's sessions", as: "manager", expect: "refused", action: endSessionsOf("engineer") },
  { what: "end a peer's sessions", as: "engineer", expect: "refused", action: endSessionsOf("peer") },
  { what: "end anyone's sessions", as: "admin", expect: "allowed", action: endSessionsOf("outsider") },
  { what: "view a peer's profile", as: "engineer", expect: "refused", action: viewProfile("peer") },
  { what: "view own manager's profile", as: "engineer", expect: "refused", action: viewProfile("manager") },
  { what: "view a direct report's profile", as: "manager", expect: "allowed", action: viewProfile("engineer") },
  { what: "view a skip-level report's profile", as: "director", expect: "allowed", action: viewProfile("engineer") },
  { what: "view another manager's report", as: "otherManager", expect: "refused", action: viewProfile("engineer") },
  { what: "view anyone's profile", as: "admin", expect: "allowed", action: viewProfile("outsider") },
];

/* ---------- Stipend ---------- */

/* Each mutating row files its own claim, so rows never depend on each other's order. */
const claimBy = (org: Org, owner: Actor, receiptName?: string) =>
  fileClaim(org.as[owner], {
    purchaseDate: "2026-02-01",
    item: "Access-control book",
    vendor: "Bookshop",
    amountPaidMinor: 1_000,
    receiptUrl: receiptName ? null : "https://shop.example.com/r/1",
    receiptFile: receiptName ? receiptPdf(receiptName) : null,
  });

const viewClaimOf = (owner: Actor) =>
  action(
    async (org, a) => {
      const id = await claimBy(org, owner);
      return { id, detail: getClaim(org.as[a], id) };
    },
    ({ id, detail }, org) => expect(detail.claim).toMatchObject({ id, personId: org.people[owner].id, item: "Access-control book", status: "pending" }),
  );

/* Runs a transition on a fresh claim (approved first by the manager when `approvedFirst`); allowed means the claim is now in `becomes`. */
const transitionOf = (owner: Actor, step: "approve" | "reject" | "withdraw" | "reimburse", becomes: string, { approvedFirst = false } = {}) =>
  action(
    async (org, a) => {
      const id = await claimBy(org, owner);
      if (approvedFirst) expect(transitionClaim(org.as.manager, id, "approve", 1, "")).toEqual({ ok: true, value: undefined });
      return { id, result: transitionClaim(org.as[a], id, step, approvedFirst ? 2 : 1, step === "reject" ? "reason" : "") };
    },
    ({ id, result }) => {
      expect(result).toEqual({ ok: true, value: undefined });
      expect(statusOf(id)).toBe(becomes);
    },
  );
const decideClaimOf = (owner: Actor, step: "approve" | "reject") => transitionOf(owner, step, step === "approve" ? "approved" : "rejected");
const withdrawClaimOf = (owner: Actor) => transitionOf(owner, "withdraw", "withdrawn");
const reimburseClaimOf = (owner: Actor) => transitionOf(owner, "reimburse", "reimbursed", { approvedFirst: true });

/* Downloads the receipt of a fresh claim, uploaded under a name of its own. */
const receiptOf = (owner: Actor) =>
  action(
    async (org, a) => {
      const name = `receipt-${crypto.randomUUID().slice(0, 8)}.pdf`;
      const id = await claimBy(org, owner, name);
      const { receiptId } = db().select({ receiptId: stipendClaims.receiptId }).from(stipendClaims).where(eq(stipendClaims.id, id)).get()!;
      return { name, file: getReceiptFile(org.as[a], receiptId!) };
    },
    async ({ name, file }) => {
      expect(file).toMatchObject({ originalName: name, contentType: "application/pdf" });
      expect(fs.readFileSync(file.file)).toEqual(Buffer.from(await receiptPdf().arrayBuffer()));
    },
  );

const stipendYearOf = (target: Person) =>
  action(
    (org, a) => getStipendYear(org.as[a], org.people[target].id, TEST_YEAR),
    (year, org) => {
      const id = org.people[target].id;
      const filed = db().select({ id: stipendClaims.id }).from(stipendClaims).where(and(eq(stipendClaims.personId, id), eq(stipendClaims.year, TEST_YEAR))).all().map((c) => c.id);
      expect(year.person.id).toBe(id);
      expect(filed.length).toBeGreaterThan(0);
      expect(year.claims.map((c) => c.id).sort()).toEqual(filed.sort());
    },
  );

const saveSettings = action(
  (org, a) => saveYearSettings(org.as[a], 2030, yearSettingsInput({ allowanceMinor: 100_000, categories: ["Books"] }), 0),
  (result) => {
    expect(result).toEqual({ ok: true, value: undefined });
    expect(db().select().from(stipendYearSettings).where(eq(stipendYearSettings.year, 2030)).get()).toMatchObject({ allowanceMinor: 100_000, currency: "USD" });
  },
);

const stipendReport = action(
  (org, a) => getStipendReport(org.as[a], TEST_YEAR),
  (report, org) => {
    const holding = db().select({ id: stipendClaims.id }).from(stipendClaims).where(and(eq(stipendClaims.year, TEST_YEAR), inArray(stipendClaims.status, ["pending", "approved", "reimbursed"]))).all();
    expect(report.byPerson.map((p) => p.personId)).toEqual(expect.arrayContaining([org.people.engineer.id, org.people.outsider.id]));
    expect(report.total.claims).toBe(holding.length);
  },
);

/* beforeAll saves 120 days straight to the database, so a read of the default would not pass. */
const retentionRow = () => db().select({ days: stipendSettings.rejectedReceiptRetentionDays, version: stipendSettings.version }).from(stipendSettings).get();
const readRetention = action(
  (org, a) => getReceiptRetention(org.as[a]),
  (retention) => {
    expect(retentionRow()).toMatchObject({ days: 120 });
    expect(retention).toEqual(retentionRow());
  },
);
const saveRetention = action(
  (org, a) => {
    const before = retentionRow()!;
    return { before, result: saveReceiptRetention(org.as[a], 45, before.version, new Date(T0)) };
  },
  ({ before, result }) => {
    expect(result).toMatchObject({ ok: true });
    expect(retentionRow()).toEqual({ days: 45, version: before.version + 1 });
  },
);

rows.push(
  { what: "see own stipend year", as: "engineer", expect: "allowed", action: stipendYearOf("engineer") },
  { what: "see a peer's stipend year", as: "engineer", expect: "refused", action: stipendYearOf("peer") },
  { what: "see a direct report's stipend year", as: "manager", expect: "allowed", action: stipendYearOf("engineer") },
  { what: "see a peer's stipend claim", as: "peer", expect: "refused", action: viewClaimOf("engineer") },
  { what: "see a direct report's claim", as: "manager", expect: "allowed", action: viewClaimOf("engineer") },
  { what: "see a skip-level report's claim", as: "director", expect: "allowed", action: viewClaimOf("engineer") },
  { what: "see another manager's report's claim", as: "otherManager", expect: "refused", action: viewClaimOf("engineer") },
  { what: "see anyone's claim", as: "admin", expect: "allowed", action: viewClaimOf("outsider") },
  { what: "approve own claim", as: "engineer", expect: "refused", action: decideClaimOf("engineer", "approve") },
  { what: "approve a peer's claim", as: "peer", expect: "refused", action: decideClaimOf("engineer", "approve") },
  { what: "approve a direct report's claim", as: "manager", expect: "allowed", action: decideClaimOf("engineer", "approve") },
  { what: "reject a direct report's claim", as: "manager", expect: "allowed", action: decideClaimOf("engineer", "reject") },
  { what: "approve a skip-level report's claim", as: "director", expect: "refused", action: decideClaimOf("engineer", "approve") },
  { what: "approve another manager's report's claim", as: "otherManager", expect: "refused", action: decideClaimOf("engineer", "approve") },
  { what: "approve a claim that has a manager to decide it", as: "admin", expect: "refused", action: decideClaimOf("engineer", "approve") },
  { what: "approve a claim by someone with no manager", as: "admin", expect: "allowed", action: decideClaimOf("director", "approve") },
  { what: "approve own claim, having no manager", as: "admin", expect: "refused", action: decideClaimOf("admin", "approve") },
  { what: "withdraw own pending claim", as: "engineer", expect: "allowed", action: withdrawClaimOf("engineer") },
  { what: "withdraw a direct report's claim", as: "manager", expect: "refused", action: withdrawClaimOf("engineer") },
  { what: "reimburse an approved claim", as: "admin", expect: "allowed", action: reimburseClaimOf("engineer") },
  { what: "reimburse an approved claim", as: "manager", expect: "refused", action: reimburseClaimOf("engineer") },
  { what: "download own receipt", as: "engineer", expect: "allowed", action: receiptOf("engineer") },
  { what: "download a peer's receipt", as: "peer", expect: "refused", action: receiptOf("engineer") },
  { what: "download a direct report's receipt", as: "manager", expect: "allowed", action: receiptOf("engineer") },
  { what: "download a receipt outside their org", as: "otherManager", expect: "refused", action: receiptOf("engineer") },
  { what: "set a stipend year's settings", as: "manager", expect: "refused", action: saveSettings },
  { what: "set a stipend year's settings", as: "admin", expect: "allowed", action: saveSettings },
  { what: "see the stipend report", as: "manager", expect: "refused", action: stipendReport },
  { what: "see the stipend report", as: "admin", expect: "allowed", action: stipendReport },
  { what: "see how long rejected receipts are kept", as: "manager", expect: "refused", action: readRetention },
  { what: "see how long rejected receipts are kept", as: "admin", expect: "allowed", action: readRetention },
  { what: "set how long rejected receipts are kept", as: "engineer", expect: "refused", action: saveRetention },
  { what: "set how long rejected receipts are kept", as: "manager", expect: "refused", action: saveRetention },
  { what: "set how long rejected receipts are kept", as: "director", expect: "refused", action: saveRetention },
  { what: "set how long rejected receipts are kept", as: "admin", expect: "allowed", action: saveRetention },
);

/* ---------- Evidence, review cycles, self-assessments, org settings ---------- */

const ALL_CELLS = ["values", "technical", "leadership"].flatMap((c) => ["complexity", "influence", "multiplier"].map((t) => `${c}.${t}`));
const selfCells = (rating: SelfCell["rating"]): SelfCell[] => ALL_CELLS.map((cell) => ({ cell, rating, evidence: "Shipped it", citations: [] }));
const mustSucceed = <T extends { ok: boolean }>(result: T) => {
  if (!result.ok) throw new Error(`expected the change to be made: ${JSON.stringify(result)}`);
  return result;
};
/* A fresh entry of the owner's, with a title of its own. */
const evidenceOf = (org: Org, owner: Actor) => {
  const title = `Win of ${owner} ${crypto.randomUUID().slice(0, 8)}`;
  const created = mustSucceed(createEvidence(org.as[owner], { title, occurredOn: "2026-01-15", description: "", links: [], cells: [{ competencyKey: "values", themeKey: "complexity" }] }));
  return { id: (created as { value: string }).value, title };
};
const entryRow = (id: string) => db().select().from(evidenceEntries).where(eq(evidenceEntries.id, id)).get();

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

let reviewCycleId: string;
const reviewIdOf = (org: Org, owner: Actor) => listMyReviews(org.as[owner]).find((r) => r.cycleName === "Access-control cycle")!.id;
const reviewRow = (id: string) => db().select().from(reviews).where(eq(reviews.id, id)).get()!;
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
    expect(cycles.map((c) => c.id)).toContain(reviewCycleId);
    expect(cycles).toHaveLength(db().select({ id: reviewCycles.id }).from(reviewCycles).all().length);
  },
);
let cycleCount = 0;
const openAndCloseCycle = action(
  (org, a) => {
    const opened = mustSucceed(openCycle(org.as[a], { name: `AC cycle ${++cycleCount}`, selfDueOn: "2026-09-01", managerDueOn: "2026-09-30" }, "2026-01-01")) as { value: { id: string; enrolled: number } };
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

rows.push(
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
);

/* ---------- Manager reviews, private notes, team, calibration, history ---------- */

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
const asPerson = (id: string) => getViewerById(id)!;
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
  (org, a) => listTeamReviews(org.as[a], { cycleId: reviewCycleId }),
  (team, org, a) => {
    const names = team.rows.map((r) => r.name);
    if (a === "otherManager") expect(names).toEqual([org.people.outsider.name]);
    else expect(names).toEqual(expect.arrayContaining([org.people.engineer.name, org.people.peer.name]));
    if (a !== "admin") expect(names).not.toContain(a === "otherManager" ? org.people.engineer.name : org.people.outsider.name);
  },
);
const calibrationAs = action(
  (org, a) => ({ data: getCalibration(org.as[a], { cycleId: reviewCycleId })!, csv: calibrationCsv(org.as[a], { cycleId: reviewCycleId }).body }),
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

rows.push(
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
);

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
rows.push(
  ...EVERY_ACTOR.flatMap((as) => [
    { what: "change own password", as, expect: "allowed" as const, action: changeOwnPassword },
    { what: "end own other sessions", as, expect: "allowed" as const, action: endOwnOtherSessions },
    { what: "file own claim", as, expect: "allowed" as const, action: fileOwnClaim },
    { what: "log own evidence", as, expect: "allowed" as const, action: logOwnEvidence },
  ]),
);

let org: Org;

describe("access control", () => {
  beforeAll(async () => {
    org = buildOrg();
    for (const who of ["engineer", "outsider"] as const) await fileClaim(org.as[who], { purchaseDate: `${TEST_YEAR}-01-10`, item: `Team view ${who}` }, TEST_TODAY);
    db().insert(committeeMembers).values({ personId: org.people.peer.id, addedById: org.people.admin.id }).run();
    db().insert(stipendSettings).values({ id: 1, rejectedReceiptRetentionDays: 120, version: 1, updatedById: org.people.admin.id }).run();
    const cycle = mustSucceed(openCycle(org.as.admin, { name: "Access-control cycle", selfDueOn: "2026-08-01", managerDueOn: "2026-08-31" }, "2026-01-01")) as { value: { id: string } };
    reviewCycleId = cycle.value.id;
    for (const who of ["peer", "outsider"] as const) {
      const id = reviewIdOf(org, who);
      mustSucceed(saveSelfAssessment(org.as[who], id, 1, selfCells("meets")));
      mustSucceed(submitSelfAssessment(org.as[who], id, 2));
    }
    const engineerReview = reviewIdOf(org, "engineer");
    mustSucceed(saveManagerReview(org.as.manager, engineerReview, 1, { summary: "Access-control summary", cells: managerCells("meets") }));
    mustSucceed(savePrivateNotes(org.as.manager, engineerReview, 0, "Access-control private note"));
    const own = reviewIdOf(org, "director");
    mustSucceed(saveSelfAssessment(org.as.director, own, 1, selfCells("exceeds")));
    draftNumber = db().transaction((tx) => insertFrameworkVersion(tx, { ...loadDefaultFramework(), name: DRAFT_NAME }, { status: "draft", actorId: org.people.admin.id })).number;
  });

  it.each(rows)("$as: $what -> $expect", async (row) => {
    const attempt = row.action.run(org, row.as);
    if (row.expect === "refused") {
      await expect(attempt).rejects.toThrow(NotFoundError);
      return;
    }
    const result = await attempt;
    const before = expect.getState().assertionCalls;
    await row.action.proves(result, org, row.as);
    expect(expect.getState().assertionCalls - before, "an allowed row must prove its effect with at least one assertion").toBeGreaterThan(0);
  });
});

/*
 * The table over the whole app: every page, route handler and server action
 * (read from the source) has a row for every role, and every allowed action
 * cell is proven by an allowed row above. e2e/access-control.spec.ts runs the
 * table's cells over HTTP.
 */
describe("the access-control table", () => {
  const surface = appSurface();

  it("covers every page, route handler and server action, for every role, with proofs", () => {
    expect(surface.filter((e) => e.kind === "page").length).toBeGreaterThan(25);
    expect(surface.filter((e) => e.kind === "action").length).toBeGreaterThan(25);
    expect(tableProblems(surface, ACCESS_TABLE, rows)).toEqual([]);
  });

  it("fails for an entry without a row, a missing role or a proof that does not exist", () => {
    const [first, ...rest] = ACCESS_TABLE;
    const withoutRole = { ...first!, cells: { ...first!.cells, director: undefined as never } };
    const unproven = ACCESS_TABLE.find((r) => r.entry.startsWith("action ") && r.proofs && Object.keys(r.proofs).length)!;
    const problems = tableProblems(
      [...surface, { kind: "page", key: "page /brand-new", file: "app/(app)/brand-new/page.tsx" }, { kind: "inline-action", key: "inline action app/x.tsx:3", file: "app/x.tsx" }],
      [withoutRole, ...rest.filter((r) => r !== unproven), { ...unproven, proofs: { ...unproven.proofs, engineer: { what: "no such row" }, manager: { what: "no such row" }, admin: { what: "no such row" } } }],
      rows,
    );
    expect(problems.join("\n")).toMatch(/page \/brand-new has no row/);
    expect(problems.join("\n")).toMatch(/inline action app\/x.tsx:3: move it/);
    expect(problems.join("\n")).toMatch(/no cell for director/);
    expect(problems.join("\n")).toMatch(/"no such row" as \w+, does not exist/);
  });

  it("has figures for SECURITY.md", () => {
    const figures = tableFigures();
    console.info(`access-control table: ${figures.rows} rows, ${figures.cells} cells (${figures.allowed} allowed, ${figures.refused} refused, ${figures.signIn} sign-in, ${figures.public} public); ${rows.length} DAL rows (${rows.filter((r) => r.expect === "allowed").length} allowed, ${rows.filter((r) => r.expect === "refused").length} refused)`);
    expect(figures.cells).toBe(figures.allowed + figures.refused + figures.signIn + figures.public);
    expect(figures.refused).toBeGreaterThan(100);
  });
});
