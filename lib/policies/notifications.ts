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
export type NotifiedRecord = { type: "review" | "stipend-claim" | "packet"; id: string; ownerId: string };

export function mayBeNotifiedOf(recipient: PolicyViewer, relationship: Relationship, record: NotifiedRecord): boolean {
  switch (record.type) {
    case "review":
      return canReadReview(recipient, relationship);
    case "stipend-claim":
      return canViewClaim(recipient, relationship);
    case "packet":
      return canReadPacket(recipient, relationship);
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
