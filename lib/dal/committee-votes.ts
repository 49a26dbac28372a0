import "server-only";
import { and, eq } from "drizzle-orm";
import { db } from "@/db";
import { committeeVotes } from "@/db/schema";
import type { CommitteeVote } from "@/lib/domain/enums";
import { fieldError, refused, type Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { VOTE_LABEL } from "@/lib/packets/committee";
import { canVote } from "@/lib/policies/committee";
import { recordAudit } from "./audit";
import { authoriseCommitteePacket } from "./committee-packets";

/*
 * A member's vote on a packet in committee, with a comment; a second vote
 * replaces the first until the decision. A recused member, or anyone who may
 * not open the committee's view, finds no packet; an admin who is not a
 * member finds no vote to record. The audit row says how
 * they voted, not what they wrote: comments stay with the committee.
 */
export function recordVote(viewer: Viewer, packetId: string, vote: CommitteeVote, comment: string): Result {
  return db().transaction(
    (tx): Result => {
      const { packet, standing } = authoriseCommitteePacket(tx, viewer, packetId);
      // Only a member has a vote to record; for them, a decided packet says why it is closed.
      if (standing !== "member") throw new NotFoundError("vote");
      if (!canVote(standing, packet.status)) return refused("The decision is recorded: votes are closed.");
      if (!comment.trim()) return fieldError("comment", "Say why: your comment is read by the other members and the admin who records the decision");
      const now = new Date();
      const where = and(eq(committeeVotes.packetId, packetId), eq(committeeVotes.memberId, viewer.id));
      const existing = tx.select({ vote: committeeVotes.vote }).from(committeeVotes).where(where).get();
      if (existing) tx.update(committeeVotes).set({ vote, comment: comment.trim(), updatedAt: now }).where(where).run();
      else tx.insert(committeeVotes).values({ packetId, memberId: viewer.id, vote, comment: comment.trim(), createdAt: now, updatedAt: now }).run();
      recordAudit(tx, { actorId: viewer.id, action: "committee.vote", recordType: "packet", recordId: packetId, summary: `${existing ? "Changed their vote to" : "Voted"} ${VOTE_LABEL[vote].toLowerCase()} on ${packet.personName}'s promotion packet` });
      return { ok: true, value: undefined };
    },
    { behavior: "immediate" },
  );
}
