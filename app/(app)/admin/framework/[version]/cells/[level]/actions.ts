"use server";

import { z } from "zod";
import { formAction } from "@/lib/action";
import { saveDraftCell } from "@/lib/dal/framework-cells";
import { orgTimeZone } from "@/lib/dal/org-settings";
import { parseCellId } from "@/lib/domain/cell-ref";
import { clockIn } from "@/lib/domain/org-time";
import { examplesFrom } from "@/lib/framework/editor-rules";
import { TEXT_LIMITS } from "@/lib/framework/format";
import { key } from "../../../schemas";

const max = (limit: number) => z.string().trim().max(limit, `Use at most ${limit} characters`);

const cellSchema = z.object({
  number: z.coerce.number().int().positive(),
  levelKey: key,
  cell: z.string().refine((v) => parseCellId(v) !== null),
  revision: z.coerce.number().int(),
  expectation: max(TEXT_LIMITS.expectation),
  description: max(TEXT_LIMITS.cellDescription),
  examples: z
    .string()
    .max(TEXT_LIMITS.examples * (TEXT_LIMITS.example + 2))
    .transform(examplesFrom)
    .pipe(z.array(z.string().max(TEXT_LIMITS.example, `Keep each example to ${TEXT_LIMITS.example} characters`)).max(TEXT_LIMITS.examples, `Give at most ${TEXT_LIMITS.examples} examples`)),
});

/* Autosave of one draft cell, against the revision its editor loaded; empty text may be saved, publishing needs it written. */
export const saveDraftCellAction = formAction<typeof cellSchema, { savedAt: string }>(cellSchema, ({ number, levelKey, cell, revision, ...text }, { viewer }) => {
  const result = saveDraftCell(viewer, number, { levelKey, ...parseCellId(cell)! }, revision, text);
  if (!result.ok) return result;
  return { ...result, data: { savedAt: clockIn(orgTimeZone(), result.value.savedAt) } };
});
