"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { startPacket } from "@/lib/dal/packet-start";

const startSchema = z.object({
  personId: z.string().min(1),
  targetLevelKey: z.string({ error: "Choose the level this packet is for" }).min(1, "Choose the level this packet is for").max(40),
});

/* Starts a packet for the viewer or a direct report, then opens it. */
export const startPacketAction = formAction(startSchema, ({ personId, targetLevelKey }, { viewer }) => {
  const result = startPacket(viewer, personId, targetLevelKey);
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  redirect(`/packets/${result.value}`);
});
