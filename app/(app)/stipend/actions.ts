"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { transitionClaim } from "@/lib/dal/stipend-claims";
import { fieldError } from "@/lib/domain/result";

const schema = z.object({
  claimId: z.string().min(1).max(64),
  version: z.coerce.number().int().positive(),
  action: z.enum(["withdraw", "approve", "reject", "reimburse"]),
  reason: z.string().trim().max(1000, "Keep the reason under 1,000 characters").default(""),
});

/* On success the page re-renders with the claim's new status and history entry, which is the confirmation. */
export const transitionClaimAction = formAction(schema, ({ claimId, version, action, reason }, { viewer }) => {
  if (action === "reject" && !reason) return fieldError("reason", "Say why, so the person knows what to change");
  const result = transitionClaim(viewer, claimId, action, version, reason);
  if (!result.ok) return result;
  revalidatePath("/stipend", "layout");
  revalidatePath("/");
  return result;
});
