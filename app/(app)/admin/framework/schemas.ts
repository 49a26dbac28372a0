import { z } from "zod";
import { KEY_PATTERN } from "@/lib/framework/format";

/* Form fields the editor's actions share: which draft, at which revision, and text with its limit said in words. */
export const draftRef = z.object({
  number: z.coerce.number().int().positive(),
  revision: z.coerce.number().int(),
});

export const text = (max: number, missing: string) => z.string().trim().min(1, missing).max(max, `Use at most ${max} characters`);
export const optionalText = (max: number) => z.string().trim().max(max, `Use at most ${max} characters`).default("");
export const key = z.string().regex(KEY_PATTERN);
