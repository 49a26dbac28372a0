import { beforeAll, describe, expect, it } from "vitest";
import { NotFoundError } from "@/lib/errors";
import { db } from "@/db";
import { loadDefaultFramework } from "@/db/seed";
import { exportFramework, getFrameworkStructure, insertFrameworkVersion } from "@/lib/dal/framework";
import {
  changeLevel,
  createAccountLink,
  exportPeopleRows,
  getOrgChartPeople,
  getPersonForAdmin,
  listAudit,
  listCommittee,
  listPeople,
  previewPeopleImport,
  setActive,
  setCommitteeMember,
} from "@/lib/dal/admin-people";
import { endAllSessionsOf } from "@/lib/dal/account";
import { getPersonProfile } from "@/lib/dal/people";
import { insertPerson } from "@/lib/test/factory";
import { buildOrg, type Actor, type Org } from "@/lib/test/org";

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

const rows: Row[] = [
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

let org: Org;

describe("access control", () => {
  beforeAll(() => {
    org = buildOrg();
    target = () => insertPerson(db());
    draftNumber = db().transaction((tx) => insertFrameworkVersion(tx, loadDefaultFramework(), { status: "draft", actorId: org.people.admin.id })).number;
  });

  it.each(rows)("$as: $what -> $expect", async (row) => {
    const attempt = async () => row.run(org, row.as);
    if (row.expect === "allowed") await expect(attempt()).resolves.toBeDefined();
    else await expect(attempt()).rejects.toThrow(NotFoundError);
  });
});

export type AccessRow = Row;
