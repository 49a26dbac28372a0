import crypto from "node:crypto";
import { eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db";
import { committeeMembers, levelHistory, people } from "@/db/schema";
import { createAccountLink, redeemAccountLink } from "@/lib/dal/account-links";
import { endAllSessionsOf } from "@/lib/dal/account";
import { listAudit } from "@/lib/dal/audit-log";
import { listCommittee, setCommitteeMember } from "@/lib/dal/committee";
import { changeLevel } from "@/lib/dal/level-changes";
import { getOrgChartPeople } from "@/lib/dal/org-chart";
import { getPersonProfile } from "@/lib/dal/people";
import { createPerson, getPersonForAdmin, listPeople, moveToManager, setActive, updatePerson } from "@/lib/dal/people-admin";
import { exportPeopleRows, importPeople, previewPeopleImport } from "@/lib/dal/people-csv";
import { checkSession, createSession, listOpenSessions } from "@/lib/dal/sessions";
import { personInput } from "@/lib/test/builders";
import type { Org } from "@/lib/test/org";
import { action, fileTeamViewClaims, onFreshPerson, personRow, succeededAnd, T0, type Action, type Person, type Row } from "./harness";

/* ---------- People: administration, profiles, sessions ---------- */

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
        // The engineer filed a claim in setupPeople; the filter keeps only entries about them.
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

export const peopleRows: Row[] = [
  ...adminOnly.flatMap(({ what, action }) => [
    ...(["engineer", "manager", "director"] as const).map((as) => ({ what, as, expect: "refused" as const, action })),
    { what, as: "admin" as const, expect: "allowed" as const, action },
  ]),
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

/* The audit log row reads entries about the engineer: a claim of theirs makes one (the committee is the org's, lib/test/access-dal/harness.ts). */
export async function setupPeople(org: Org) {
  await fileTeamViewClaims(org, ["engineer"]);
}
