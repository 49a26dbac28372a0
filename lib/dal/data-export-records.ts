import "server-only";
import { asc, desc, eq, inArray } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db } from "@/db";
import { evidenceCells, evidenceEntries, people, receipts, stipendClaimEvents, stipendClaims } from "@/db/schema";
import { cellId } from "@/lib/domain/cell-ref";
import { getYearSettings } from "./stipend-years";

/*
 * The two parts of a person's data export that no page reads whole: their
 * evidence log including entries taken out of it, and their stipend claims of
 * every year. Each reads only rows of `personId`, which the caller takes from
 * the signed-in viewer, never from a request.
 */
export function ownEvidence(personId: string) {
  const entries = db()
    .select({ id: evidenceEntries.id, title: evidenceEntries.title, occurredOn: evidenceEntries.occurredOn, description: evidenceEntries.description, links: evidenceEntries.links, removedAt: evidenceEntries.removedAt })
    .from(evidenceEntries)
    .where(eq(evidenceEntries.personId, personId))
    .orderBy(desc(evidenceEntries.occurredOn), desc(evidenceEntries.createdAt))
    .all();
  const cells = entries.length ? db().select().from(evidenceCells).where(inArray(evidenceCells.entryId, entries.map((e) => e.id))).all() : [];
  return entries.map((e) => ({
    id: e.id,
    title: e.title,
    occurredOn: e.occurredOn,
    description: e.description,
    links: e.links,
    cells: cells.filter((c) => c.entryId === e.id).map(cellId),
    removedFromLog: e.removedAt !== null,
  }));
}

const actor = alias(people, "actor");

export function ownStipendClaims(personId: string) {
  const claims = db()
    .select({
      id: stipendClaims.id,
      year: stipendClaims.year,
      purchaseDate: stipendClaims.purchaseDate,
      item: stipendClaims.item,
      vendor: stipendClaims.vendor,
      category: stipendClaims.category,
      amountPaidMinor: stipendClaims.amountPaidMinor,
      currencyPaid: stipendClaims.currencyPaid,
      amountChargedMinor: stipendClaims.amountChargedMinor,
      status: stipendClaims.status,
      overBalance: stipendClaims.overBalance,
      note: stipendClaims.note,
      competencyKey: stipendClaims.competencyKey,
      themeKey: stipendClaims.themeKey,
      decisionReason: stipendClaims.decisionReason,
      receiptUrl: stipendClaims.receiptUrl,
      createdAt: stipendClaims.createdAt,
      receiptName: receipts.originalName,
      receiptType: receipts.contentType,
      receiptSize: receipts.sizeBytes,
      receiptSha256: receipts.sha256,
      receiptRemovedAt: receipts.removedAt,
    })
    .from(stipendClaims)
    .leftJoin(receipts, eq(receipts.id, stipendClaims.receiptId))
    .where(eq(stipendClaims.personId, personId))
    .orderBy(desc(stipendClaims.purchaseDate), desc(stipendClaims.createdAt))
    .all();
  const events = claims.length
    ? db()
        .select({ claimId: stipendClaimEvents.claimId, at: stipendClaimEvents.at, by: actor.name, from: stipendClaimEvents.fromStatus, to: stipendClaimEvents.toStatus, reason: stipendClaimEvents.reason })
        .from(stipendClaimEvents)
        .leftJoin(actor, eq(actor.id, stipendClaimEvents.actorId))
        .where(inArray(stipendClaimEvents.claimId, claims.map((c) => c.id)))
        .orderBy(asc(stipendClaimEvents.at), asc(stipendClaimEvents.id))
        .all()
    : [];
  const currencyOf = new Map([...new Set(claims.map((c) => c.year))].map((year) => [year, getYearSettings(year).currency]));
  return claims.map((c) => ({
    id: c.id,
    year: c.year,
    purchaseDate: c.purchaseDate,
    item: c.item,
    vendor: c.vendor,
    category: c.category,
    amountPaid: { minor: c.amountPaidMinor, currency: c.currencyPaid },
    // The allowance is charged in the year's currency.
    amountCharged: { minor: c.amountChargedMinor, currency: currencyOf.get(c.year)! },
    status: c.status,
    overBalance: c.overBalance,
    note: c.note,
    cell: c.competencyKey && c.themeKey ? cellId({ competencyKey: c.competencyKey, themeKey: c.themeKey }) : null,
    decisionReason: c.decisionReason,
    receipt: c.receiptName
      ? { kind: "file" as const, name: c.receiptName, contentType: c.receiptType!, sizeBytes: c.receiptSize!, sha256: c.receiptSha256!, removed: c.receiptRemovedAt !== null }
      : c.receiptUrl
        ? { kind: "link" as const, url: c.receiptUrl }
        : null,
    filedAt: c.createdAt.toISOString(),
    history: events.filter((e) => e.claimId === c.id).map((e) => ({ at: e.at.toISOString(), by: e.by, from: e.from, to: e.to, reason: e.reason })),
  }));
}
