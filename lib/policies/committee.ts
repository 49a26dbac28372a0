import type { PacketStatus } from "@/lib/domain/enums";
import { isAdmin, type PolicyViewer, type Relationship } from "./core";

/*
 * The promotion committee. A member sees the packets that reached the
 * committee, except their own and those of anyone in their org (below them in
 * the reporting line): from those they are recused, which means listed as
 * recused and never opened in the committee's view, never voted on, their
 * votes never shown. (What they may read anyway as the author or a manager
 * is the packet's own rule, lib/policies/packets.ts; the committee's votes
 * are never part of that.) Admins record the decision, so they open every
 * committee packet but their own.
 */
export type CommitteeStanding = "member" | "recused-own" | "recused-org" | "not-member";

export function committeeStanding(isMember: boolean, relationship: Relationship): CommitteeStanding {
  if (!isMember) return "not-member";
  if (relationship === "self") return "recused-own";
  if (relationship === "direct-report" || relationship === "indirect-report") return "recused-org";
  return "member";
}

export const isRecused = (standing: CommitteeStanding) => standing === "recused-own" || standing === "recused-org";

export const RECUSAL_REASON: Record<"recused-own" | "recused-org", string> = {
  "recused-own": "Recused: your own packet",
  "recused-org": "Recused: someone in your org",
};

/* In committee, or decided after it. */
export const reachedCommittee = (status: PacketStatus) => status === "endorsed" || status === "approved" || status === "declined";

export function canOpenCommitteePacket(viewer: PolicyViewer, relationship: Relationship, standing: CommitteeStanding, status: PacketStatus): boolean {
  if (!reachedCommittee(status)) return false;
  if (standing === "member") return true;
  return isAdmin(viewer) && relationship !== "self";
}

/* A member who is not recused votes (and may change their vote) while the packet is in committee. */
export function canVote(standing: CommitteeStanding, status: PacketStatus): boolean {
  return standing === "member" && status === "endorsed";
}

/*
 * Votes stay blind: a member sees the others' votes once they have voted
 * themselves, or once the decision is made. Admins, who record the decision,
 * see them all (an admin who is also a member votes first, like any member).
 */
export function canSeeVotes(viewer: PolicyViewer, relationship: Relationship, standing: CommitteeStanding, status: PacketStatus, hasVoted: boolean): boolean {
  if (!canOpenCommitteePacket(viewer, relationship, standing, status)) return false;
  if (standing === "member") return hasVoted || status !== "endorsed";
  return isAdmin(viewer);
}

export const VOTES_AUDIENCE = "The promotion committee (members who are not recused) and admins; never the person or their managers";
