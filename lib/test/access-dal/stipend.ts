import fs from "node:fs";
import crypto from "node:crypto";
import { and, eq, inArray } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db";
import { stipendClaims, stipendSettings, stipendYearSettings } from "@/db/schema";
import { listTeamClaims } from "@/lib/dal/stipend-approvals";
import { getClaim, getStipendYear, transitionClaim } from "@/lib/dal/stipend-claims";
import { getReceiptFile, getReceiptRetention, saveReceiptRetention } from "@/lib/dal/stipend-receipts";
import { getStipendReport } from "@/lib/dal/stipend-reports";
import { saveYearSettings } from "@/lib/dal/stipend-years";
import { fileClaim, receiptPdf, TEST_YEAR, yearSettingsInput } from "@/lib/test/builders";
import type { Actor, Org } from "@/lib/test/org";
import { action, fileTeamViewClaims, T0, type Person, type Row } from "./harness";

/* ---------- Stipend: team claims, claims, receipts, settings, the report ---------- */

const statusOf = (claimId: string) => db().select({ status: stipendClaims.status }).from(stipendClaims).where(eq(stipendClaims.id, claimId)).get()?.status;

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

/* setupStipend saves 120 days straight to the database, so a read of the default would not pass. */
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

export const stipendRows: Row[] = [
  { what: "team claims: own org only", as: "manager", expect: "allowed", action: teamView(["engineer"], ["outsider"]) },
  { what: "team claims: whole org below", as: "director", expect: "allowed", action: teamView(["engineer"], ["outsider"]) },
  { what: "team claims: own org only", as: "otherManager", expect: "allowed", action: teamView(["outsider"], ["engineer"]) },
  { what: "team claims: none without reports", as: "engineer", expect: "allowed", action: teamView([], ["engineer", "outsider", "peer"]) },
  { what: "team claims: everyone", as: "admin", expect: "allowed", action: teamView(["engineer", "outsider"], []) },
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
];

/* Claims of the engineer and the outsider this year (for the team view and the report), and a retention period saved straight to the database. */
export async function setupStipend(org: Org) {
  await fileTeamViewClaims(org, ["engineer", "outsider"]);
  db().insert(stipendSettings).values({ id: 1, rejectedReceiptRetentionDays: 120, version: 1, updatedById: org.people.admin.id }).run();
}
