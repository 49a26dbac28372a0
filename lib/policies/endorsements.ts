import type { EndorsementRequestStatus, PacketStatus } from "@/lib/domain/enums";
import { isOpenPacket } from "@/lib/packets/flow";
import type { PolicyViewer, Relationship } from "./core";
import { packetRole, readersAndCommittee } from "./packets";

/*
 * Endorsements. The author asks named colleagues about some of the packet's
 * cells. An endorser reads only what they were asked about (the author's case
 * for those cells and the target level's expectation: never the manager's
 * part, the readiness meter or private notes), through their request and
 * nothing else: they never gain access to the packet itself. Their answers
 * are read wherever the packet is (author, managers, admins) and by the
 * committee.
 */
export type EndorsementRequestFacts = { endorserId: string; status: EndorsementRequestStatus };

/* While the case can still change hands: a draft, or submitted to the manager. */
export function canAskForEndorsements(viewer: PolicyViewer, relationship: Relationship, packetStatus: PacketStatus): boolean {
  return packetRole(viewer, relationship) === "author" && (packetStatus === "draft" || packetStatus === "submitted");
}

export function canCancelEndorsementRequest(viewer: PolicyViewer, relationship: Relationship, request: EndorsementRequestFacts, packetStatus: PacketStatus): boolean {
  return packetRole(viewer, relationship) === "author" && request.status === "pending" && isOpenPacket(packetStatus);
}

/* The endorser alone opens their request, until the author cancels it. */
export function canReadEndorsementRequest(viewer: PolicyViewer, request: EndorsementRequestFacts): boolean {
  return viewer.id === request.endorserId && request.status !== "cancelled";
}

/* Answering (and changing an answer) stays open while the packet is open, the committee included. */
export function canAnswerEndorsementRequest(viewer: PolicyViewer, request: EndorsementRequestFacts, packetStatus: PacketStatus): boolean {
  return canReadEndorsementRequest(viewer, request) && (request.status === "pending" || request.status === "answered") && isOpenPacket(packetStatus);
}

export function canDeclineEndorsementRequest(viewer: PolicyViewer, request: EndorsementRequestFacts, packetStatus: PacketStatus): boolean {
  return canReadEndorsementRequest(viewer, request) && request.status === "pending" && isOpenPacket(packetStatus);
}

export const ENDORSEMENT_AUDIENCE = readersAndCommittee;
