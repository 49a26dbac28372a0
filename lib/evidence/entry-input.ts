import { z } from "zod";
import { parseCellId, type CellRef } from "@/lib/domain/cell-ref";
import { isoDate } from "@/lib/people/person-schema";

/* An evidence-log entry as a form sends it: links one per line, cells as CellRef ids ("technical.complexity"). */
const link = z.string().refine((v) => /^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v), "Each link must start with http:// or https://");

export const evidenceFields = z.object({
  title: z.string().trim().min(1, "Give the win a title").max(160, "Use at most 160 characters"),
  occurredOn: isoDate,
  description: z.string().max(20_000, "Use at most 20,000 characters").default(""),
  links: z
    .string()
    .default("")
    .transform((v) => v.split(/\r?\n/).map((l) => l.trim()).filter(Boolean))
    .pipe(z.array(link).max(20, "Add at most 20 links")),
  cells: z
    .string()
    .default("")
    .transform((v) => v.split(",").filter(Boolean).map(parseCellId))
    .pipe(z.array(z.custom<CellRef>((c) => c !== null, "Choose cells from the framework")).min(1, "Tag at least one cell this demonstrates")),
});

/* Today is the latest date a win can have happened. */
export function futureDateProblem(occurredOn: string, today: string): string | null {
  return occurredOn > today ? "A win can't be in the future" : null;
}
