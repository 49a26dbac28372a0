"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { cancelEndorsementRequest, requestEndorsements } from "@/lib/dal/endorsements";
import { reopenPacket } from "@/lib/dal/packet-reopen";
import { MAX_CELLS } from "@/lib/framework/format";

/* Every action names its record by id; the DAL loads it and asks the policy whether this viewer may do this to it. */
const id = z.string().min(1).max(100);

const requestSchema = z.object({
  packetId: id,
  endorserIds: z.array(id).min(1, "Choose at least one colleague").max(20, "Ask at most 20 colleagues at once"),
  cells: z.array(z.string().max(100)).min(1, "Choose at least one cell to be endorsed").max(MAX_CELLS),
  message: z.string().max(2_000, "Use at most 2,000 characters"),
});

/* The author asks colleagues to endorse some cells; each is told and finds it on Needs my action. */
export const requestEndorsementsAction = formAction(requestSchema, ({ packetId, endorserIds, cells, message }, { viewer }) => {
  const result = requestEndorsements(viewer, packetId, { endorserIds, cells, message: message.trim() });
  if (!result.ok) return result;
  revalidatePath(`/packets/${packetId}`);
  return { ...result, message: `Asked ${result.value} ${result.value === 1 ? "colleague" : "colleagues"}. They are told, and each answer shows here.` };
});

export const cancelEndorsementRequestAction = formAction(z.object({ requestId: id, packetId: id }), ({ requestId, packetId }, { viewer }) => {
  const result = cancelEndorsementRequest(viewer, requestId);
  if (!result.ok) return result;
  revalidatePath(`/packets/${packetId}`);
  return { ...result, message: "Request cancelled." };
});

/* A declined packet becomes a new draft that starts from its case; the new draft opens. */
export const reopenPacketAction = formAction(z.object({ packetId: id }), ({ packetId }, { viewer }) => {
  const result = reopenPacket(viewer, packetId);
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  redirect(`/packets/${result.value}`);
});
