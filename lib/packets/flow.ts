import type { PacketRating, PacketStatus } from "@/lib/domain/enums";
import { OPEN_PACKET_STATUSES } from "@/lib/domain/enums";

/*
 * The packet's state machine. Only which steps exist from which status; who
 * may take a step is a policy (lib/policies/packets.ts).
 *   draft --submit--> submitted --endorse--> endorsed (with the committee)
 *                     submitted --return---> draft (with feedback)
 *   draft | submitted --withdraw--> withdrawn
 *   endorsed --approve--> approved (the person's level changes)
 *   endorsed --decline--> declined (with what is missing, per cell)
 *   declined --reopen---> draft: a NEW packet, starting from the declined
 *                         one's case and linked to it; the declined packet
 *                         stays declined, so its history never changes.
 * "endorsed" is the manager's endorsement and the committee's queue in one
 * state: endorsing is what sends a packet to the committee.
 */
export type PacketStep = "submit" | "return" | "endorse" | "withdraw" | "approve" | "decline" | "reopen";
export const PACKET_STEPS: PacketStep[] = ["submit", "return", "endorse", "withdraw", "approve", "decline", "reopen"];

export function nextPacketStatus(current: PacketStatus, step: PacketStep): PacketStatus | null {
  switch (step) {
    case "submit":
      return current === "draft" ? "submitted" : null;
    case "return":
      return current === "submitted" ? "draft" : null;
    case "endorse":
      return current === "submitted" ? "endorsed" : null;
    case "withdraw":
      return current === "draft" || current === "submitted" ? "withdrawn" : null;
    case "approve":
      return current === "endorsed" ? "approved" : null;
    case "decline":
      return current === "endorsed" ? "declined" : null;
    case "reopen":
      return current === "declined" ? "draft" : null;
  }
}

export const isOpenPacket = (status: PacketStatus) => (OPEN_PACKET_STATUSES as readonly string[]).includes(status);

export const PACKET_STATUS_LABEL: Record<PacketStatus, string> = {
  draft: "Draft",
  submitted: "Submitted to manager",
  endorsed: "Endorsed · with the committee",
  approved: "Approved",
  declined: "Declined",
  withdrawn: "Withdrawn",
};

/*
 * What each step is called on the timeline. "start" is a packet's first
 * event, or "reopen" for one reopened from a declined packet; the declined
 * packet's own timeline ends with "reopened-as".
 */
export type PacketEvent = PacketStep | "start" | "reopened-as";
export const PACKET_EVENT_LABEL: Record<PacketEvent, string> = {
  start: "Started",
  submit: "Submitted to the manager",
  return: "Returned with feedback",
  endorse: "Endorsed by the manager and sent to the committee",
  withdraw: "Withdrawn",
  approve: "Approved by the committee",
  decline: "Declined by the committee",
  reopen: "Reopened from a declined packet",
  "reopened-as": "Reopened as a new draft",
};

/* The manager's scale against the target level. */
export const PACKET_RATING_SCALE: { value: PacketRating; label: string; meaning: string }[] = [
  { value: "not-yet", label: "Not yet", meaning: "Not yet operating at the target level here" },
  { value: "meets", label: "Meets", meaning: "Consistently operating at the target level" },
  { value: "exceeds", label: "Exceeds", meaning: "Beyond what the target level asks" },
];
export const packetRatingLabel = (rating: PacketRating | null | undefined) => PACKET_RATING_SCALE.find((r) => r.value === rating)?.label ?? "Not rated";
