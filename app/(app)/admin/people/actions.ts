"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { formAction } from "@/lib/action";
import { endAllSessionsOf } from "@/lib/dal/account";
import { createAccountLink } from "@/lib/dal/account-links";
import { changeLevel } from "@/lib/dal/level-changes";
import { createPerson, setActive, updatePerson } from "@/lib/dal/people-admin";
import { importPeople, previewPeopleImport } from "@/lib/dal/people-csv";
import { refused, type Failure, type Result } from "@/lib/domain/result";
import type { ImportProblem, ImportRow } from "@/lib/people/csv-import";
import { isoDate, personFields } from "@/lib/people/person-schema";
import { requestLinkOrigin } from "@/lib/people/request-link-origin";

// "track:level", as the level picker sends it.
const trackLevel = z
  .string()
  .regex(/^[a-z][a-z0-9-]*:[a-z][a-z0-9-]*$/, "Choose a level")
  .transform((v) => {
    const [trackKey, levelKey] = v.split(":") as [string, string];
    return { trackKey, levelKey };
  });

const personSchema = z.object({
  ...personFields,
  managerId: z
    .string()
    .trim()
    .transform((v) => v || null),
});

const personRef = z.object({ id: z.string().min(1) });

// The DAL names the level field levelKey; the form calls it level.
function remapLevel<T>(result: Result<T>): Result<T> {
  if (result.ok || !result.fieldErrors?.levelKey) return result;
  const { levelKey, ...rest } = result.fieldErrors;
  return { ...result, fieldErrors: { ...rest, level: levelKey } } satisfies Failure;
}

export const createPersonAction = formAction(personSchema.extend({ level: trackLevel }), ({ level, ...person }, { viewer }) => {
  const result = remapLevel(createPerson(viewer, { ...person, ...level }));
  if (!result.ok) return result;
  revalidatePath("/admin/people");
  redirect(`/admin/people/${result.value}?created=1`);
});

export const updatePersonAction = formAction(personSchema.extend({ id: z.string().min(1), version: z.coerce.number().int().positive() }), ({ id, version, ...person }, { viewer }) => {
  const result = updatePerson(viewer, id, version, person);
  if (!result.ok) return result;
  revalidatePath(`/admin/people/${id}`);
  revalidatePath("/admin/people");
  return { ...result, message: "Saved." };
});

const levelChange = personRef.extend({
  level: trackLevel,
  effectiveDate: isoDate,
  reason: z.string().trim().min(3, "Say why the level changes").max(500, "Use at most 500 characters"),
});

export const changeLevelAction = formAction(levelChange, ({ id, level, effectiveDate, reason }, { viewer }) => {
  const result = remapLevel(changeLevel(viewer, id, { ...level, effectiveDate, reason }));
  if (!result.ok) return result;
  revalidatePath(`/admin/people/${id}`);
  return { ...result, message: "Level changed and recorded in the level history." };
});

export const setActiveAction = formAction(personRef.extend({ active: z.enum(["true", "false"]) }), ({ id, active }, { viewer }) => {
  const result = setActive(viewer, id, active === "true");
  if (!result.ok) return result;
  revalidatePath(`/admin/people/${id}`);
  return { ...result, message: active === "true" ? "Reactivated. They can sign in again." : "Deactivated. Their sessions have ended; their records stay." };
});

export const createLinkAction = formAction(personRef.extend({ purpose: z.enum(["invite", "reset"]) }), async ({ id, purpose }, { viewer }) => {
  const chosen = await requestLinkOrigin();
  if (chosen.origin === null) return refused(chosen.warning);
  const token = createAccountLink(viewer, id, purpose);
  revalidatePath(`/admin/people/${id}`);
  return { ok: true, value: undefined, data: { link: `${chosen.origin}/invite/${token}` } };
});

export const endSessionsAction = formAction(personRef, ({ id }, { viewer }) => {
  const ended = endAllSessionsOf(viewer, id);
  return { ok: true, value: ended, message: ended ? `Ended ${ended} open session${ended === 1 ? "" : "s"}. They must sign in again.` : "They had no open sessions." };
});

export type ImportPreview = { csv: string; rows?: ImportRow[]; problems?: ImportProblem[]; imported?: number };

const MAX_CSV_BYTES = 1_000_000;
const importSchema = z.object({ csv: z.string().max(MAX_CSV_BYTES).default(""), intent: z.enum(["preview", "import"]).default("preview"), file: z.unknown() });

/* Step 1 reads the file (or pasted text) and previews it; step 2 ("import") re-validates and writes it, all or nothing. */
export const importPeopleAction = formAction(importSchema, async ({ csv: pasted, intent, file }, { viewer }): Promise<Result & { data?: ImportPreview }> => {
  let csv = pasted;
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_CSV_BYTES) return refused("That file is over 1 MB. Split it into smaller files.");
    csv = await file.text();
  }
  if (!csv.trim()) return { ok: true, value: undefined, data: { csv, problems: [{ line: 1, message: "Choose a CSV file or paste its contents" }] } };
  if (intent === "import") {
    const result = importPeople(viewer, csv);
    if (!result.ok) return { ok: true, value: undefined, data: { csv, problems: result.problems, rows: [] } };
    revalidatePath("/admin/people");
    return { ok: true, value: undefined, data: { csv: "", imported: result.imported } };
  }
  return { ok: true, value: undefined, data: { csv, ...previewPeopleImport(viewer, csv) } };
});
