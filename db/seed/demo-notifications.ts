import crypto from "node:crypto";
import { and, eq, inArray, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db";
import { notifications, packetEvents, packets, people, reviewCycles, reviews, stipendClaimEvents, stipendClaims } from "@/db/schema";
import type { NotificationKind, NotifiedRecordType } from "@/lib/domain/enums";

/*
 * Demo notifications, told the way the app tells them (lib/dal/*-notifications.ts)
 * for what the stipend, review and packet seeds hold: claims filed, decided
 * and reimbursed, self-assessments submitted, reviews shared and acknowledged,
 * packets started, submitted, returned and endorsed.
 * Each person's three newest are unread; the rest were read an hour after
 * they came. No email is queued: the demo has no mail server.
 */
type Notice = { recipientId: string; kind: NotificationKind; recordType: NotifiedRecordType; recordId: string; actorId: string | null; title: string; detail: string; at: Date };

export function seedDemoNotifications(database: Db) {
  const notices: Notice[] = [];
  const owner = alias(people, "owner");
  const manager = alias(people, "manager");
  const names = new Map(database.select({ id: people.id, name: people.name }).from(people).all().map((p) => [p.id, p.name]));
  const admins = database.select({ id: people.id }).from(people).where(and(eq(people.role, "admin"), eq(people.active, true))).all().map((p) => p.id);

  const claims = database
    .select({ id: stipendClaims.id, item: stipendClaims.item, category: stipendClaims.category, amount: stipendClaims.amountChargedMinor, ownerId: owner.id, ownerName: owner.name, managerId: owner.managerId })
    .from(stipendClaims)
    .innerJoin(owner, eq(owner.id, stipendClaims.personId))
    .all();
  const events = database.select().from(stipendClaimEvents).where(inArray(stipendClaimEvents.claimId, claims.map((c) => c.id))).all();
  for (const c of claims) {
    const dollars = `$${(c.amount / 100).toLocaleString("en-US", { minimumFractionDigits: 2 })}`;
    const record = { recordType: "stipend-claim" as const, recordId: c.id };
    for (const e of events.filter((x) => x.claimId === c.id)) {
      const actor = names.get(e.actorId ?? "") ?? "Someone";
      if (e.toStatus === "pending") {
        for (const to of c.managerId ? [c.managerId] : admins.filter((a) => a !== c.ownerId)) notices.push({ ...record, recipientId: to, kind: "claim-filed", actorId: c.ownerId, title: `${c.ownerName} filed a stipend claim: ${c.item}`, detail: `${dollars} · ${c.category}`, at: e.at });
      } else if (e.toStatus === "approved") {
        notices.push({ ...record, recipientId: c.ownerId, kind: "claim-approved", actorId: e.actorId, title: `${actor} approved your claim: ${c.item}`, detail: e.reason ? `${dollars}. ${e.reason}` : `${dollars}. An admin will mark it reimbursed.`, at: e.at });
        for (const to of admins.filter((a) => a !== c.ownerId)) notices.push({ ...record, recipientId: to, kind: "claim-to-reimburse", actorId: e.actorId, title: `${c.ownerName}'s claim is approved and ready to reimburse: ${c.item}`, detail: `${dollars} · ${c.category} · approved by ${actor}`, at: e.at });
      } else if (e.toStatus === "rejected") {
        notices.push({ ...record, recipientId: c.ownerId, kind: "claim-rejected", actorId: e.actorId, title: `${actor} rejected your claim: ${c.item}`, detail: `Reason: ${e.reason}`, at: e.at });
      } else if (e.toStatus === "reimbursed") {
        notices.push({ ...record, recipientId: c.ownerId, kind: "claim-reimbursed", actorId: e.actorId, title: `Your claim was reimbursed: ${c.item}`, detail: `${dollars}, marked reimbursed by ${actor}.`, at: e.at });
      }
    }
  }

  const steps = database
    .select({ id: reviews.id, personId: reviews.personId, personName: people.name, managerId: people.managerId, managerName: manager.name, cycle: reviewCycles.name, selfSubmittedAt: reviews.selfSubmittedAt, sharedAt: reviews.sharedAt, acknowledgedAt: reviews.acknowledgedAt, response: reviews.engineerResponse })
    .from(reviews)
    .innerJoin(reviewCycles, eq(reviewCycles.id, reviews.cycleId))
    .innerJoin(people, eq(people.id, reviews.personId))
    .leftJoin(manager, eq(manager.id, people.managerId))
    .where(ne(reviews.selfStatus, "not-started"))
    .all();
  for (const r of steps) {
    const record = { recordType: "review" as const, recordId: r.id };
    if (r.selfSubmittedAt && r.managerId) notices.push({ ...record, recipientId: r.managerId, kind: "review-self-submitted", actorId: r.personId, title: `${r.personName} submitted their self-assessment for ${r.cycle}`, detail: "Their ratings and evidence are ready to read beside your review.", at: r.selfSubmittedAt });
    if (r.sharedAt) notices.push({ ...record, recipientId: r.personId, kind: "review-shared", actorId: r.managerId, title: `${r.managerName ?? "Your manager"} shared your review for ${r.cycle}`, detail: "Read it, add a response if you like, and acknowledge it.", at: r.sharedAt });
    if (r.acknowledgedAt && r.managerId) notices.push({ ...record, recipientId: r.managerId, kind: "review-acknowledged", actorId: r.personId, title: `${r.personName} acknowledged their review for ${r.cycle}`, detail: r.response.trim() ? "They wrote a response." : "No response written.", at: r.acknowledgedAt });
  }

  const packetSteps = database
    .select({ packetId: packetEvents.packetId, step: packetEvents.step, actorId: packetEvents.actorId, note: packetEvents.note, at: packetEvents.at, authorId: packets.personId, authorName: people.name, managerId: people.managerId })
    .from(packetEvents)
    .innerJoin(packets, eq(packets.id, packetEvents.packetId))
    .innerJoin(people, eq(people.id, packets.personId))
    .all();
  for (const e of packetSteps) {
    const record = { recordType: "packet" as const, recordId: e.packetId, actorId: e.actorId, at: e.at };
    const actor = names.get(e.actorId ?? "") ?? "Someone";
    if (e.step === "start" && e.actorId !== e.authorId) notices.push({ ...record, recipientId: e.authorId, kind: "packet-started", title: `${actor} started a promotion packet for you`, detail: "Write your case for each cell, then submit it to your manager." });
    if (e.step === "submit" && e.managerId) notices.push({ ...record, recipientId: e.managerId, kind: "packet-submitted", title: `${e.authorName} submitted their promotion packet`, detail: e.note || "Rate each cell against the target level, then endorse it or return it with feedback." });
    if (e.step === "return") notices.push({ ...record, recipientId: e.authorId, kind: "packet-returned", title: `${actor} returned your promotion packet with feedback`, detail: e.note });
    if (e.step === "endorse") notices.push({ ...record, recipientId: e.authorId, kind: "packet-endorsed", title: `${actor} endorsed your promotion packet`, detail: e.note || "It is ready for the promotion committee." });
  }

  const byRecipient = new Map<string, Notice[]>();
  for (const n of notices) byRecipient.set(n.recipientId, [...(byRecipient.get(n.recipientId) ?? []), n]);
  database.transaction((tx) => {
    for (const list of byRecipient.values()) {
      list.sort((a, b) => b.at.getTime() - a.at.getTime());
      list.forEach((n, i) => {
        const { at, ...values } = n;
        tx.insert(notifications).values({ id: crypto.randomUUID(), ...values, createdAt: at, readAt: i < 3 ? null : new Date(at.getTime() + 3_600_000) }).run();
      });
    }
  });
}
