import crypto from "node:crypto";
import { and, eq, inArray, ne } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Db } from "@/db";
import { committeeMembers, endorsementCells, endorsementRequests, notifications, packetEvents, packets, people, reviewCycles, reviews, stipendClaimEvents, stipendClaims, stipendYearSettings } from "@/db/schema";
import type { NotificationKind, NotifiedRecordType } from "@/lib/domain/enums";
import { claimMessages, committeeMessages, endorsementMessages, packetMessages, reviewMessages } from "@/lib/notifications/messages";
import { answerSummary } from "@/lib/packets/endorsements";
import { defaultYearSettings } from "@/lib/stipend/balance";
import { formatMoney } from "@/lib/stipend/money";

/*
 * Demo notifications, told the way the app tells them (lib/dal/*-notifications.ts,
 * in the words of lib/notifications/messages.ts) for what the stipend, review
 * and packet seeds hold: claims filed, decided and reimbursed, self-assessments
 * submitted, reviews shared and acknowledged, packets started, submitted,
 * returned, endorsed (and so with the committee: its members who are not
 * recused and the admins), approved and declined, endorsements asked for and
 * answered.
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
  const members = database.select({ id: committeeMembers.personId }).from(committeeMembers).all().map((m) => m.id);
  const managerOf = new Map(database.select({ id: people.id, managerId: people.managerId }).from(people).all().map((p) => [p.id, p.managerId]));
  const managerChain = (personId: string) => {
    const chain: string[] = [];
    for (let m = managerOf.get(personId); m; m = managerOf.get(m)) chain.push(m);
    return chain;
  };

  const claims = database
    .select({ id: stipendClaims.id, item: stipendClaims.item, category: stipendClaims.category, amount: stipendClaims.amountChargedMinor, year: stipendClaims.year, overBalance: stipendClaims.overBalance, currency: stipendYearSettings.currency, ownerId: owner.id, ownerName: owner.name, managerId: owner.managerId })
    .from(stipendClaims)
    .innerJoin(owner, eq(owner.id, stipendClaims.personId))
    .leftJoin(stipendYearSettings, eq(stipendYearSettings.year, stipendClaims.year))
    .all();
  const events = database.select().from(stipendClaimEvents).where(inArray(stipendClaimEvents.claimId, claims.map((c) => c.id))).all();
  for (const c of claims) {
    const words = { ownerName: c.ownerName, item: c.item, amount: formatMoney(c.amount, c.currency ?? defaultYearSettings(c.year).currency), category: c.category };
    const record = { recordType: "stipend-claim" as const, recordId: c.id };
    for (const e of events.filter((x) => x.claimId === c.id)) {
      const actor = names.get(e.actorId ?? "") ?? "Someone";
      const reason = e.reason ?? "";
      if (e.toStatus === "pending") {
        for (const to of c.managerId ? [c.managerId] : admins.filter((a) => a !== c.ownerId)) notices.push({ ...record, recipientId: to, kind: "claim-filed", actorId: c.ownerId, ...claimMessages.filed({ ...words, overBalance: c.overBalance }), at: e.at });
      } else if (e.toStatus === "approved") {
        notices.push({ ...record, recipientId: c.ownerId, kind: "claim-approved", actorId: e.actorId, ...claimMessages.approved(words, actor, reason), at: e.at });
        for (const to of admins.filter((a) => a !== c.ownerId && a !== e.actorId)) notices.push({ ...record, recipientId: to, kind: "claim-to-reimburse", actorId: e.actorId, ...claimMessages.toReimburse(words, actor), at: e.at });
      } else if (e.toStatus === "rejected") {
        notices.push({ ...record, recipientId: c.ownerId, kind: "claim-rejected", actorId: e.actorId, ...claimMessages.rejected(words, actor, reason), at: e.at });
      } else if (e.toStatus === "reimbursed") {
        notices.push({ ...record, recipientId: c.ownerId, kind: "claim-reimbursed", actorId: e.actorId, ...claimMessages.reimbursed(words, actor), at: e.at });
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
    const words = { personName: r.personName, managerName: r.managerName, cycleName: r.cycle };
    if (r.selfSubmittedAt && r.managerId) notices.push({ ...record, recipientId: r.managerId, kind: "review-self-submitted", actorId: r.personId, ...reviewMessages.selfSubmitted(words), at: r.selfSubmittedAt });
    if (r.sharedAt) notices.push({ ...record, recipientId: r.personId, kind: "review-shared", actorId: r.managerId, ...reviewMessages.shared(words), at: r.sharedAt });
    if (r.acknowledgedAt && r.managerId) notices.push({ ...record, recipientId: r.managerId, kind: "review-acknowledged", actorId: r.personId, ...reviewMessages.acknowledged(words, r.response), at: r.acknowledgedAt });
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
    const words = { authorName: e.authorName, actorName: actor, note: e.note };
    if (e.step === "start" && e.actorId !== e.authorId) notices.push({ ...record, recipientId: e.authorId, kind: "packet-started", ...packetMessages.started(words) });
    if (e.step === "submit" && e.managerId) notices.push({ ...record, recipientId: e.managerId, kind: "packet-submitted", ...packetMessages.submitted(words) });
    if (e.step === "return") notices.push({ ...record, recipientId: e.authorId, kind: "packet-returned", ...packetMessages.returned(words) });
    if (e.step === "endorse") {
      notices.push({ ...record, recipientId: e.authorId, kind: "packet-endorsed", ...packetMessages.endorsed(words) });
      // The committee's members, less those recused (the author and anyone above them), and the admins.
      const chain = managerChain(e.authorId);
      for (const to of new Set([...members, ...admins])) if (to !== e.authorId && !(members.includes(to) && chain.includes(to))) notices.push({ ...record, recordType: "committee-packet", recipientId: to, kind: "packet-in-committee", ...committeeMessages.inCommittee(words) });
    }
    if (e.step === "approve") for (const [to, m] of [[e.authorId, committeeMessages.approvedForAuthor], [e.managerId, committeeMessages.approvedForManager]] as const) if (to) notices.push({ ...record, recipientId: to, kind: "packet-approved", ...m(words) });
    if (e.step === "decline") for (const [to, m] of [[e.authorId, committeeMessages.declinedForAuthor], [e.managerId, committeeMessages.declinedForManager]] as const) if (to) notices.push({ ...record, recipientId: to, kind: "packet-declined", ...m(words) });
  }

  const requests = database
    .select({ id: endorsementRequests.id, packetId: endorsementRequests.packetId, endorserId: endorsementRequests.endorserId, status: endorsementRequests.status, message: endorsementRequests.message, declineReason: endorsementRequests.declineReason, createdAt: endorsementRequests.createdAt, answeredAt: endorsementRequests.answeredAt, closedAt: endorsementRequests.closedAt, authorId: packets.personId })
    .from(endorsementRequests)
    .innerJoin(packets, eq(packets.id, endorsementRequests.packetId))
    .all();
  for (const r of requests) {
    const answers = database.select({ stance: endorsementCells.stance }).from(endorsementCells).where(eq(endorsementCells.requestId, r.id)).all();
    const words = { authorName: names.get(r.authorId) ?? "Someone", endorserName: names.get(r.endorserId) ?? "Someone", cells: answers.length, message: r.message };
    notices.push({ recipientId: r.endorserId, kind: "endorsement-requested", recordType: "endorsement-request", recordId: r.id, actorId: r.authorId, ...endorsementMessages.requested(words), at: r.createdAt });
    const back = { recipientId: r.authorId, kind: "endorsement-answered" as const, recordType: "packet" as const, recordId: r.packetId, actorId: r.endorserId };
    if (r.status === "answered" && r.answeredAt) notices.push({ ...back, ...endorsementMessages.answered(words, answerSummary(answers)), at: r.answeredAt });
    if (r.status === "declined" && r.closedAt) notices.push({ ...back, ...endorsementMessages.declined(words, r.declineReason), at: r.closedAt });
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
