"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { answerEndorsementRequest, declineEndorsementRequest } from "@/lib/dal/endorsement-answers";
import { ENDORSEMENT_STANCES } from "@/lib/domain/enums";
import { MAX_CELLS } from "@/lib/framework/format";

/* The endorser's two actions, by request id; the DAL checks the viewer is the one asked. */
const requestId = z.string().min(1).max(100);
const comment = z.string().max(5_000, "Use at most 5,000 characters");

const answerSchema = z.object({
  requestId,
  version: z.coerce.number().int().min(1),
  answers: z.array(z.object({ cell: z.string().max(100), stance: z.enum(ENDORSEMENT_STANCES).nullable(), comment, reconfirm: z.boolean().optional() })).max(MAX_CELLS),
});

export const answerEndorsementAction = formAction(answerSchema, ({ requestId, version, answers }, { viewer }) => {
  const result = answerEndorsementRequest(viewer, requestId, version, answers);
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  return { ...result, message: "Answer saved. The author is told; you can change it while the packet is open." };
});

export const declineEndorsementAction = formAction(z.object({ requestId, reason: comment }), ({ requestId, reason }, { viewer }) => {
  const result = declineEndorsementRequest(viewer, requestId, reason.trim());
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  return { ...result, message: "Declined. The author is told." };
});
