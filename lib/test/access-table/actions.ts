import { ADMINS, DIRECT_MANAGER, EVERYONE, only, OWNER, PUBLIC, type Role } from "./roles";
import type { AccessRow, Ids, Proof } from "./types";

/*
 * Server actions, called directly as each role (the browser's fetch call,
 * by the id in Next's server-reference manifest) with input that passes the
 * action's schema, so only the access check can stop it. Allowed cells are
 * not run over HTTP: they would change the demo data other tests read; each
 * names the DAL row that proves its effect.
 */
const file = {
  account: "app/(app)/account/actions.ts",
  app: "app/(app)/actions.ts",
  committee: "app/(app)/admin/committee/actions.ts",
  cycles: "app/(app)/admin/cycles/actions.ts",
  org: "app/(app)/admin/org/actions.ts",
  people: "app/(app)/admin/people/actions.ts",
  settings: "app/(app)/admin/settings/actions.ts",
  evidence: "app/(app)/evidence/actions.ts",
  reviews: "app/(app)/reviews/actions.ts",
  stipend: "app/(app)/stipend/actions.ts",
  stipendAdmin: "app/(app)/stipend/admin/actions.ts",
  claim: "app/(app)/stipend/new/actions.ts",
  invite: "app/invite/[token]/actions.ts",
  signin: "app/signin/actions.ts",
};
const action = (where: keyof typeof file, name: string, cells: AccessRow["cells"], input: AccessRow["input"], proofs: AccessRow["proofs"], extra: Partial<AccessRow> = {}): AccessRow => ({
  entry: `action ${file[where]}#${name}`,
  cells,
  input,
  proofs,
  ...extra,
});
const SIGNED_IN: Exclude<Role, "signedOut">[] = ["engineer", "peer", "manager", "director", "otherManager", "admin"];
/* The same DAL row, run as each signed-in role on their own record. */
const eachOwn = (what: string) => Object.fromEntries(SIGNED_IN.map((role) => [role, { what }])) as Record<Exclude<Role, "signedOut">, Proof>;
const admin = (what: string) => ({ admin: { what } });
const PASSPHRASE = "a-long-enough-passphrase";
const evidenceInput = (ids: Ids) => ({ entryId: ids.entry, version: ids.entryVersion, title: "Access-control probe", occurredOn: "2026-01-15", description: "", links: "", cells: "values.complexity" });
const claimStep = (step: string) => (ids: Ids) => ({ claimId: step === "reimburse" ? ids.approvedClaim : ids.claim, version: step === "reimburse" ? ids.approvedClaimVersion : ids.claimVersion, action: step, reason: "Access-control probe" });

export const ACTION_ROWS: AccessRow[] = [
  action("account", "changePasswordAction", EVERYONE, () => ({ currentPassword: "not-the-password", newPassword: PASSPHRASE, confirmPassword: PASSPHRASE }), eachOwn("change own password")),
  action("account", "endOtherSessionsAction", EVERYONE, () => ({}), eachOwn("end own other sessions"), { silent: true }),
  action("app", "signOutAction", { ...EVERYONE, signedOut: "public" }, () => ({}), Object.fromEntries(SIGNED_IN.map((role) => [role, { spec: "e2e/auth.spec.ts", test: "sign-out ends the session on the server: the old cookie no longer works" }])), { encoding: "no-js" }),
  action("committee", "setCommitteeMemberAction", ADMINS, (ids) => ({ personId: ids.peer, member: "true" }), admin("name a committee member")),
  action("cycles", "openCycleAction", ADMINS, () => ({ name: "Access-control probe", selfDueOn: "2099-01-01", managerDueOn: "2099-02-01" }), admin("open and close a cycle")),
  action("cycles", "closeCycleAction", ADMINS, (ids) => ({ cycleId: ids.cycle, version: ids.cycleVersion }), admin("open and close a cycle")),
  action("org", "movePersonAction", ADMINS, (ids) => ({ personId: ids.engineer, managerId: ids.manager }), admin("move a person to another manager")),
  action("settings", "saveTimeZoneAction", ADMINS, (ids) => ({ timeZone: "UTC", version: ids.settingsVersion }), admin("set the org time zone")),
  action("people", "createPersonAction", ADMINS, () => ({ name: "Access Probe", email: "access.probe@test.example", role: "engineer", managerId: "", team: "Probe", startDate: "2026-01-05", level: "ic:ic1" }), admin("add a person")),
  action("people", "updatePersonAction", ADMINS, (ids) => ({ id: ids.engineer, version: ids.engineerVersion, name: ids.engineerName, email: ids.engineerEmail, role: "engineer", managerId: ids.manager, team: "Platform", startDate: ids.engineerStart }), admin("edit a person")),
  action("people", "changeLevelAction", ADMINS, (ids) => ({ id: ids.engineer, level: "ic:ic2", effectiveDate: "2026-01-01", reason: "Access-control probe" }), admin("change a level")),
  action("people", "setActiveAction", ADMINS, (ids) => ({ id: ids.engineer, active: "true" }), admin("deactivate a person")),
  action("people", "createLinkAction", ADMINS, (ids) => ({ id: ids.engineer, purpose: "reset" }), admin("issue an invitation link")),
  action("people", "endSessionsAction", only({ engineer: "allowed", admin: "allowed" }), (ids) => ({ id: ids.engineer }), { engineer: { what: "end own sessions" }, admin: { what: "end anyone's sessions" } }),
  action("people", "importPeopleAction", ADMINS, () => ({ csv: "name,email,role,track,level,manager_email,team,start_date\nProbe Person,probe.person@test.example,engineer,ic,ic1,,Probe,2026-01-05", intent: "import", file: "" }), { admin: { what: "import people from CSV" } }),
  action("stipendAdmin", "saveYearSettingsAction", ADMINS, () => ({ year: "2031", version: "0", allowance: "1000", currency: "USD", categories: "Books", overBalance: "refuse" }), admin("set a stipend year's settings")),
  action("stipendAdmin", "saveRetentionAction", ADMINS, (ids) => ({ days: "30", version: ids.retentionVersion }), admin("set how long rejected receipts are kept")),
  action("stipend", "transitionClaimAction", only({ manager: "allowed" }), claimStep("approve"), { manager: { what: "approve a direct report's claim" } }, { variant: "approve" }),
  action("stipend", "transitionClaimAction", only({ manager: "allowed" }), claimStep("reject"), { manager: { what: "reject a direct report's claim" } }, { variant: "reject" }),
  action("stipend", "transitionClaimAction", OWNER, claimStep("withdraw"), { engineer: { what: "withdraw own pending claim" } }, { variant: "withdraw" }),
  action("stipend", "transitionClaimAction", ADMINS, claimStep("reimburse"), admin("reimburse an approved claim"), { variant: "reimburse" }),
  action("claim", "createClaimAction", EVERYONE, () => ({ purchaseDate: "2026-02-01", item: "Probe", vendor: "Probe", category: "Books", amountPaid: "1", currencyPaid: "USD", amountCharged: "", receiptUrl: "https://shop.example.com/r/1", note: "", cell: "" }), eachOwn("file own claim")),
  action("evidence", "createEvidenceAction", EVERYONE, () => ({ title: "Access-control probe", occurredOn: "2026-01-15", description: "", links: "", cells: "values.complexity" }), eachOwn("log own evidence")),
  action("evidence", "updateEvidenceAction", OWNER, evidenceInput, { engineer: { what: "edit own evidence" } }),
  action("evidence", "deleteEvidenceAction", OWNER, (ids) => ({ entryId: ids.entry }), { engineer: { what: "delete own evidence" } }),
  action("reviews", "saveSelfAssessmentAction", OWNER, (ids) => ({ reviewId: ids.review, version: ids.selfVersion, cells: [] }), { engineer: { what: "save own self-assessment" } }),
  // The person submitting their own: proven on the director's own review, which no other row needs as a draft.
  action("reviews", "submitSelfAssessmentAction", OWNER, (ids) => ({ reviewId: ids.review, version: ids.selfVersion }), { engineer: { what: "submit own self-assessment", as: "director" } }),
  action("reviews", "saveManagerReviewAction", DIRECT_MANAGER, (ids) => ({ reviewId: ids.review, version: ids.managerVersion, summary: "Access-control probe", cells: [] }), { manager: { what: "write a direct report's manager review" } }),
  action("reviews", "shareManagerReviewAction", DIRECT_MANAGER, (ids) => ({ reviewId: ids.review, version: ids.managerVersion }), { manager: { what: "share a direct report's manager review" } }),
  // Acknowledging needs a shared review: proven on the peer's own, shared for that row.
  action("reviews", "acknowledgeReviewAction", OWNER, (ids) => ({ reviewId: ids.review, response: "Access-control probe" }), { engineer: { what: "acknowledge own review once shared", as: "peer" } }),
  action("reviews", "savePrivateNotesAction", DIRECT_MANAGER, (ids) => ({ reviewId: ids.review, version: ids.notesVersion, body: "Access-control probe" }), { manager: { what: "write private notes on a direct report's review" } }),
  action("invite", "setPasswordAction", PUBLIC, () => ({ token: "not-a-real-token", newPassword: PASSPHRASE, confirmPassword: PASSPHRASE }), {}, { encoding: "formdata" }),
  // A new unknown account each call, so the account limit never slows the next one.
  action("signin", "signInAction", PUBLIC, () => ({ email: `nobody.${crypto.randomUUID()}@test.example`, password: "not-the-password", callbackUrl: "/" }), {}, { encoding: "formdata" }),
  action("signin", "signInWithSsoAction", PUBLIC, () => ({ callbackUrl: "/" }), {}, { encoding: "no-js" }),
];
