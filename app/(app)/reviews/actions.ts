"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { orgTimeZone } from "@/lib/dal/org-settings";
import { saveSelfAssessment, submitSelfAssessment } from "@/lib/dal/reviews";
import { RATINGS } from "@/lib/domain/enums";
import { clockIn } from "@/lib/domain/org-time";

const selfCell = z.object({
  cell: z.string().max(100),
  rating: z.enum(RATINGS).nullable(),
  evidence: z.string().max(20_000, "Use at most 20,000 characters per cell"),
  citations: z.array(z.string().max(100)).max(50),
});

const saveSchema = z.object({ reviewId: z.string().min(1), version: z.coerce.number().int(), cells: z.array(selfCell).max(50) });

/* Autosave: the whole self part, against the version this tab loaded. */
export const saveSelfAssessmentAction = formAction<typeof saveSchema, { savedAt: string }>(saveSchema, ({ reviewId, version, cells }, { viewer }) => {
  const result = saveSelfAssessment(viewer, reviewId, version, cells);
  if (!result.ok) return result;
  return { ...result, data: { savedAt: clockIn(orgTimeZone(), result.value.savedAt) } };
});

export const submitSelfAssessmentAction = formAction(z.object({ reviewId: z.string().min(1), version: z.coerce.number().int() }), ({ reviewId, version }, { viewer }) => {
  const result = submitSelfAssessment(viewer, reviewId, version);
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  return { ...result, message: "Submitted. Your manager can now read your self-assessment." };
});
