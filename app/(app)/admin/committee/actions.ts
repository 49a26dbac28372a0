"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentSession } from "@/lib/auth/viewer";
import { setCommitteeMember } from "@/lib/dal/admin-people";
import { formValues, invalid, refusalAsState, type FormState } from "@/lib/form-state";

const schema = z.object({ personId: z.string().min(1, "Choose a person"), member: z.enum(["true", "false"]) });

export async function setCommitteeMemberAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const session = await currentSession();
  if (!session) return { message: "Your session has ended. Sign in again." };
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(formData, parsed.error);
  return refusalAsState(formData, () => {
    const r = setCommitteeMember(session.viewer, parsed.data.personId, parsed.data.member === "true");
    if (!r.ok) return { values: formValues(formData), fieldErrors: r.fieldErrors, message: r.message };
    revalidatePath("/admin/committee");
    return { ok: true };
  });
}
