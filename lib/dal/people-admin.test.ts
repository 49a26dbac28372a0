import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { accounts, auditLog, committeeMembers, people } from "@/db/schema";
import { parseCsv, toCsv, unguardCell } from "@/lib/csv";
import { LINK_TTL_MS } from "@/lib/people/account-link-rules";
import { buildOrg, type Org } from "@/lib/test/org";
import { fileClaim, personInput } from "@/lib/test/builders";
import { insertPerson } from "@/lib/test/factory";
import { accountLinkActionItems, createAccountLink, describeAccountLink, redeemAccountLink } from "./account-links";
import { setCommitteeMember } from "./committee";
import { changeLevel } from "./level-changes";
import { createPerson, setActive, updatePerson } from "./people-admin";
import { exportPeopleRows, importPeople } from "./people-csv";
import { getViewerById } from "./people";
import { checkSession, createSession } from "./sessions";
import { verifyCredentials } from "./sign-in";

let org: Org;
const t0 = Date.UTC(2026, 10, 20, 12, 0, 0);

beforeAll(() => {
  org = buildOrg();
});

describe("invitation and reset links", () => {
  it("works once, sets the password and lets the person sign in", async () => {
    const person = insertPerson(db());
    const token = createAccountLink(org.as.admin, person.id, "invite", t0);
    expect(describeAccountLink(token, t0 + 1000)).toMatchObject({ purpose: "invite", name: person.name, state: "valid" });
    await expect(redeemAccountLink(token, "my-first-password", t0 + 1000)).resolves.toEqual({ ok: true, email: person.email });
    await expect(verifyCredentials(person.email, "my-first-password", { address: "10.9.0.1", trusted: true })).resolves.toMatchObject({ ok: true });
    await expect(redeemAccountLink(token, "another-password!", t0 + 2000)).resolves.toEqual({ ok: false, state: "used" });
    await expect(verifyCredentials(person.email, "another-password!", { address: "10.9.0.2", trusted: true })).resolves.toMatchObject({ ok: false });
  });

  it("expires: an invitation after a week, a reset after a day", async () => {
    const person = insertPerson(db());
    const invite = createAccountLink(org.as.admin, person.id, "invite", t0);
    expect(describeAccountLink(invite, t0 + LINK_TTL_MS.invite - 1)?.state).toBe("valid");
    await expect(redeemAccountLink(invite, "too-late-password", t0 + LINK_TTL_MS.invite)).resolves.toEqual({ ok: false, state: "expired" });
    const reset = createAccountLink(org.as.admin, person.id, "reset", t0);
    await expect(redeemAccountLink(reset, "too-late-password", t0 + LINK_TTL_MS.reset + 1)).resolves.toEqual({ ok: false, state: "expired" });
  });

  it("voids earlier links when a new one is issued, and a reset ends open sessions", async () => {
    const person = insertPerson(db());
    const first = createAccountLink(org.as.admin, person.id, "reset", t0);
    const second = createAccountLink(org.as.admin, person.id, "reset", t0 + 10);
    const session = createSession(person.id, "credentials", t0 + 20);
    await expect(redeemAccountLink(first, "a-fresh-password", t0 + 30)).resolves.toEqual({ ok: false, state: "revoked" });
    await expect(redeemAccountLink(second, "a-fresh-password", t0 + 30)).resolves.toMatchObject({ ok: true });
    expect(checkSession(session, t0 + 40)).toEqual({ valid: false, reason: "password-changed" });
  });

  it("does not know a made-up token", async () => {
    expect(describeAccountLink("not-a-token")).toBeNull();
    await expect(redeemAccountLink("not-a-token", "whatever-password")).resolves.toEqual({ ok: false, state: "missing" });
  });
});

describe("people administration", () => {
  it("creates a person with a first level-history entry and an audit row", () => {
    const result = createPerson(org.as.admin, { ...personInput({ name: "New Hire", email: "new.hire@test.example", managerId: org.people.manager.id }), trackKey: "ic", levelKey: "ic1" });
    expect(result.ok).toBe(true);
    const id = result.ok ? result.value : "";
    expect(db().select().from(people).where(eq(people.id, id)).get()?.managerId).toBe(org.people.manager.id);
    expect(db().select().from(auditLog).where(eq(auditLog.recordId, id)).all().map((r) => r.action)).toEqual(["person.create"]);
  });

  it("refuses a duplicate email and a level on the wrong track beside their fields", () => {
    const dup = createPerson(org.as.admin, { ...personInput({ name: "Dup", email: org.people.engineer.email, managerId: null }), trackKey: "ic", levelKey: "ic1" });
    expect(dup).toEqual({ ok: false, fieldErrors: { email: ["Someone in Trellis already has this email"] } });
    const wrongTrack = createPerson(org.as.admin, { ...personInput({ name: "Odd", email: "odd@test.example", managerId: null }), trackKey: "ic", levelKey: "m1" });
    expect(wrongTrack).toMatchObject({ ok: false, fieldErrors: { levelKey: ["Choose a level on the chosen track"] } });
  });

  it("refuses a manager change that would create a reporting cycle", () => {
    const director = db().select().from(people).where(eq(people.id, org.people.director.id)).get()!;
    const result = updatePerson(org.as.admin, director.id, director.version, personInput({ ...director, managerId: org.people.engineer.id }));
    expect(result).toMatchObject({ ok: false, fieldErrors: { managerId: [expect.stringMatching(/loop in the reporting line/)] } });
    expect(db().select().from(people).where(eq(people.id, director.id)).get()?.managerId).toBeNull();
  });

  it("refuses to overwrite a change made since the form was loaded", () => {
    const person = insertPerson(db());
    const first = updatePerson(org.as.admin, person.id, 1, personInput({ ...person, name: "First Edit" }));
    expect(first.ok).toBe(true);
    const stale = updatePerson(org.as.admin, person.id, 1, personInput({ ...person, name: "Stale Edit" }));
    expect(stale).toMatchObject({ ok: false, message: expect.stringMatching(/Someone else changed this person/) });
    expect(db().select().from(people).where(eq(people.id, person.id)).get()?.name).toBe("First Edit");
  });

  it("records a level change in the history, refusing future dates", () => {
    const person = insertPerson(db(), { levelKey: "ic2" });
    expect(changeLevel(org.as.admin, person.id, { trackKey: "ic", levelKey: "ic3", effectiveDate: "2999-01-01", reason: "Later" })).toMatchObject({ ok: false, fieldErrors: { effectiveDate: expect.any(Array) } });
    expect(changeLevel(org.as.admin, person.id, { trackKey: "ic", levelKey: "ic3", effectiveDate: "2026-01-01", reason: "Calibration" }).ok).toBe(true);
    expect(db().select().from(people).where(eq(people.id, person.id)).get()?.levelKey).toBe("ic3");
  });

  it("deactivation ends sessions at once, keeps the records, and is refused while the person manages others", () => {
    const person = insertPerson(db());
    const session = createSession(person.id, "credentials");
    expect(setActive(org.as.admin, person.id, false).ok).toBe(true);
    expect(checkSession(session)).toEqual({ valid: false, reason: "deactivated" });
    expect(db().select().from(people).where(eq(people.id, person.id)).get()?.active).toBe(false);
    expect(setActive(org.as.admin, org.people.manager.id, false)).toMatchObject({ ok: false, message: expect.stringMatching(/still manages \d+ active people. Move them/) });
    expect(setActive(org.as.admin, org.people.admin.id, false)).toMatchObject({ ok: false });
  });

  it("imports all rows of a valid CSV and nothing of an invalid one", () => {
    const header = "name,email,role,track,level,manager_email,team,start_date";
    const bad = `${header}\nGood Row,good.row@test.example,engineer,ic,ic1,,T,2026-01-05\nBad Row,bad.row@test.example,engineer,ic,ic99,,T,2026-01-05`;
    expect(importPeople(org.as.admin, bad)).toMatchObject({ ok: false, problems: [{ line: 3, column: "level" }] });
    expect(db().select().from(people).where(eq(people.email, "good.row@test.example")).get()).toBeUndefined();
    const good = `${header}\nLead Import,lead.import@test.example,manager,mgmt,m1,${org.people.director.email},T,2026-01-05\nDev Import,dev.import@test.example,engineer,ic,ic1,lead.import@test.example,T,2026-01-05`;
    expect(importPeople(org.as.admin, good)).toEqual({ ok: true, imported: 2 });
    const dev = db().select().from(people).where(eq(people.email, "dev.import@test.example")).get()!;
    const lead = db().select().from(people).where(eq(people.email, "lead.import@test.example")).get()!;
    expect(dev.managerId).toBe(lead.id);
  });

  it("refuses a back-dated level change that would hide a later one", () => {
    const person = insertPerson(db(), { levelKey: "ic2", startDate: "2024-01-15" });
    expect(changeLevel(org.as.admin, person.id, { trackKey: "ic", levelKey: "ic3", effectiveDate: "2026-01-01", reason: "Promotion" }).ok).toBe(true);
    expect(changeLevel(org.as.admin, person.id, { trackKey: "ic", levelKey: "ic1", effectiveDate: "2020-01-01", reason: "Old correction" })).toMatchObject({ ok: false, fieldErrors: { effectiveDate: [expect.stringMatching(/latest recorded change is from 2026-01-01/)] } });
    expect(db().select().from(people).where(eq(people.id, person.id)).get()?.levelKey).toBe("ic3");
  });

  it("keeps at least one admin", () => {
    const admins = db().select().from(people).where(eq(people.role, "admin")).all();
    expect(admins).toHaveLength(1);
    const me = admins[0]!;
    expect(updatePerson(org.as.admin, me.id, me.version, personInput({ ...me, role: "engineer" }))).toMatchObject({
      ok: false,
      fieldErrors: { role: [expect.stringMatching(/at least one admin/)] },
    });
  });

  it("will not reactivate someone under a deactivated manager", () => {
    const lead = insertPerson(db(), { role: "manager", trackKey: "mgmt", levelKey: "m1" });
    const report = insertPerson(db(), { managerId: lead.id });
    expect(setActive(org.as.admin, report.id, false).ok).toBe(true);
    expect(setActive(org.as.admin, lead.id, false).ok).toBe(true);
    expect(setActive(org.as.admin, report.id, true)).toMatchObject({ ok: false, message: expect.stringMatching(/manager .* is deactivated/) });
  });

  it("takes a deactivated person off the committee", () => {
    const member = insertPerson(db());
    expect(setCommitteeMember(org.as.admin, member.id, true).ok).toBe(true);
    expect(setActive(org.as.admin, member.id, false).ok).toBe(true);
    expect(db().select().from(committeeMembers).where(eq(committeeMembers.personId, member.id)).get()).toBeUndefined();
    expect(setCommitteeMember(org.as.admin, member.id, false)).toMatchObject({ ok: false });
  });

  it("unlinks SSO identities and ends sessions when the email changes", () => {
    const person = insertPerson(db());
    db().insert(accounts).values({ provider: "oidc", providerAccountId: `sub-${person.id}`, personId: person.id, type: "oidc" }).run();
    const session = createSession(person.id, "oidc");
    const result = updatePerson(org.as.admin, person.id, 1, personInput({ ...person, email: `renamed-${person.email}` }));
    expect(result.ok).toBe(true);
    expect(db().select().from(accounts).where(eq(accounts.personId, person.id)).all()).toEqual([]);
    expect(checkSession(session).valid).toBe(false);
  });

  it("refuses a start-date change that would prorate the stipend below what is already claimed", async () => {
    const person = insertPerson(db(), { startDate: "2026-01-05", managerId: org.people.manager.id });
    const viewer = getViewerById(person.id)!;
    await fileClaim(viewer, { category: "Courses", amountPaidMinor: 180_000 });
    expect(updatePerson(org.as.admin, person.id, 1, personInput({ ...person, startDate: "2026-10-01" }))).toMatchObject({ ok: false, fieldErrors: { startDate: [expect.stringMatching(/less than the \$1,800.00 they have already claimed/)] } });
    expect(updatePerson(org.as.admin, person.id, 1, personInput({ ...person, startDate: "2026-02-02" })).ok).toBe(true);
  });

  it("puts people who cannot sign in yet on admins' Needs my action, and nobody else's", () => {
    const t = Date.UTC(2026, 10, 22, 12);
    const noLink = insertPerson(db(), { name: "Needs Link" });
    const expiring = insertPerson(db(), { name: "Expiring Soon" });
    const fresh = insertPerson(db(), { name: "Fresh Invite" });
    createAccountLink(org.as.admin, expiring.id, "invite", t - LINK_TTL_MS.invite + 3_600_000);
    createAccountLink(org.as.admin, fresh.id, "invite", t);
    const items = accountLinkActionItems(org.as.admin, t);
    const itemFor = (personId: string) => items.filter((i) => i.href === `/admin/people/${personId}`);
    expect(itemFor(noLink.id)).toMatchObject([{ title: "Needs Link has no way to sign in yet", dueAt: null }]);
    expect(itemFor(expiring.id)).toMatchObject([{ title: "Expiring Soon's invitation expires soon", dueAt: new Date(t + 3_600_000) }]);
    expect(itemFor(fresh.id)).toEqual([]);
    expect(accountLinkActionItems(org.as.manager, t)).toEqual([]);
  });
});

describe("people export", () => {
  it("guards a name or team a spreadsheet splitting on ';' or tab would read as a formula, and reads back unchanged", () => {
    const person = insertPerson(db(), { name: "Bob;=1+1", team: "Ops\t@SUM(1)" });
    const csv = toCsv(exportPeopleRows(org.as.admin));
    const line = csv.split("\r\n").find((l) => l.includes(person.email))!;
    expect(line).toBe(`"Bob;'=1+1",${person.email},engineer,ic,ic2,,"Ops\t'@SUM(1)",2024-01-15,yes`);
    const row = parseCsv(csv).find((cells) => cells[1] === person.email)!;
    expect([unguardCell(row[0]!), unguardCell(row[6]!)]).toEqual(["Bob;=1+1", "Ops\t@SUM(1)"]);
  });
});
