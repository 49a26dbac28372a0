import type { PacketStatus } from "@/lib/domain/enums";
import { canOpenCommitteePacket, committeeStanding } from "./committee";
import { canReadEndorsementRequest, type EndorsementRequestFacts } from "./endorsements";
import { canReadPacket } from "./packets";
import { canViewClaim } from "./stipend";
import { canReadReview } from "./reviews";
import { isAdmin, type PolicyViewer, type Relationship } from "./core";

/*
 * Notifications. A notification names a record; nobody is told about a record
 * they may not see, so each record type answers with the same rule its page
 * uses. A record whose rule needs more than the relationship (the committee's
 * recusal, an endorser's request) carries those facts in its own member of the
 * union; TypeScript then refuses any switch that forgets it.
 */
export type NotifiedRecord =
  | { type: "review" | "stipend-claim" | "packet"; id: string; ownerId: string }
  /* The committee's view of a packet (/committee/<id>): the members at the time, and the packet's status. */
  | { type: "committee-packet"; id: string; ownerId: string; facts: { memberIds: readonly string[]; status: PacketStatus } }
  /* An endorser's request (/endorsements/<id>); ownerId is the packet's author. */
  | { type: "endorsement-request"; id: string; ownerId: string; facts: EndorsementRequestFacts };

export function mayBeNotifiedOf(recipient: PolicyViewer, relationship: Relationship, record: NotifiedRecord): boolean {
  switch (record.type) {
    case "review":
      return canReadReview(recipient, relationship);
    case "stipend-claim":
      return canViewClaim(recipient, relationship);
    case "packet":
      return canReadPacket(recipient, relationship);
    case "committee-packet":
      return canOpenCommitteePacket(recipient, relationship, committeeStanding(record.facts.memberIds.includes(recipient.id), relationship), record.facts.status);
    case "endorsement-request":
      return canReadEndorsementRequest(recipient, record.facts);
  }
}

/* A person's notifications are theirs alone: nobody else reads or marks them, admins included. */
export function canReadNotification(viewer: PolicyViewer, notification: { recipientId: string }): boolean {
  return notification.recipientId === viewer.id;
}

/* The outbox's health (waiting and failed messages) is for admins. */
export function canSeeEmailStatus(viewer: PolicyViewer): boolean {
  return isAdmin(viewer);
}
