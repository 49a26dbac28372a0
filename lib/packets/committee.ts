import type { CommitteeVote } from "@/lib/domain/enums";

/* The committee's votes, counted: what the decision form and the committee's list show. */
export type VoteTally = { approve: number; decline: number; voted: number; eligible: number };

export function tallyVotes(votes: { vote: CommitteeVote; memberId: string }[], eligibleMemberIds: readonly string[]): VoteTally {
  const counted = votes.filter((v) => eligibleMemberIds.includes(v.memberId));
  return {
    approve: counted.filter((v) => v.vote === "approve").length,
    decline: counted.filter((v) => v.vote === "decline").length,
    voted: counted.length,
    eligible: eligibleMemberIds.length,
  };
}

export const tallyInWords = (t: VoteTally) =>
  t.eligible === 0 ? "No committee member can vote on this packet." : `${t.voted} of ${t.eligible} ${t.eligible === 1 ? "member" : "members"} voted: ${t.approve} to approve, ${t.decline} to decline.`;

export const VOTE_LABEL: Record<CommitteeVote, string> = { approve: "Approve", decline: "Decline" };
