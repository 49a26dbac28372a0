"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentSession } from "@/lib/auth/viewer";
import { transitionClaim } from "@/lib/dal/stipend-claims";
import { NotFoundError } from "@/lib/errors";

/* On success the page re-renders with the claim's new status and history entry, which is the confirmation. */
export type TransitionState = { fieldErrors?: { reason?: string[] }; message?: string; reason?: string };

const schema = z.object({
  claimId: z.string().min(1).max(64),
  version: z.coerce.number().int().positive(),
  action: z.enum(["withdraw", "approve", "reject", "reimburse"]),
  reason: z.string().trim().max(1000, "Keep the reason under 1,000 characters").default(""),
});

export async function transitionClaimAction(_prev: TransitionState, formData: FormData): Promise<TransitionState> {
  const current = await currentSession();
  if (!current) return { message: "Your session has ended. Sign in again." };
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { message: "That form was incomplete. Reload the page and try again.", fieldErrors: z.flattenError(parsed.error).fieldErrors };
  const { claimId, version, action, reason } = parsed.data;
  if (action === "reject" && !reason) return { fieldErrors: { reason: ["Say why, so the person knows what to change"] }, reason };
  try {
    const result = transitionClaim(current.viewer, claimId, action, version, reason);
    if (!result.ok) return { message: result.message, reason };
  } catch (error) {
    if (error instanceof NotFoundError) return { message: error.message, reason };
    throw error;
  }
  revalidatePath("/stipend", "layout");
  revalidatePath("/");
  return {};
}
