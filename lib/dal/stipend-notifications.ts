import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Executor } from "@/db";
import { people, stipendClaims } from "@/db/schema";
import type { ClaimAction } from "@/lib/stipend/claim-rules";
import { claimMessages } from "@/lib/notifications/messages";
import { formatMoney } from "@/lib/stipend/money";
import { notify } from "./notifications";
import { personFacts } from "./stipend-columns";
import { readYearSettings } from "./stipend-years";

/*
 * Who hears about a claim, called inside the transaction that files or moves
 * it: the approver when it is filed (the direct manager, or every admin when
 * the owner has no active manager), the owner when it is decided or
 * reimbursed, and the admins when an approved claim waits to be reimbursed.
 */
function claimFacts(tx: Executor, claimId: string) {
  const claim = tx.select({ id: stipendClaims.id, personId: stipendClaims.personId, item: stipendClaims.item, category: stipendClaims.category, year: stipendClaims.year, amountChargedMinor: stipendClaims.amountChargedMinor, overBalance: stipendClaims.overBalance }).from(stipendClaims).where(eq(stipendClaims.id, claimId)).get()!;
  const { currency } = readYearSettings(tx, claim.year);
  const owner = personFacts(tx, claim.personId)!;
  const words = { ownerName: owner.name, item: claim.item, amount: formatMoney(claim.amountChargedMinor, currency), category: claim.category };
  return { claim, owner, words, record: { type: "stipend-claim" as const, id: claim.id, ownerId: claim.personId } };
}

const adminIds = (tx: Executor, except: string) =>
  tx.select({ id: people.id }).from(people).where(and(eq(people.role, "admin"), eq(people.active, true), ne(people.id, except))).all().map((p) => p.id);

const nameOf = (tx: Executor, id: string) => tx.select({ name: people.name }).from(people).where(eq(people.id, id)).get()?.name ?? "Someone";

export function notifyClaimFiled(tx: Executor, claimId: string) {
  const { claim, owner, words, record } = claimFacts(tx, claimId);
  const approvers = owner.managerId && owner.managerActive ? [owner.managerId] : adminIds(tx, owner.id);
  notify(tx, { kind: "claim-filed", recipients: approvers, record, actorId: owner.id, ...claimMessages.filed({ ...words, overBalance: claim.overBalance }) });
}

export function notifyClaimMoved(tx: Executor, claimId: string, action: ClaimAction, actorId: string, reason: string) {
  const { owner, words, record } = claimFacts(tx, claimId);
  const actor = nameOf(tx, actorId);
  switch (action) {
    case "approve":
      notify(tx, { kind: "claim-approved", recipients: [owner.id], record, actorId, ...claimMessages.approved(words, actor, reason) });
      notify(tx, { kind: "claim-to-reimburse", recipients: adminIds(tx, owner.id), record, actorId, ...claimMessages.toReimburse(words, actor) });
      return;
    case "reject":
      notify(tx, { kind: "claim-rejected", recipients: [owner.id], record, actorId, ...claimMessages.rejected(words, actor, reason) });
      return;
    case "reimburse":
      notify(tx, { kind: "claim-reimbursed", recipients: [owner.id], record, actorId, ...claimMessages.reimbursed(words, actor) });
      return;
    case "withdraw":
      // The approver's own list no longer shows it; nobody is waiting on a withdrawn claim.
      return;
  }
}
