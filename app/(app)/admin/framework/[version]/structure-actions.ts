"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { addMatrixItem, moveMatrixItem, removeMatrixItem, updateMatrixItem, type InUseRefusal } from "@/lib/dal/framework-edit-matrix";
import { addLevel, addTrack, moveLevel, removeLevel, removeTrack, updateLevel, updateTrack } from "@/lib/dal/framework-edit-levels";
import type { Result } from "@/lib/domain/result";
import { TEXT_LIMITS } from "@/lib/framework/format";
import { draftRef, key, optionalText, text } from "../schemas";

/*
 * The draft's structure: the matrix's rows and columns, tracks and levels.
 * Every action names the draft and the revision its page loaded; the DAL
 * checks the viewer, the draft and the revision in one transaction.
 */
export type RemovalRefusal = { uses: string[] };

function saved<T>(result: Result<T> & { version?: number }, message: string) {
  if (!result.ok) return result;
  revalidatePath("/admin/framework", "layout");
  return { ...result, message };
}

/* A refusal to remove something in use carries the list of what uses it. */
function removed(result: (Result<void> & { version?: number }) | InUseRefusal, message: string) {
  if (!result.ok) return "uses" in result ? { ...result, data: { uses: result.uses } } : result;
  revalidatePath("/admin/framework", "layout");
  return { ...result, message };
}

const part = z.enum(["competency", "theme"]);
const direction = z.enum(["up", "down"]);
const item = { name: text(TEXT_LIMITS.itemName, "Give it a name"), summary: optionalText(TEXT_LIMITS.summary) };

export const addMatrixItemAction = formAction(draftRef.extend({ part, ...item }), ({ number, revision, part, name, summary }, { viewer }) =>
  saved(addMatrixItem(viewer, number, revision, part, { name, summary }), `Added ${name}. Its cells are empty on every level until written.`),
);

export const updateMatrixItemAction = formAction(draftRef.extend({ part, key, ...item }), ({ number, revision, part, key, name, summary }, { viewer }) =>
  saved(updateMatrixItem(viewer, number, revision, part, key, { name, summary }), `Saved ${name}.`),
);

export const moveMatrixItemAction = formAction(draftRef.extend({ part, key, direction }), ({ number, revision, part, key, direction }, { viewer }) =>
  saved(moveMatrixItem(viewer, number, revision, part, key, direction), "Moved."),
);

const removeItemSchema = draftRef.extend({ part, key });
export const removeMatrixItemAction = formAction<typeof removeItemSchema, RemovalRefusal>(removeItemSchema, ({ number, revision, part, key }, { viewer }) =>
  removed(removeMatrixItem(viewer, number, revision, part, key), "Removed from this draft."),
);

const track = { name: text(TEXT_LIMITS.itemName, "Name the track"), summary: optionalText(TEXT_LIMITS.summary) };

export const addTrackAction = formAction(draftRef.extend(track), ({ number, revision, name, summary }, { viewer }) => saved(addTrack(viewer, number, revision, { name, summary }), `Added the ${name} track. Add its levels below.`));

export const updateTrackAction = formAction(draftRef.extend({ trackKey: key, ...track }), ({ number, revision, trackKey, name, summary }, { viewer }) =>
  saved(updateTrack(viewer, number, revision, trackKey, { name, summary }), `Saved ${name}.`),
);

const removeTrackSchema = draftRef.extend({ trackKey: key });
export const removeTrackAction = formAction<typeof removeTrackSchema, RemovalRefusal>(removeTrackSchema, ({ number, revision, trackKey }, { viewer }) =>
  removed(removeTrack(viewer, number, revision, trackKey), "Removed the track from this draft."),
);

const level = {
  code: text(TEXT_LIMITS.code, "Give the level a short code, like IC3"),
  name: text(TEXT_LIMITS.levelName, "Name the level"),
  summary: optionalText(TEXT_LIMITS.levelSummary),
};

export const addLevelAction = formAction(draftRef.extend({ trackKey: key, ...level }), ({ number, revision, trackKey, ...input }, { viewer }) =>
  saved(addLevel(viewer, number, revision, trackKey, input), `Added ${input.code} · ${input.name}. Rewrite its cells: they start as a copy of the level below.`),
);

export const updateLevelAction = formAction(
  draftRef.extend({ levelKey: key, ...level, equivalentLevelKey: z.union([z.literal(""), key]).transform((v) => v || null) }),
  ({ number, revision, levelKey, ...input }, { viewer }) => saved(updateLevel(viewer, number, revision, levelKey, input), `Saved ${input.code} · ${input.name}.`),
);

export const moveLevelAction = formAction(draftRef.extend({ levelKey: key, direction }), ({ number, revision, levelKey, direction }, { viewer }) => saved(moveLevel(viewer, number, revision, levelKey, direction), "Moved."));

const removeLevelSchema = draftRef.extend({ levelKey: key });
export const removeLevelAction = formAction<typeof removeLevelSchema, RemovalRefusal>(removeLevelSchema, ({ number, revision, levelKey }, { viewer }) =>
  removed(removeLevel(viewer, number, revision, levelKey), "Removed the level from this draft."),
);
