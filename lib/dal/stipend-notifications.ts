import "server-only";
import { and, eq, ne } from "drizzle-orm";
import type { Executor } from "@/db";
import { people, stipendClaims } from "@/db/schema";
import type { ClaimAction } from "@/lib/stipend/claim-rules";
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
  return { claim, owner, amount: formatMoney(claim.amountChargedMinor, currency), record: { type: "stipend-claim" as const, id: claim.id, ownerId: claim.personId } };
}

const adminIds = (tx: Executor, except: string) =>
  tx.select({ id: people.id }).from(people).where(and(eq(people.role, "admin"), eq(people.active, true), ne(people.id, except))).all().map((p) => p.id);

const nameOf = (tx: Executor, id: string) => tx.select({ name: people.name }).from(people).where(eq(people.id, id)).get()?.name ?? "Someone";

export function notifyClaimFiled(tx: Executor, claimId: string) {
  const { claim, owner, amount, record } = claimFacts(tx, claimId);
  const approvers = owner.managerId && owner.managerActive ? [owner.managerId] : adminIds(tx, owner.id);
  notify(tx, {
    kind: "claim-filed",
    recipients: approvers,
    record,
    actorId: owner.id,
    title: `${owner.name} filed a stipend claim: ${claim.item}`,
    detail: `${amount} · ${claim.category}${claim.overBalance ? " · over the remaining balance, flagged for an exception" : ""}`,
  });
}

export function notifyClaimMoved(tx: Executor, claimId: string, action: ClaimAction, actorId: string, reason: string) {
  const { claim, owner, amount, record } = claimFacts(tx, claimId);
  const actor = nameOf(tx, actorId);
  const why = reason.trim();
  switch (action) {
    case "approve":
      notify(tx, { kind: "claim-approved", recipients: [owner.id], record, actorId, title: `${actor} approved your claim: ${claim.item}`, detail: why ? `${amount}. ${why}` : `${amount}. An admin will mark it reimbursed.` });
      notify(tx, { kind: "claim-to-reimburse", recipients: adminIds(tx, owner.id), record, actorId, title: `${owner.name}'s claim is approved and ready to reimburse: ${claim.item}`, detail: `${amount} · ${claim.category} · approved by ${actor}` });
      return;
    case "reject":
      notify(tx, { kind: "claim-rejected", recipients: [owner.id], record, actorId, title: `${actor} rejected your claim: ${claim.item}`, detail: `Reason: ${why}` });
      return;
    case "reimburse":
      notify(tx, { kind: "claim-reimbursed", recipients: [owner.id], record, actorId, title: `Your claim was reimbursed: ${claim.item}`, detail: `${amount}, marked reimbursed by ${actor}.` });
      return;
    case "withdraw":
      // The approver's own list no longer shows it; nobody is waiting on a withdrawn claim.
      return;
  }
}
