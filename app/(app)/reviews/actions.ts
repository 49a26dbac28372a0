"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { orgTimeZone } from "@/lib/dal/org-settings";
import { acknowledgeReview, saveManagerReview, shareManagerReview } from "@/lib/dal/manager-reviews";
import { savePrivateNotes } from "@/lib/dal/review-notes";
import { saveSelfAssessment, submitSelfAssessment } from "@/lib/dal/reviews";
import { RATINGS } from "@/lib/domain/enums";
import { clockIn } from "@/lib/domain/org-time";
import { MAX_CELLS } from "@/lib/framework/format";

const selfCell = z.object({
  cell: z.string().max(100),
  rating: z.enum(RATINGS).nullable(),
  evidence: z.string().max(20_000, "Use at most 20,000 characters per cell"),
  citations: z.array(z.string().max(100)).max(50),
});

const saveSchema = z.object({ reviewId: z.string().min(1), version: z.coerce.number().int(), cells: z.array(selfCell).max(MAX_CELLS) });

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

const managerCell = z.object({
  cell: z.string().max(100),
  rating: z.enum(RATINGS).nullable(),
  comment: z.string().max(20_000, "Use at most 20,000 characters per cell"),
});
const saveManagerSchema = z.object({
  reviewId: z.string().min(1),
  version: z.coerce.number().int(),
  summary: z.string().max(20_000, "Use at most 20,000 characters"),
  cells: z.array(managerCell).max(MAX_CELLS),
});

/* Autosave of the manager part, against the version this tab loaded. */
export const saveManagerReviewAction = formAction<typeof saveManagerSchema, { savedAt: string }>(saveManagerSchema, ({ reviewId, version, summary, cells }, { viewer }) => {
  const result = saveManagerReview(viewer, reviewId, version, { summary, cells });
  if (!result.ok) return result;
  return { ...result, data: { savedAt: clockIn(orgTimeZone(), result.value.savedAt) } };
});

export const shareManagerReviewAction = formAction(z.object({ reviewId: z.string().min(1), version: z.coerce.number().int() }), ({ reviewId, version }, { viewer }) => {
  const result = shareManagerReview(viewer, reviewId, version);
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  return { ...result, message: "Shared. They can now read your review, respond and acknowledge it." };
});

const acknowledgeSchema = z.object({
  reviewId: z.string().min(1),
  response: z.string().trim().max(10_000, "Use at most 10,000 characters"),
});

export const acknowledgeReviewAction = formAction(acknowledgeSchema, ({ reviewId, response }, { viewer }) => {
  const result = acknowledgeReview(viewer, reviewId, response);
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  return { ...result, message: "Acknowledged. Your manager can read your response." };
});

const notesSchema = z.object({
  reviewId: z.string().min(1),
  version: z.coerce.number().int().min(0),
  body: z.string().max(20_000, "Use at most 20,000 characters"),
});

export const savePrivateNotesAction = formAction(notesSchema, ({ reviewId, version, body }, { viewer }) => {
  const result = savePrivateNotes(viewer, reviewId, version, body);
  if (!result.ok) return result;
  return { ...result, message: "Notes saved." };
});
