import "server-only";
import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Executor } from "@/db";
import { packets, people } from "@/db/schema";
import type { PacketEvent } from "@/lib/packets/flow";
import { committeeMessages, type Message, packetMessages } from "@/lib/notifications/messages";
import type { NotifiedRecord } from "@/lib/policies/notifications";
import { committeeMemberIds } from "./committee";
import { notify } from "./notifications";

/*
 * Who hears about a packet step, called with the step's timeline row: the
 * direct manager when the author submits (it waits on their review), the
 * author when it is returned (with the feedback) or endorsed, the author when
 * their manager starts one for them, and whichever of the two did not
 * withdraw it or reopen it. Endorsing also tells the committee's members who
 * are not recused and the admins (who record the decision), through the
 * committee's view; the decision tells the author and their manager. The
 * note is on the timeline, which the author and managers may read.
 */
export function notifyPacketStep(tx: Executor, step: { packetId: string; actorId: string; step: PacketEvent; note: string }) {
  const author = alias(people, "author");
  const manager = alias(people, "manager");
  const p = tx
    .select({ authorId: author.id, authorName: author.name, managerId: author.managerId, managerName: manager.name, status: packets.status })
    .from(packets)
    .innerJoin(author, eq(author.id, packets.personId))
    .leftJoin(manager, eq(manager.id, author.managerId))
    .where(eq(packets.id, step.packetId))
    .get()!;
  const actorName = tx.select({ name: people.name }).from(people).where(eq(people.id, step.actorId)).get()?.name;
  const actor = step.actorId === p.authorId ? p.authorName : step.actorId === p.managerId ? (p.managerName ?? "Your manager") : (actorName ?? "Someone");
  const record: NotifiedRecord = { type: "packet", id: step.packetId, ownerId: p.authorId };
  const words = { authorName: p.authorName, actorName: actor, note: step.note };
  const tell = (kind: Parameters<typeof notify>[1]["kind"], recipients: (string | null)[], message: Message, about: NotifiedRecord = record) =>
    notify(tx, { kind, recipients: recipients.filter((r): r is string => Boolean(r)), record: about, actorId: step.actorId, ...message });
  const otherSide = step.actorId === p.authorId ? p.managerId : p.authorId;
  switch (step.step) {
    case "start":
      if (step.actorId !== p.authorId) tell("packet-started", [p.authorId], packetMessages.started(words));
      return;
    case "submit":
      tell("packet-submitted", [p.managerId], packetMessages.submitted(words));
      return;
    case "return":
      tell("packet-returned", [p.authorId], packetMessages.returned(words));
      return;
    case "endorse": {
      tell("packet-endorsed", [p.authorId], packetMessages.endorsed(words));
      const memberIds = committeeMemberIds(tx);
      const admins = tx.select({ id: people.id }).from(people).where(and(eq(people.role, "admin"), eq(people.active, true))).all().map((a) => a.id);
      // Each recipient is checked against the committee's view: a recused member, or the author, is left out.
      tell("packet-in-committee", [...memberIds, ...admins], committeeMessages.inCommittee(words), { type: "committee-packet", id: step.packetId, ownerId: p.authorId, facts: { memberIds, status: p.status } });
      return;
    }
    case "withdraw":
      if (step.actorId === p.authorId) tell("packet-withdrawn", [p.managerId], packetMessages.withdrawnByAuthor(words));
      else tell("packet-withdrawn", [p.authorId], packetMessages.withdrawnForAuthor(words));
      return;
    case "approve":
      tell("packet-approved", [p.authorId], committeeMessages.approvedForAuthor(words));
      tell("packet-approved", [p.managerId], committeeMessages.approvedForManager(words));
      return;
    case "decline":
      tell("packet-declined", [p.authorId], committeeMessages.declinedForAuthor(words));
      tell("packet-declined", [p.managerId], committeeMessages.declinedForManager(words));
      return;
    case "reopen":
      tell("packet-reopened", [otherSide], committeeMessages.reopened(words));
      return;
    case "reopened-as":
      return;
  }
}
