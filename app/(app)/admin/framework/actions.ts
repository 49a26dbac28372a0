"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { discardDraft, startDraft, updateDraftDetails } from "@/lib/dal/framework-drafts";
import { importFramework } from "@/lib/dal/framework-import";
import { publishDraft } from "@/lib/dal/framework-publish";
import { refused } from "@/lib/domain/result";
import { MAX_FILE_BYTES, type FileProblem } from "@/lib/framework/file-problems";
import { TEXT_LIMITS } from "@/lib/framework/format";
import { draftRef, text } from "./schemas";

/* Versions as a whole: start a draft, describe it, publish or discard it, import a file as one. Each is one DAL call that checks the viewer. */

export const startDraftAction = formAction(z.object({}), (_input, { viewer }) => {
  const result = startDraft(viewer);
  if (!result.ok) return result;
  revalidatePath("/admin/framework", "layout");
  redirect(`/admin/framework/${result.value.number}`);
});

const detailsSchema = draftRef.extend({
  name: text(TEXT_LIMITS.name, "Name this version"),
  description: z.string().trim().max(TEXT_LIMITS.description, `Use at most ${TEXT_LIMITS.description} characters`),
  notes: z.string().trim().max(2000, "Use at most 2000 characters"),
});

export const updateDraftDetailsAction = formAction(detailsSchema, ({ number, revision, ...input }, { viewer }) => {
  const result = updateDraftDetails(viewer, number, revision, input);
  if (!result.ok) return result;
  revalidatePath("/admin/framework", "layout");
  return { ...result, message: "Saved." };
});

export const discardDraftAction = formAction(draftRef.pick({ number: true }), ({ number }, { viewer }) => {
  const result = discardDraft(viewer, number);
  if (!result.ok) return result;
  revalidatePath("/admin/framework", "layout");
  redirect("/admin/framework?discarded=1");
});

export const publishDraftAction = formAction(draftRef.pick({ number: true }).extend({ stamp: z.string().max(40) }), ({ number, stamp }, { viewer }) => {
  const result = publishDraft(viewer, number, stamp);
  if (!result.ok) return result;
  revalidatePath("/", "layout");
  redirect(`/admin/framework?published=${result.value.number}`);
});

const importSchema = z.object({ text: z.string().max(MAX_FILE_BYTES + 1).default(""), file: z.unknown().optional() });
export type ImportOutcome = { problems: FileProblem[]; fileName: string };

/* The file, or the pasted text; every problem comes back with its path, and nothing is written unless all is valid. */
export const importFrameworkAction = formAction<typeof importSchema, ImportOutcome>(importSchema, async ({ text: pasted, file }, { viewer }) => {
  const upload = file instanceof File && file.size > 0 ? file : null;
  if (upload && upload.size > MAX_FILE_BYTES) return refused(`${upload.name} is larger than ${MAX_FILE_BYTES / 1_000_000} MB; a framework file is far smaller.`);
  const fileName = upload?.name ?? "The pasted text";
  const result = importFramework(viewer, upload ? await upload.text() : pasted, fileName);
  if (!result.ok) return { ...result, data: { problems: "problems" in result ? result.problems : [], fileName } };
  revalidatePath("/admin/framework", "layout");
  redirect(`/admin/framework/${result.value.number}?imported=1`);
});
