import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, type Executor } from "@/db";
import { competencies, people, receipts, stipendClaimEvents, stipendClaims, stipendPolicies, themes } from "@/db/schema";
import type { ClaimStatus } from "@/lib/domain/enums";
import { config } from "@/lib/config";
import { NotFoundError } from "@/lib/errors";
import { allowanceFor, checkNewClaim, defaultPolicy, HOLDING_STATUSES, summarise, type StipendPolicy } from "@/lib/stipend/balance";
import { allowedActions, canActOnClaim, canAdministerStipend, canViewClaim, TRANSITIONS, type ClaimAction } from "@/lib/stipend/claim-rules";
import { checkReceipt } from "@/lib/stipend/receipt-file";
import { formatMoney } from "@/lib/stipend/money";
import type { ActionItem } from "@/lib/domain/action-item";
import { recordAudit } from "./audit";
import { orgToday } from "./org-settings";
import { relationshipTo } from "./people";
import type { Viewer } from "@/lib/domain/viewer";

/* ---------- Policy ---------- */

function readPolicy(ex: Executor, year: number): StipendPolicy & { version: number; saved: boolean } {
  const row = ex.select().from(stipendPolicies).where(eq(stipendPolicies.year, year)).get();
  if (!row) return { ...defaultPolicy(year), version: 0, saved: false };
  return {
    year: row.year,
    allowanceMinor: row.allowanceMinor,
    currency: row.currency,
    categories: row.categories,
    overBalance: row.overBalance,
    prorateNewStarters: row.prorateNewStarters,
    version: row.version,
    saved: true,
  };
}

/*
 * A year's policy, the default until an admin saves one. The first claim of a
 * year writes the default down, so a later change to the default can never
 * move a year that already has money in it.
 */
export function getStipendPolicy(year: number) {
  return readPolicy(db(), year);
}

function ensurePolicyRow(tx: Executor, year: number): StipendPolicy {
  const policy = readPolicy(tx, year);
  if (!policy.saved) {
    tx.insert(stipendPolicies).values({ year, allowanceMinor: policy.allowanceMinor, currency: policy.currency, categories: policy.categories, overBalance: policy.overBalance, prorateNewStarters: policy.prorateNewStarters }).run();
  }
  return policy;
}

/* ---------- Facts about people ---------- */

const owner = alias(people, "owner");
const ownerManager = alias(people, "owner_manager");

function personFacts(ex: Executor, personId: string) {
  return ex
    .select({ id: people.id, name: people.name, team: people.team, startDate: people.startDate, managerId: people.managerId, managerActive: ownerManager.active })
    .from(people)
    .leftJoin(ownerManager, eq(ownerManager.id, people.managerId))
    .where(eq(people.id, personId))
    .get();
}

function heldMinor(ex: Executor, personId: string, year: number): number {
  const row = ex
    .select({ total: sql<number>`coalesce(sum(${stipendClaims.amountChargedMinor}), 0)` })
    .from(stipendClaims)
    .where(and(eq(stipendClaims.personId, personId), eq(stipendClaims.year, year), inArray(stipendClaims.status, [...HOLDING_STATUSES])))
    .get();
  return row?.total ?? 0;
}

/* ---------- My stipend ---------- */

const claimColumns = {
  id: stipendClaims.id,
  personId: stipendClaims.personId,
  year: stipendClaims.year,
  purchaseDate: stipendClaims.purchaseDate,
  item: stipendClaims.item,
  vendor: stipendClaims.vendor,
  category: stipendClaims.category,
  amountPaidMinor: stipendClaims.amountPaidMinor,
  currencyPaid: stipendClaims.currencyPaid,
  amountChargedMinor: stipendClaims.amountChargedMinor,
  receiptId: stipendClaims.receiptId,
  receiptUrl: stipendClaims.receiptUrl,
  note: stipendClaims.note,
  competencyKey: stipendClaims.competencyKey,
  themeKey: stipendClaims.themeKey,
  status: stipendClaims.status,
  overBalance: stipendClaims.overBalance,
  decisionReason: stipendClaims.decisionReason,
  version: stipendClaims.version,
  createdAt: stipendClaims.createdAt,
};

function eventsFor(claimIds: string[]) {
  if (claimIds.length === 0) return new Map<string, ClaimEvent[]>();
  const actor = alias(people, "actor");
  const rows = db()
    .select({ id: stipendClaimEvents.id, claimId: stipendClaimEvents.claimId, at: stipendClaimEvents.at, actorName: actor.name, fromStatus: stipendClaimEvents.fromStatus, toStatus: stipendClaimEvents.toStatus, reason: stipendClaimEvents.reason })
    .from(stipendClaimEvents)
    .leftJoin(actor, eq(actor.id, stipendClaimEvents.actorId))
    .where(inArray(stipendClaimEvents.claimId, claimIds))
    .orderBy(asc(stipendClaimEvents.at), asc(stipendClaimEvents.id))
    .all();
  const map = new Map<string, ClaimEvent[]>();
  for (const row of rows) map.set(row.claimId, [...(map.get(row.claimId) ?? []), row]);
  return map;
}

export type ClaimEvent = { id: number; at: Date; actorName: string | null; fromStatus: ClaimStatus | null; toStatus: ClaimStatus; reason: string };

/* A person's year: the policy, their allowance, the balance and every claim with its history. */
export function getStipendYear(viewer: Viewer, personId: string, year: number) {
  const relationship = relationshipTo(viewer.id, personId);
  if (!canViewClaim(viewer, relationship)) throw new NotFoundError("stipend");
  const person = personFacts(db(), personId);
  if (!person) throw new NotFoundError("stipend");
  const policy = getStipendPolicy(year);
  const allowanceMinor = allowanceFor(policy, person.startDate);
  const claims = db().select(claimColumns).from(stipendClaims).where(and(eq(stipendClaims.personId, personId), eq(stipendClaims.year, year))).orderBy(desc(stipendClaims.purchaseDate), desc(stipendClaims.createdAt)).all();
  const events = eventsFor(claims.map((c) => c.id));
  const ownerHasManager = Boolean(person.managerId && person.managerActive);
  return {
    person: { id: person.id, name: person.name, startDate: person.startDate },
    policy,
    prorated: allowanceMinor !== policy.allowanceMinor,
    summary: summarise(allowanceMinor, claims),
    claims: claims.map((c) => ({ ...c, events: events.get(c.id) ?? [], actions: allowedActions(viewer, { status: c.status, relationship, ownerHasManager }) })),
  };
}

/* Years worth offering in the year switcher: this one, next one, and any with claims or a policy. */
/* The years the viewer can switch between on their own stipend page. */
export function listStipendYears(viewer: Viewer, currentYear: number): number[] {
  const claimYears = db().selectDistinct({ year: stipendClaims.year }).from(stipendClaims).where(eq(stipendClaims.personId, viewer.id)).all();
  const policyYears = db().select({ year: stipendPolicies.year }).from(stipendPolicies).all();
  return [...new Set([currentYear, currentYear - 1, ...claimYears.map((r) => r.year), ...policyYears.map((r) => r.year)])].filter((y) => y <= currentYear + 1).sort((a, b) => b - a);
}

/* ---------- One claim ---------- */

export function getClaim(viewer: Viewer, claimId: string) {
  const claim = db()
    .select({ ...claimColumns, ownerName: owner.name, ownerTeam: owner.team, ownerManagerId: owner.managerId, managerActive: ownerManager.active, managerName: ownerManager.name, receiptName: receipts.originalName, receiptType: receipts.contentType, receiptSize: receipts.sizeBytes })
    .from(stipendClaims)
    .innerJoin(owner, eq(owner.id, stipendClaims.personId))
    .leftJoin(ownerManager, eq(ownerManager.id, owner.managerId))
    .leftJoin(receipts, eq(receipts.id, stipendClaims.receiptId))
    .where(eq(stipendClaims.id, claimId))
    .get();
  if (!claim) throw new NotFoundError("claim");
  const relationship = relationshipTo(viewer.id, claim.personId);
  if (!canViewClaim(viewer, relationship)) throw new NotFoundError("claim");
  const policy = getStipendPolicy(claim.year);
  const ownerHasManager = Boolean(claim.ownerManagerId && claim.managerActive);
  return {
    claim,
    policy,
    relationship,
    events: eventsFor([claim.id]).get(claim.id) ?? [],
    actions: allowedActions(viewer, { status: claim.status, relationship, ownerHasManager }),
    approverLabel: ownerHasManager ? claim.managerName! : "an admin",
  };
}

/* ---------- Filing a claim ---------- */

export type NewClaim = {
  purchaseDate: string;
  item: string;
  vendor: string;
  category: string;
  amountPaidMinor: number;
  currencyPaid: string;
  /* In the policy currency; required when the currency paid differs. */
  amountChargedMinor: number | null;
  receiptUrl: string | null;
  receiptFile: File | null;
  note: string;
  cell: { competencyKey: string; themeKey: string } | null;
};

export type ClaimField = "purchaseDate" | "category" | "currencyPaid" | "amountPaid" | "amountCharged" | "receipt" | "cell";
export type CreateClaimResult = { ok: true; id: string } | { ok: false; field: ClaimField; message: string };

function receiptsDir() {
  return path.join(config().dataDir, "receipts");
}

/*
 * Files a claim for the viewer. The receipt file is written first under a
 * random name; the balance check and the insert are then one immediate
 * transaction, so concurrent claims queue and none can take the balance below
 * zero. A refused claim leaves no file behind.
 */
/*
 * A start date sets the prorated allowance of its year. Moving it must not
 * shrink an allowance below what the person already holds in claims.
 */
export function startDateChangeProblem(tx: Executor, personId: string, before: string, after: string): string | null {
  if (before === after) return null;
  for (const year of new Set([Number(before.slice(0, 4)), Number(after.slice(0, 4))])) {
    const held = heldMinor(tx, personId, year);
    if (held === 0) continue;
    const policy = readPolicy(tx, year);
    if (allowanceFor(policy, after) < Math.min(held, allowanceFor(policy, before))) {
      return `With this start date their ${year} stipend would be ${formatMoney(allowanceFor(policy, after), policy.currency)}, less than the ${formatMoney(held, policy.currency)} they have already claimed`;
    }
  }
  return null;
}

function cellExists(competencyKey: string, themeKey: string): boolean {
  const competency = db().select({ key: competencies.key }).from(competencies).where(eq(competencies.key, competencyKey)).get();
  const theme = db().select({ key: themes.key }).from(themes).where(eq(themes.key, themeKey)).get();
  return Boolean(competency && theme);
}

export async function createClaim(viewer: Viewer, input: NewClaim, today = orgToday()): Promise<CreateClaimResult> {
  if (input.purchaseDate > today) return { ok: false, field: "purchaseDate", message: "The purchase date can't be in the future" };
  const year = Number(input.purchaseDate.slice(0, 4));
  const currentYear = Number(today.slice(0, 4));
  if (year < currentYear - 1) return { ok: false, field: "purchaseDate", message: `Claims can be filed for ${currentYear - 1} and ${currentYear} only` };

  const policy = getStipendPolicy(year);
  if (!policy.categories.includes(input.category)) return { ok: false, field: "category", message: "Choose one of the categories" };
  if (input.cell && !cellExists(input.cell.competencyKey, input.cell.themeKey)) return { ok: false, field: "cell", message: "Choose a cell from the framework, or none" };
  const sameCurrency = input.currencyPaid === policy.currency;
  const amountChargedMinor = sameCurrency ? input.amountPaidMinor : input.amountChargedMinor;
  if (amountChargedMinor === null) return { ok: false, field: "amountCharged", message: `You paid in ${input.currencyPaid}: enter what it came to in ${policy.currency}` };

  let stored: { id: string; file: string; row: typeof receipts.$inferInsert } | null = null;
  if (input.receiptFile) {
    const bytes = new Uint8Array(await input.receiptFile.arrayBuffer());
    const check = checkReceipt(bytes);
    if (!check.ok) return { ok: false, field: "receipt", message: check.error };
    const storedName = crypto.randomBytes(24).toString("hex");
    fs.mkdirSync(receiptsDir(), { recursive: true });
    const file = path.join(receiptsDir(), storedName);
    await fs.promises.writeFile(file, bytes, { flag: "wx", mode: 0o600 });
    const id = crypto.randomUUID();
    stored = {
      id,
      file,
      row: { id, storedName, originalName: input.receiptFile.name.slice(0, 200) || "receipt", contentType: check.type, sizeBytes: bytes.length, sha256: crypto.createHash("sha256").update(bytes).digest("hex"), uploadedById: viewer.id },
    };
  } else if (!input.receiptUrl) {
    return { ok: false, field: "receipt", message: "Attach the receipt or link to it" };
  }

  try {
    const result = db().transaction(
      (tx): CreateClaimResult => {
        const yearPolicy = ensurePolicyRow(tx, year);
        // The checks above read the policy before this transaction; a change in between must not slip through.
        if (!yearPolicy.categories.includes(input.category)) return { ok: false, field: "category", message: "Choose one of the categories" };
        if ((input.currencyPaid === yearPolicy.currency) !== sameCurrency) {
          return { ok: false, field: "currencyPaid", message: `The ${year} policy changed while you were filing; check the currency and amounts` };
        }
        const person = personFacts(tx, viewer.id);
        if (!person) throw new NotFoundError("person");
        const remaining = allowanceFor(yearPolicy, person.startDate) - heldMinor(tx, viewer.id, year);
        const fit = checkNewClaim(yearPolicy, Math.max(0, remaining), amountChargedMinor);
        if (!fit.allowed) {
          const left = formatMoney(Math.max(0, remaining), yearPolicy.currency);
          return { ok: false, field: sameCurrency ? "amountPaid" : "amountCharged", message: `That is more than your remaining ${year} balance of ${left}` };
        }
        if (stored) tx.insert(receipts).values(stored.row).run();
        const id = crypto.randomUUID();
        tx.insert(stipendClaims)
          .values({
            id,
            personId: viewer.id,
            year,
            purchaseDate: input.purchaseDate,
            item: input.item,
            vendor: input.vendor,
            category: input.category,
            amountPaidMinor: input.amountPaidMinor,
            currencyPaid: input.currencyPaid,
            amountChargedMinor,
            receiptId: stored?.id ?? null,
            receiptUrl: input.receiptUrl,
            note: input.note,
            competencyKey: input.cell?.competencyKey ?? null,
            themeKey: input.cell?.themeKey ?? null,
            overBalance: fit.overBalance,
          })
          .run();
        tx.insert(stipendClaimEvents).values({ claimId: id, actorId: viewer.id, fromStatus: null, toStatus: "pending", reason: fit.overBalance ? "Over the remaining balance: flagged for an exception" : "" }).run();
        recordAudit(tx, {
          actorId: viewer.id,
          action: "stipend-claim.create",
          recordType: "stipend-claim",
          recordId: id,
          summary: `Filed a ${year} claim for ${formatMoney(amountChargedMinor, yearPolicy.currency)} (${input.category})${fit.overBalance ? ", over balance" : ""}`,
        });
        return { ok: true, id };
      },
      { behavior: "immediate" },
    );
    if (!result.ok && stored) await fs.promises.rm(stored.file, { force: true });
    return result;
  } catch (error) {
    if (stored) await fs.promises.rm(stored.file, { force: true });
    throw error;
  }
}

/* ---------- Moving a claim along ---------- */

export type TransitionResult = { ok: true } | { ok: false; message: string };

/*
 * Withdraw, approve, reject or reimburse. The version the viewer saw must
 * still be current, so two tabs (or two approvers) never silently overwrite.
 * A claim the viewer may not act on looks missing.
 */
export function transitionClaim(viewer: Viewer, claimId: string, action: ClaimAction, expectedVersion: number, reason: string): TransitionResult {
  return db().transaction(
    (tx): TransitionResult => {
      const claim = tx
        .select({ id: stipendClaims.id, personId: stipendClaims.personId, status: stipendClaims.status, version: stipendClaims.version, year: stipendClaims.year, amountChargedMinor: stipendClaims.amountChargedMinor })
        .from(stipendClaims)
        .where(eq(stipendClaims.id, claimId))
        .get();
      if (!claim) throw new NotFoundError("claim");
      const relationship = relationshipTo(viewer.id, claim.personId);
      if (!canViewClaim(viewer, relationship)) throw new NotFoundError("claim");
      const person = personFacts(tx, claim.personId)!;
      const ownerHasManager = Boolean(person.managerId && person.managerActive);
      const { from, to } = TRANSITIONS[action];
      if (claim.version !== expectedVersion || claim.status !== from) {
        return { ok: false, message: "This claim changed since you opened it. Reload the page to see where it stands." };
      }
      if (!canActOnClaim(viewer, action, { status: claim.status, relationship, ownerHasManager })) throw new NotFoundError("claim");
      // The person is owed a reason for a rejection, whichever way the request came in.
      if (action === "reject" && !reason.trim()) return { ok: false, message: "Give a reason for rejecting the claim" };
      const now = new Date();
      const decision = action === "approve" || action === "reject" ? { decidedById: viewer.id, decidedAt: now, decisionReason: reason } : {};
      const reimbursement = action === "reimburse" ? { reimbursedById: viewer.id, reimbursedAt: now } : {};
      const updated = tx
        .update(stipendClaims)
        .set({ status: to, version: claim.version + 1, updatedAt: now, ...decision, ...reimbursement })
        .where(and(eq(stipendClaims.id, claimId), eq(stipendClaims.version, expectedVersion)))
        .run();
      if (updated.changes !== 1) return { ok: false, message: "This claim changed since you opened it. Reload the page to see where it stands." };
      tx.insert(stipendClaimEvents).values({ claimId, actorId: viewer.id, fromStatus: from, toStatus: to, reason, at: now }).run();
      recordAudit(tx, { actorId: viewer.id, action: `stipend-claim.${action}`, recordType: "stipend-claim", recordId: claimId, summary: `Claim ${from} -> ${to}${reason ? `: ${reason}` : ""}` });
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}

/* ---------- Receipts ---------- */

/* The stored file behind a receipt, for someone who may see the claim it belongs to. */
export function getReceiptFile(viewer: Viewer, receiptId: string) {
  const row = db()
    .select({ personId: stipendClaims.personId, storedName: receipts.storedName, contentType: receipts.contentType, originalName: receipts.originalName })
    .from(receipts)
    .innerJoin(stipendClaims, eq(stipendClaims.receiptId, receipts.id))
    .where(eq(receipts.id, receiptId))
    .get();
  if (!row || !canViewClaim(viewer, relationshipTo(viewer.id, row.personId))) throw new NotFoundError("receipt");
  // Stored names are hex we generated; checked again so a bad row can never walk out of the folder.
  if (!/^[0-9a-f]{48}$/.test(row.storedName)) throw new NotFoundError("receipt");
  return { file: path.join(receiptsDir(), row.storedName), contentType: row.contentType, originalName: row.originalName };
}

/* ---------- Approvals and the team view ---------- */

const listColumns = {
  id: stipendClaims.id,
  personId: stipendClaims.personId,
  personName: owner.name,
  team: owner.team,
  year: stipendClaims.year,
  purchaseDate: stipendClaims.purchaseDate,
  item: stipendClaims.item,
  category: stipendClaims.category,
  amountChargedMinor: stipendClaims.amountChargedMinor,
  status: stipendClaims.status,
  overBalance: stipendClaims.overBalance,
  createdAt: stipendClaims.createdAt,
};

/* Claims waiting on this viewer: their direct reports' pending claims; for admins also the managerless' and those to reimburse. */
export function listClaimsAwaitingMe(viewer: Viewer) {
  const managerless = or(isNull(owner.managerId), eq(ownerManager.active, false));
  const toDecide = db()
    .select(listColumns)
    .from(stipendClaims)
    .innerJoin(owner, eq(owner.id, stipendClaims.personId))
    .leftJoin(ownerManager, eq(ownerManager.id, owner.managerId))
    .where(
      and(
        eq(stipendClaims.status, "pending"),
        sql`${stipendClaims.personId} <> ${viewer.id}`,
        canAdministerStipend(viewer) ? or(eq(owner.managerId, viewer.id), managerless) : eq(owner.managerId, viewer.id),
      ),
    )
    .orderBy(asc(stipendClaims.createdAt))
    .all();
  const toReimburse = canAdministerStipend(viewer)
    ? db()
        .select(listColumns)
        .from(stipendClaims)
        .innerJoin(owner, eq(owner.id, stipendClaims.personId))
        .where(and(eq(stipendClaims.status, "approved"), sql`${stipendClaims.personId} <> ${viewer.id}`))
        .orderBy(asc(stipendClaims.createdAt))
        .all()
    : [];
  const currencies = policyCurrencies([...toDecide, ...toReimburse].map((c) => c.year));
  const withCurrency = <T extends { year: number }>(c: T) => ({ ...c, currency: currencies.get(c.year)! });
  return { toDecide: toDecide.map(withCurrency), toReimburse: toReimburse.map(withCurrency) };
}

function policyCurrencies(years: number[]) {
  return new Map([...new Set(years)].map((y) => [y, getStipendPolicy(y).currency]));
}

export function stipendActionItems(viewer: Viewer): ActionItem[] {
  const { toDecide, toReimburse } = listClaimsAwaitingMe(viewer);
  return [
    ...toDecide.map((c) => ({
      id: `stipend-decide-${c.id}`,
      kind: "Stipend claim",
      title: `Approve or reject ${c.personName}'s claim: ${c.item}`,
      detail: `${formatMoney(c.amountChargedMinor, c.currency)} · ${c.category}${c.overBalance ? " · over balance" : ""}`,
      href: `/stipend/claims/${c.id}`,
      cta: "Review claim",
      dueAt: c.createdAt,
    })),
    ...toReimburse.map((c) => ({
      id: `stipend-reimburse-${c.id}`,
      kind: "Reimbursement",
      title: `Reimburse ${c.personName}: ${c.item}`,
      detail: `${formatMoney(c.amountChargedMinor, c.currency)} approved · ${c.category}`,
      href: `/stipend/claims/${c.id}`,
      cta: "Mark reimbursed",
      dueAt: c.createdAt,
    })),
  ];
}

/* Everyone below the viewer in the reporting line; for admins, everyone. */
function orgPersonIds(viewer: Viewer): string[] | "all" {
  if (canAdministerStipend(viewer)) return "all";
  const rows = db().all<{ id: string }>(sql`
    with recursive org(id, depth) as (
      select id, 1 from people where manager_id = ${viewer.id}
      union all
      select p.id, org.depth + 1 from people p join org on p.manager_id = org.id where org.depth < 64
    )
    select id from org`);
  return rows.map((r) => r.id);
}

/* Read-only list of the viewer's org's claims for a year (managers: their whole org; admins: everyone). */
export function listTeamClaims(viewer: Viewer, year: number) {
  const ids = orgPersonIds(viewer);
  if (ids !== "all" && ids.length === 0) return { claims: [], currency: getStipendPolicy(year).currency, hasOrg: false };
  const claims = db()
    .select(listColumns)
    .from(stipendClaims)
    .innerJoin(owner, eq(owner.id, stipendClaims.personId))
    .where(and(eq(stipendClaims.year, year), ids === "all" ? undefined : inArray(stipendClaims.personId, ids)))
    .orderBy(asc(owner.name), desc(stipendClaims.purchaseDate))
    .all();
  return { claims, currency: getStipendPolicy(year).currency, hasOrg: true };
}

/* ---------- Admin: policy ---------- */

export type PolicyInput = Omit<StipendPolicy, "year">;
export type SavePolicyResult = { ok: true } | { ok: false; field?: "allowance" | "currency"; message: string };

/*
 * Saves a year's policy. Each year is its own row, so next year's change
 * leaves this year alone. Within a year that has claims, the currency is
 * fixed (amounts are in it) and the allowance cannot drop below what anyone
 * already holds, so no balance goes negative.
 */
export function saveStipendPolicy(viewer: Viewer, year: number, input: PolicyInput, expectedVersion: number): SavePolicyResult {
  if (!canAdministerStipend(viewer)) throw new NotFoundError("stipend policy");
  return db().transaction(
    (tx): SavePolicyResult => {
      const current = readPolicy(tx, year);
      if (current.version !== expectedVersion) return { ok: false, message: "Someone else changed this policy since you opened it. Reload to see their change." };
      const held = tx
        .select({ personId: stipendClaims.personId, startDate: people.startDate, name: people.name, total: sql<number>`sum(${stipendClaims.amountChargedMinor})` })
        .from(stipendClaims)
        .innerJoin(people, eq(people.id, stipendClaims.personId))
        .where(and(eq(stipendClaims.year, year), inArray(stipendClaims.status, [...HOLDING_STATUSES])))
        .groupBy(stipendClaims.personId)
        .all();
      const anyClaims = tx.select({ id: stipendClaims.id }).from(stipendClaims).where(eq(stipendClaims.year, year)).limit(1).get();
      if (anyClaims && input.currency !== current.currency) return { ok: false, field: "currency", message: `${year} already has claims in ${current.currency}; its currency can't change` };
      const next = { year, ...input };
      // Only a cut can strand someone: refuse when the new allowance is below what they hold and below what they had.
      const short = held.find((h) => allowanceFor(next, h.startDate) < Math.min(h.total, allowanceFor(current, h.startDate)));
      if (short) {
        return { ok: false, field: "allowance", message: `${short.name} already has ${formatMoney(short.total, current.currency)} in claims for ${year}; the allowance can't go below that` };
      }
      const values = { ...input, updatedById: viewer.id, updatedAt: new Date() };
      if (current.saved) tx.update(stipendPolicies).set({ ...values, version: current.version + 1 }).where(eq(stipendPolicies.year, year)).run();
      else tx.insert(stipendPolicies).values({ year, ...values }).run();
      recordAudit(tx, {
        actorId: viewer.id,
        action: "stipend-policy.save",
        recordType: "stipend-policy",
        recordId: String(year),
        summary: `${year}: ${formatMoney(input.allowanceMinor, input.currency)}, ${input.overBalance} over balance, proration ${input.prorateNewStarters ? "on" : "off"}, categories ${input.categories.join(", ")}`,
      });
      return { ok: true };
    },
    { behavior: "immediate" },
  );
}

/* ---------- Admin: report ---------- */

/* Every claim of a year with who it belongs to, for the report and its CSV. */
export function getStipendReport(viewer: Viewer, year: number) {
  if (!canAdministerStipend(viewer)) throw new NotFoundError("stipend report");
  const policy = getStipendPolicy(year);
  const decider = alias(people, "decider");
  const claims = db()
    .select({
      ...claimColumns,
      personName: owner.name,
      email: owner.email,
      team: owner.team,
      startDate: owner.startDate,
      decidedByName: decider.name,
      reimbursedAt: stipendClaims.reimbursedAt,
    })
    .from(stipendClaims)
    .innerJoin(owner, eq(owner.id, stipendClaims.personId))
    .leftJoin(decider, eq(decider.id, stipendClaims.decidedById))
    .where(eq(stipendClaims.year, year))
    .orderBy(asc(owner.team), asc(owner.name), asc(stipendClaims.purchaseDate))
    .all();

  type Totals = { pendingMinor: number; approvedMinor: number; reimbursedMinor: number; claims: number };
  const empty = (): Totals => ({ pendingMinor: 0, approvedMinor: 0, reimbursedMinor: 0, claims: 0 });
  const add = (t: Totals, c: (typeof claims)[number]) => {
    if (c.status === "pending") t.pendingMinor += c.amountChargedMinor;
    else if (c.status === "approved") t.approvedMinor += c.amountChargedMinor;
    else if (c.status === "reimbursed") t.reimbursedMinor += c.amountChargedMinor;
    else return;
    t.claims += 1;
  };
  const byPerson = new Map<string, Totals & { personId: string; name: string; team: string; allowanceMinor: number }>();
  const byTeam = new Map<string, Totals>();
  const byCategory = new Map<string, Totals>();
  for (const c of claims) {
    if (!byPerson.has(c.personId)) byPerson.set(c.personId, { ...empty(), personId: c.personId, name: c.personName, team: c.team, allowanceMinor: allowanceFor(policy, c.startDate) });
    if (!byTeam.has(c.team)) byTeam.set(c.team, empty());
    if (!byCategory.has(c.category)) byCategory.set(c.category, empty());
    add(byPerson.get(c.personId)!, c);
    add(byTeam.get(c.team)!, c);
    add(byCategory.get(c.category)!, c);
  }
  const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, v]) => ({ key, ...v }));
  const total = empty();
  for (const c of claims) add(total, c);
  return { policy, claims, byPerson: [...byPerson.values()].sort((a, b) => a.name.localeCompare(b.name)), byTeam: sorted(byTeam), byCategory: sorted(byCategory), total };
}
