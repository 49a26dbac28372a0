"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { withNewPassword } from "@/lib/auth/password-rules";
import { currentSession } from "@/lib/auth/viewer";
import { endOtherSessions } from "@/lib/dal/account";
import { changePassword } from "@/lib/dal/people";

export type ChangePasswordState = {
  fieldErrors?: { currentPassword?: string[]; newPassword?: string[]; confirmPassword?: string[] };
  message?: string;
  ok?: boolean;
};

const schema = withNewPassword({ currentPassword: z.string().max(200) });

export async function changePasswordAction(_prev: ChangePasswordState, formData: FormData): Promise<ChangePasswordState> {
  const current = await currentSession();
  if (!current) return { message: "Your session has ended. Sign in again." };
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { fieldErrors: z.flattenError(parsed.error).fieldErrors };
  if (current.viewer.hasPassword && !parsed.data.currentPassword) return { fieldErrors: { currentPassword: ["Enter your current password"] } };
  const result = await changePassword(current.viewer, current.sessionId, parsed.data.currentPassword, parsed.data.newPassword);
  if (!result.ok) return { fieldErrors: { [result.field]: [result.message] } };
  revalidatePath("/account");
  return { ok: true, message: "Password changed. Your other sessions have been signed out." };
}

export async function endOtherSessionsAction(): Promise<void> {
  const current = await currentSession();
  if (!current) return;
  endOtherSessions(current.viewer, current.sessionId);
  revalidatePath("/account");
}
