"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { recordVote } from "@/lib/dal/committee-votes";
import { decidePacket } from "@/lib/dal/packet-decision";
import { COMMITTEE_VOTES, PACKET_OUTCOMES } from "@/lib/domain/enums";

/* The committee's actions, by packet id: the DAL loads the packet and checks membership, recusal and the admin's role against it. */
const packetId = z.string().min(1).max(100);
const text = (max: number) => z.string().max(max, `Use at most ${max.toLocaleString("en")} characters`);

const voteSchema = z.object({ packetId, vote: z.enum(COMMITTEE_VOTES, { error: "Choose approve or decline" }), comment: text(10_000) });

export const recordVoteAction = formAction(voteSchema, ({ packetId, vote, comment }, { viewer }) => {
  const result = recordVote(viewer, packetId, vote, comment);
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  return { ...result, message: "Vote recorded. The other members' votes are shown below." };
});

const decisionSchema = z.object({
  packetId,
  outcome: z.enum(PACKET_OUTCOMES, { error: "Choose approved or declined" }),
  reasons: text(20_000),
  effectiveDate: z.iso.date({ error: "Enter a date" }).nullable(),
  missing: z.record(z.string().max(100), text(10_000)),
});

export const decidePacketAction = formAction(decisionSchema, ({ packetId, outcome, reasons, effectiveDate, missing }, { viewer }) => {
  const result = decidePacket(viewer, packetId, { outcome, reasons, effectiveDate: outcome === "approved" ? effectiveDate : null, missing: outcome === "declined" ? missing : {} });
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  return { ...result, message: outcome === "approved" ? "Approved: the level change is in their level history." : "Declined: what is missing is shown to them and their manager." };
});
