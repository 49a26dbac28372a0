import "server-only";
import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Executor } from "@/db";
import { people, stipendClaims } from "@/db/schema";

/* What the stipend modules share: the claim columns they show, and the claim owner with their manager. */
export const owner = alias(people, "owner");
export const ownerManager = alias(people, "owner_manager");

export function personFacts(ex: Executor, personId: string) {
  return ex
    .select({ id: people.id, name: people.name, team: people.team, startDate: people.startDate, managerId: people.managerId, managerActive: ownerManager.active })
    .from(people)
    .leftJoin(ownerManager, eq(ownerManager.id, people.managerId))
    .where(eq(people.id, personId))
    .get();
}

export const claimColumns = {
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
