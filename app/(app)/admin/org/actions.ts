"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { currentSession } from "@/lib/auth/viewer";
import { moveToManager } from "@/lib/dal/admin-people";
import { formValues, invalid, refusalAsState, type FormState } from "@/lib/form-state";

export async function movePersonAction(_prev: FormState, formData: FormData): Promise<FormState> {
  const session = await currentSession();
  if (!session) return { message: "Your session has ended. Sign in again." };
  const parsed = z
    .object({
      personId: z.string().min(1, "Choose who moves"),
      managerId: z
        .string()
        .transform((v) => v || null),
    })
    .safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalid(formData, parsed.error);
  return refusalAsState(formData, () => {
    const r = moveToManager(session.viewer, parsed.data.personId, parsed.data.managerId);
    if (!r.ok) return { values: formValues(formData), fieldErrors: r.fieldErrors, message: r.message };
    revalidatePath("/admin/org");
    return { ok: true, message: "Moved." };
  });
}
