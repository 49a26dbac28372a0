import type { PacketRating, PacketStatus } from "@/lib/domain/enums";
import { OPEN_PACKET_STATUSES } from "@/lib/domain/enums";

/*
 * The packet's state machine. Only which steps exist from which status; who
 * may take a step is a policy (lib/policies/packets.ts).
 *   draft --submit--> submitted --endorse--> endorsed (ready for the committee)
 *                     submitted --return---> draft (with feedback)
 *   draft | submitted --withdraw--> withdrawn
 * The committee's steps (approve, decline, reopen as a new draft) join here.
 */
export type PacketStep = "submit" | "return" | "endorse" | "withdraw";
export const PACKET_STEPS: PacketStep[] = ["submit", "return", "endorse", "withdraw"];

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
  }
}

export const isOpenPacket = (status: PacketStatus) => (OPEN_PACKET_STATUSES as readonly string[]).includes(status);

export const PACKET_STATUS_LABEL: Record<PacketStatus, string> = {
  draft: "Draft",
  submitted: "Submitted to manager",
  endorsed: "Endorsed · ready for committee",
  approved: "Approved",
  declined: "Declined",
  withdrawn: "Withdrawn",
};

/* What each step is called on the timeline. "start" is the packet's first event. */
export const PACKET_EVENT_LABEL: Record<PacketStep | "start", string> = {
  start: "Started",
  submit: "Submitted to the manager",
  return: "Returned with feedback",
  endorse: "Endorsed by the manager",
  withdraw: "Withdrawn",
};

/* The manager's scale against the target level. */
export const PACKET_RATING_SCALE: { value: PacketRating; label: string; meaning: string }[] = [
  { value: "not-yet", label: "Not yet", meaning: "Not yet operating at the target level here" },
  { value: "meets", label: "Meets", meaning: "Consistently operating at the target level" },
  { value: "exceeds", label: "Exceeds", meaning: "Beyond what the target level asks" },
];
export const packetRatingLabel = (rating: PacketRating | null | undefined) => PACKET_RATING_SCALE.find((r) => r.value === rating)?.label ?? "Not rated";
