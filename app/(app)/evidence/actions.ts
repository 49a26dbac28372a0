"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { createEvidence, deleteEvidence, updateEvidence } from "@/lib/dal/evidence";
import { orgToday } from "@/lib/dal/org-settings";
import { fieldError } from "@/lib/domain/result";
import { evidenceFields, futureDateProblem } from "@/lib/evidence/entry-input";

export const createEvidenceAction = formAction(evidenceFields, (input, { viewer }) => {
  const future = futureDateProblem(input.occurredOn, orgToday());
  if (future) return fieldError("occurredOn", future);
  const result = createEvidence(viewer, input);
  if (!result.ok) return result;
  revalidatePath("/evidence");
  redirect(`/evidence?logged=${result.value}`);
});

export const updateEvidenceAction = formAction(evidenceFields.extend({ entryId: z.string().min(1), version: z.coerce.number().int() }), ({ entryId, version, ...input }, { viewer }) => {
  const future = futureDateProblem(input.occurredOn, orgToday());
  if (future) return fieldError("occurredOn", future);
  const result = updateEvidence(viewer, entryId, version, input);
  if (!result.ok) return result;
  revalidatePath("/evidence", "layout");
  return { ...result, version: version + 1, message: "Saved." };
});

export const deleteEvidenceAction = formAction(z.object({ entryId: z.string().min(1) }), ({ entryId }, { viewer }) => {
  const result = deleteEvidence(viewer, entryId);
  if (!result.ok) return result;
  revalidatePath("/evidence", "layout");
  redirect(`/evidence?${result.value}=1`);
});
