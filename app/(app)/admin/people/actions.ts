"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { z } from "zod";
import { currentSession } from "@/lib/auth/viewer";
import { endAllSessionsOf } from "@/lib/dal/account";
import { createAccountLink } from "@/lib/dal/account-links";
import { changeLevel } from "@/lib/dal/level-changes";
import { createPerson, setActive, updatePerson } from "@/lib/dal/people-admin";
import { importPeople, previewPeopleImport } from "@/lib/dal/people-csv";
import type { ImportProblem, ImportRow } from "@/lib/people/csv-import";
import { isoDate, personFields } from "@/lib/people/person-schema";
import { requestLinkOrigin } from "@/lib/people/request-link-origin";
import { formValues, invalid, refusalAsState, type FormState } from "@/lib/form-state";

const SESSION_ENDED: FormState = { message: "Your session has ended. Sign in again." };

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

export async function createPersonAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const session = await currentSession();
  if (!session) return SESSION_ENDED;
  const parsed = personSchema.extend({ level: trackLevel }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(formData, parsed.error);
  const { level, ...person } = parsed.data;
  const result = await refusalAsState(formData, () => {
    const r = createPerson(session.viewer, { ...person, ...level });
    return r.ok ? { ok: true, values: { id: r.value } } : { values: formValues(formData), fieldErrors: remapLevel(r.fieldErrors), message: r.message };
  });
  if (!result.ok) return result;
  revalidatePath("/admin/people");
  redirect(`/admin/people/${result.values!.id}?created=1`);
}

// The DAL names the level field levelKey; the form calls it level.
function remapLevel(errors: Partial<Record<string, string[]>> | undefined) {
  if (!errors?.levelKey) return errors;
  const { levelKey, ...rest } = errors;
  return { ...rest, level: levelKey };
}

export async function updatePersonAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const session = await currentSession();
  if (!session) return SESSION_ENDED;
  const parsed = personSchema.extend({ id: z.string().min(1), version: z.coerce.number().int().positive() }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(formData, parsed.error);
  const { id, version, ...person } = parsed.data;
  return refusalAsState(formData, () => {
    const r = updatePerson(session.viewer, id, version, person);
    if (!r.ok) return { values: formValues(formData), fieldErrors: r.fieldErrors, message: r.message };
    revalidatePath(`/admin/people/${id}`);
    revalidatePath("/admin/people");
    return { ok: true, message: "Saved." };
  });
}

export async function changeLevelAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const session = await currentSession();
  if (!session) return SESSION_ENDED;
  const parsed = z
    .object({
      id: z.string().min(1),
      level: trackLevel,
      effectiveDate: isoDate,
      reason: z.string().trim().min(3, "Say why the level changes").max(500, "Use at most 500 characters"),
    })
    .safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(formData, parsed.error);
  const { id, level, effectiveDate, reason } = parsed.data;
  return refusalAsState(formData, () => {
    const r = changeLevel(session.viewer, id, { ...level, effectiveDate, reason });
    if (!r.ok) return { values: formValues(formData), fieldErrors: remapLevel(r.fieldErrors), message: r.message };
    revalidatePath(`/admin/people/${id}`);
    return { ok: true, message: "Level changed and recorded in the level history." };
  });
}

export async function setActiveAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const session = await currentSession();
  if (!session) return SESSION_ENDED;
  const parsed = z.object({ id: z.string().min(1), active: z.enum(["true", "false"]) }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { message: "Something was missing from the request. Reload the page and try again." };
  return refusalAsState(null, () => {
    const active = parsed.data.active === "true";
    const r = setActive(session.viewer, parsed.data.id, active);
    if (!r.ok) return { message: r.message };
    revalidatePath(`/admin/people/${parsed.data.id}`);
    return { ok: true, message: active ? "Reactivated. They can sign in again." : "Deactivated. Their sessions have ended; their records stay." };
  });
}

export async function createLinkAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const session = await currentSession();
  if (!session) return SESSION_ENDED;
  const parsed = z.object({ id: z.string().min(1), purpose: z.enum(["invite", "reset"]) }).safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { message: "Something was missing from the request. Reload the page and try again." };
  const chosen = await requestLinkOrigin();
  if (chosen.origin === null) return { message: chosen.warning };
  const origin = chosen.origin;
  return refusalAsState(null, () => {
    const token = createAccountLink(session.viewer, parsed.data.id, parsed.data.purpose);
    revalidatePath(`/admin/people/${parsed.data.id}`);
    return { ok: true, values: { link: `${origin}/invite/${token}`, purpose: parsed.data.purpose } };
  });
}

export type ImportState = { csv?: string; rows?: ImportRow[]; problems?: ImportProblem[]; imported?: number; message?: string };

const MAX_CSV_BYTES = 1_000_000;

/* Step 1 reads the file (or pasted text) and previews it; step 2 ("import") re-validates and writes it, all or nothing. */
export async function importPeopleAction(_prev: ImportState, formData: FormData): Promise<ImportState> {
  const session = await currentSession();
  if (!session) return SESSION_ENDED;
  const file = formData.get("file");
  let csv = String(formData.get("csv") ?? "");
  if (file instanceof File && file.size > 0) {
    if (file.size > MAX_CSV_BYTES) return { csv, message: "That file is over 1 MB. Split it into smaller files." };
    csv = await file.text();
  }
  if (!csv.trim()) return { csv, problems: [{ line: 1, message: "Choose a CSV file or paste its contents" }] };
  return refusalAsState(null, (): ImportState => {
    if (formData.get("intent") === "import") {
      const result = importPeople(session.viewer, csv);
      if (!result.ok) return { csv, problems: result.problems, rows: [] };
      revalidatePath("/admin/people");
      return { imported: result.imported };
    }
    const { rows, problems } = previewPeopleImport(session.viewer, csv);
    return { csv, rows, problems };
  });
}

export async function endSessionsAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const session = await currentSession();
  if (!session) return SESSION_ENDED;
  const id = z.string().min(1).safeParse(formData.get("id"));
  if (!id.success) return { message: "Something was missing from the request. Reload the page and try again." };
  return refusalAsState(null, () => {
    const ended = endAllSessionsOf(session.viewer, id.data);
    return { ok: true, message: ended ? `Ended ${ended} open session${ended === 1 ? "" : "s"}. They must sign in again.` : "They had no open sessions." };
  });
}
