import "server-only";
import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Executor } from "@/db";
import { packets, people } from "@/db/schema";
import type { PacketStep } from "@/lib/packets/flow";
import { type Message, packetMessages } from "@/lib/notifications/messages";
import { notify } from "./notifications";

/*
 * Who hears about a packet step, called with the step's timeline row: the
 * direct manager when the author submits (it waits on their review), the
 * author when it is returned (with the feedback) or endorsed, the author when
 * their manager starts one for them, and whichever of the two did not
 * withdraw it. The note is on the timeline, which both may read.
 */
export function notifyPacketStep(tx: Executor, step: { packetId: string; actorId: string; step: PacketStep | "start"; note: string }) {
  const author = alias(people, "author");
  const manager = alias(people, "manager");
  const p = tx
    .select({ authorId: author.id, authorName: author.name, managerId: author.managerId, managerName: manager.name })
    .from(packets)
    .innerJoin(author, eq(author.id, packets.personId))
    .leftJoin(manager, eq(manager.id, author.managerId))
    .where(eq(packets.id, step.packetId))
    .get()!;
  const actor = step.actorId === p.authorId ? p.authorName : step.actorId === p.managerId ? (p.managerName ?? "Your manager") : "Someone";
  const record = { type: "packet" as const, id: step.packetId, ownerId: p.authorId };
  const words = { authorName: p.authorName, actorName: actor, note: step.note };
  const tell = (kind: Parameters<typeof notify>[1]["kind"], recipients: (string | null)[], message: Message) =>
    notify(tx, { kind, recipients: recipients.filter((r): r is string => Boolean(r)), record, actorId: step.actorId, ...message });
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
    case "endorse":
      tell("packet-endorsed", [p.authorId], packetMessages.endorsed(words));
      return;
    case "withdraw":
      if (step.actorId === p.authorId) tell("packet-withdrawn", [p.managerId], packetMessages.withdrawnByAuthor(words));
      else tell("packet-withdrawn", [p.authorId], packetMessages.withdrawnForAuthor(words));
      return;
  }
}
