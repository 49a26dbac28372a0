import "server-only";
import crypto from "node:crypto";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db } from "@/db";
import { people, receipts, stipendClaimEvents, stipendClaims } from "@/db/schema";
import { cellId } from "@/lib/domain/cell-ref";
import type { ClaimStatus } from "@/lib/domain/enums";
import { yearOf } from "@/lib/domain/org-time";
import type { Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { allowedActions, canActOnClaim, canViewClaim } from "@/lib/policies/stipend";
import { allowanceFor, checkNewClaim, summarise } from "@/lib/stipend/balance";
import { TRANSITIONS, type ClaimAction } from "@/lib/stipend/claim-rules";
import { formatMoney } from "@/lib/stipend/money";
import { recordAudit } from "./audit";
import { currentCellIds } from "./framework";
import { orgToday } from "./org-settings";
import { relationshipTo } from "./people";
import { claimColumns, owner, ownerManager, personFacts } from "./stipend-columns";
import { notifyClaimFiled, notifyClaimMoved } from "./stipend-notifications";
import { deleteReceiptFiles } from "@/lib/storage/receipt-files";
import { discardReceiptFile, insertReceipt, markReceiptRemoved, uploadLimitProblem, writeReceiptFile, type StoredReceipt } from "./stipend-receipts";
import { ensureYearSettingsRow, getYearSettings, heldMinor } from "./stipend-years";

/* A person's claims: reading their year and one claim, filing, and moving a claim along its states. */
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

/* A person's year: its settings, their allowance, the balance and every claim with its history. */
export function getStipendYear(viewer: Viewer, personId: string, year: number) {
  const relationship = relationshipTo(viewer.id, personId);
  if (!canViewClaim(viewer, relationship)) throw new NotFoundError("stipend");
  const person = personFacts(db(), personId);
  if (!person) throw new NotFoundError("stipend");
  const settings = getYearSettings(year);
  const allowanceMinor = allowanceFor(settings, person.startDate);
  const claims = db().select(claimColumns).from(stipendClaims).where(and(eq(stipendClaims.personId, personId), eq(stipendClaims.year, year))).orderBy(desc(stipendClaims.purchaseDate), desc(stipendClaims.createdAt)).all();
  const events = eventsFor(claims.map((c) => c.id));
  const ownerHasManager = Boolean(person.managerId && person.managerActive);
  return {
    person: { id: person.id, name: person.name, startDate: person.startDate },
    settings,
    prorated: allowanceMinor !== settings.allowanceMinor,
    summary: summarise(allowanceMinor, claims),
    claims: claims.map((c) => ({ ...c, events: events.get(c.id) ?? [], actions: allowedActions(viewer, { status: c.status, relationship, ownerHasManager }) })),
  };
}

export function getClaim(viewer: Viewer, claimId: string) {
  const claim = db()
    .select({ ...claimColumns, ownerName: owner.name, ownerTeam: owner.team, ownerManagerId: owner.managerId, managerActive: ownerManager.active, managerName: ownerManager.name, receiptName: receipts.originalName, receiptType: receipts.contentType, receiptSize: receipts.sizeBytes, receiptRemovedAt: receipts.removedAt })
    .from(stipendClaims)
    .innerJoin(owner, eq(owner.id, stipendClaims.personId))
    .leftJoin(ownerManager, eq(ownerManager.id, owner.managerId))
    .leftJoin(receipts, eq(receipts.id, stipendClaims.receiptId))
    .where(eq(stipendClaims.id, claimId))
    .get();
  if (!claim) throw new NotFoundError("claim");
  const relationship = relationshipTo(viewer.id, claim.personId);
  if (!canViewClaim(viewer, relationship)) throw new NotFoundError("claim");
  const settings = getYearSettings(claim.year);
  const ownerHasManager = Boolean(claim.ownerManagerId && claim.managerActive);
  return {
    claim,
    settings,
    relationship,
    events: eventsFor([claim.id]).get(claim.id) ?? [],
    actions: allowedActions(viewer, { status: claim.status, relationship, ownerHasManager }),
    approverLabel: ownerHasManager ? claim.managerName! : "an admin",
  };
}

export type NewClaim = {
  purchaseDate: string;
  item: string;
  vendor: string;
  category: string;
  amountPaidMinor: number;
  currencyPaid: string;
  /* In the year's currency; required when the currency paid differs. */
  amountChargedMinor: number | null;
  receiptUrl: string | null;
  receiptFile: File | null;
  note: string;
  cell: { competencyKey: string; themeKey: string } | null;
};

export type ClaimField = "purchaseDate" | "category" | "currencyPaid" | "amountPaid" | "amountCharged" | "receipt" | "cell";
export type CreateClaimResult = { ok: true; id: string } | { ok: false; field: ClaimField; message: string };

/* A claim is tied to a cell of the framework everyone uses now. */
const cellExists = (competencyKey: string, themeKey: string) => currentCellIds().has(cellId({ competencyKey, themeKey }));

/*
 * Files a claim for the viewer. The receipt file is written first under a
 * random name; the upload limits, the balance check and the insert are then
 * one immediate transaction, so concurrent claims queue and none can take the
 * balance below zero or slip past a limit. A refused claim leaves no file behind.
 */
export async function createClaim(viewer: Viewer, input: NewClaim, today = orgToday(), now = new Date()): Promise<CreateClaimResult> {
  if (input.purchaseDate > today) return { ok: false, field: "purchaseDate", message: "The purchase date can't be in the future" };
  const year = yearOf(input.purchaseDate);
  const currentYear = yearOf(today);
  if (year < currentYear - 1) return { ok: false, field: "purchaseDate", message: `Claims can be filed for ${currentYear - 1} and ${currentYear} only` };

  const settings = getYearSettings(year);
  if (!settings.categories.includes(input.category)) return { ok: false, field: "category", message: "Choose one of the categories" };
  if (input.cell && !cellExists(input.cell.competencyKey, input.cell.themeKey)) return { ok: false, field: "cell", message: "Choose a cell from the framework, or none" };
  const sameCurrency = input.currencyPaid === settings.currency;
  const amountChargedMinor = sameCurrency ? input.amountPaidMinor : input.amountChargedMinor;
  if (amountChargedMinor === null) return { ok: false, field: "amountCharged", message: `You paid in ${input.currencyPaid}: enter what it came to in ${settings.currency}` };

  let stored: StoredReceipt | null = null;
  if (input.receiptFile) {
    const written = await writeReceiptFile(viewer, input.receiptFile);
    if (!written.ok) return { ok: false, field: "receipt", message: written.message };
    stored = written.stored;
  } else if (!input.receiptUrl) {
    return { ok: false, field: "receipt", message: "Attach the receipt or link to it" };
  }

  try {
    const result = db().transaction(
      (tx): CreateClaimResult => {
        const yearSettings = ensureYearSettingsRow(tx, year);
        // The checks above read the settings before this transaction; a change in between must not slip through.
        if (!yearSettings.categories.includes(input.category)) return { ok: false, field: "category", message: "Choose one of the categories" };
        if ((input.currencyPaid === yearSettings.currency) !== sameCurrency) {
          return { ok: false, field: "currencyPaid", message: `The ${year} settings changed while you were filing; check the currency and amounts` };
        }
        const person = personFacts(tx, viewer.id);
        if (!person) throw new NotFoundError("person");
        const overLimit = stored && uploadLimitProblem(tx, viewer.id, stored.row.sizeBytes, now);
        if (overLimit) return { ok: false, field: "receipt", message: overLimit };
        const remaining = allowanceFor(yearSettings, person.startDate) - heldMinor(tx, viewer.id, year);
        const fit = checkNewClaim(yearSettings, Math.max(0, remaining), amountChargedMinor);
        if (!fit.allowed) {
          const left = formatMoney(Math.max(0, remaining), yearSettings.currency);
          return { ok: false, field: sameCurrency ? "amountPaid" : "amountCharged", message: `That is more than your remaining ${year} balance of ${left}` };
        }
        if (stored) insertReceipt(tx, stored, now);
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
            receiptId: stored?.row.id ?? null,
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
          summary: `Filed a ${year} claim for ${formatMoney(amountChargedMinor, yearSettings.currency)} (${input.category})${fit.overBalance ? ", over balance" : ""}`,
        });
        notifyClaimFiled(tx, id);
        return { ok: true, id };
      },
      { behavior: "immediate" },
    );
    if (!result.ok && stored) await discardReceiptFile(stored);
    return result;
  } catch (error) {
    if (stored) await discardReceiptFile(stored);
    throw error;
  }
}

export type TransitionResult = Result;

/*
 * Withdraw, approve, reject or reimburse. The version the viewer saw must
 * still be current, so two tabs (or two approvers) never silently overwrite.
 * A claim the viewer may not act on looks missing. Withdrawing deletes the
 * receipt file (the retention rule) once the change has committed.
 */
export function transitionClaim(viewer: Viewer, claimId: string, action: ClaimAction, expectedVersion: number, reason: string): TransitionResult {
  let fileToDelete: string | null = null;
  const result = db().transaction(
    (tx): TransitionResult => {
      const claim = tx
        .select({ id: stipendClaims.id, personId: stipendClaims.personId, status: stipendClaims.status, version: stipendClaims.version, receiptId: stipendClaims.receiptId })
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
      notifyClaimMoved(tx, claimId, action, viewer.id, reason);
      if (action === "withdraw" && claim.receiptId) fileToDelete = markReceiptRemoved(tx, { receiptId: claim.receiptId, claimId, actorId: viewer.id, now, why: "the claim was withdrawn" });
      return { ok: true, value: undefined };
    },
    { behavior: "immediate" },
  );
  if (fileToDelete) deleteReceiptFiles([fileToDelete]);
  return result;
}
