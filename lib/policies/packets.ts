import type { PacketStatus } from "@/lib/domain/enums";
import { isOpenPacket, nextPacketStatus, type PacketStep } from "@/lib/packets/flow";
import { isAdmin, type PolicyViewer, type Relationship } from "./core";

/*
 * Promotion packets. A packet is its author's: the person it would promote.
 * Their direct manager (as the org stands now) starts one for them if they
 * like, reviews it, returns or endorses it and keeps private notes; managers
 * above and admins read everything but write nothing. Nobody else, peers
 * included, learns a packet exists.
 */
export type PacketRole = "author" | "direct-manager" | "manager-above" | "admin" | "none";

export function packetRole(viewer: PolicyViewer, relationship: Relationship): PacketRole {
  if (relationship === "self") return "author";
  if (relationship === "direct-report") return "direct-manager";
  if (relationship === "indirect-report") return "manager-above";
  return isAdmin(viewer) ? "admin" : "none";
}

export function canReadPacket(viewer: PolicyViewer, relationship: Relationship): boolean {
  return packetRole(viewer, relationship) !== "none";
}

/* The engineer for themselves, or their direct manager for them. */
export function canStartPacket(viewer: PolicyViewer, relationship: Relationship): boolean {
  const role = packetRole(viewer, relationship);
  return role === "author" || role === "direct-manager";
}

/* The case (summary and each cell) is the author's to write while the packet is a draft. */
export function canWriteCase(viewer: PolicyViewer, relationship: Relationship, status: PacketStatus): boolean {
  return packetRole(viewer, relationship) === "author" && status === "draft";
}

/* The manager's ratings, comments and justifications: the direct manager, while the packet is with them. */
export function canWriteManagerPart(viewer: PolicyViewer, relationship: Relationship, status: PacketStatus): boolean {
  return packetRole(viewer, relationship) === "direct-manager" && status === "submitted";
}

const STEP_TAKERS: Record<Exclude<PacketStep, "approve" | "decline">, PacketRole[]> = {
  submit: ["author"],
  return: ["direct-manager"],
  endorse: ["direct-manager"],
  withdraw: ["author", "direct-manager"],
  reopen: ["author", "direct-manager"],
};

/*
 * The committee's decision is recorded by an admin (people operations or
 * engineering leadership), never on their own packet. An admin who also
 * manages the person may record it: in a small org the only admin is the
 * CTO, above everyone.
 */
export function canDecidePacket(viewer: PolicyViewer, relationship: Relationship): boolean {
  return isAdmin(viewer) && relationship !== "self";
}

/* A step is taken by the roles named for it, from a status the state machine allows it from. */
export function canTakePacketStep(viewer: PolicyViewer, relationship: Relationship, status: PacketStatus, step: PacketStep): boolean {
  if (nextPacketStatus(status, step) === null) return false;
  if (step === "approve" || step === "decline") return canDecidePacket(viewer, relationship);
  return STEP_TAKERS[step].includes(packetRole(viewer, relationship));
}

/*
 * The author sees the manager's part whenever the packet is not with the
 * manager: after a return (frozen as returned, beside the cells it concerns)
 * and from endorsement on. While it is submitted the manager is still writing.
 */
export function canReadManagerPart(viewer: PolicyViewer, relationship: Relationship, status: PacketStatus): boolean {
  const role = packetRole(viewer, relationship);
  if (role === "author") return status === "draft" || status === "endorsed" || status === "approved" || status === "declined";
  return role !== "none";
}

/* Private notes: the manager chain and admins, never the author (not even an admin reading their own packet). */
export function canReadPacketNotes(viewer: PolicyViewer, relationship: Relationship): boolean {
  const role = packetRole(viewer, relationship);
  return role === "direct-manager" || role === "manager-above" || role === "admin";
}

export function canWritePacketNotes(viewer: PolicyViewer, relationship: Relationship, status: PacketStatus): boolean {
  return packetRole(viewer, relationship) === "direct-manager" && isOpenPacket(status);
}

export function canAdministerPacketSettings(viewer: PolicyViewer): boolean {
  return isAdmin(viewer);
}

/* Who reads each part, said beside the fields. */
export const CASE_AUDIENCE = "You, your managers and admins; the promotion committee once it is endorsed; a colleague you ask to endorse a cell, that cell";
export const caseAudienceFor = (authorName: string) => `${authorName}, their managers and admins; the promotion committee once it is endorsed; a colleague ${authorName} asks to endorse a cell, that cell`;
export const managerPartAudience = (authorName: string) => `You, managers above you and admins; ${authorName} once you return or endorse the packet`;
export const PACKET_NOTES_AUDIENCE = "Private: only the direct manager, managers above them and admins";
/* The timeline, the decision and the endorsements: the packet's readers and the committee. */
export const readersAndCommittee = (authorName: string | null) => (authorName ? `${authorName}, their managers, admins and the promotion committee` : "You, your managers, admins and the promotion committee");
