"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction, plainAction } from "@/lib/action";
import { withNewPassword } from "@/lib/security/password-rules";
import { endOtherSessions } from "@/lib/dal/account";
import { changePassword } from "@/lib/dal/people";
import { fieldError } from "@/lib/domain/result";
import { EMAIL_PREFERENCES } from "@/lib/domain/enums";
import { saveEmailPreference } from "@/lib/dal/notification-settings";

const schema = withNewPassword({ currentPassword: z.string().max(200) });

export const changePasswordAction = formAction(schema, async ({ currentPassword, newPassword }, { viewer, sessionId }) => {
  if (viewer.hasPassword && !currentPassword) return fieldError("currentPassword", "Enter your current password");
  const result = await changePassword(viewer, sessionId, currentPassword, newPassword);
  if (!result.ok) return fieldError(result.field, result.message);
  revalidatePath("/account");
  return { ok: true, value: undefined, message: "Password changed. Your other sessions have been signed out." };
});

export const endOtherSessionsAction = plainAction(z.object({}), (_input, { viewer, sessionId }) => {
  endOtherSessions(viewer, sessionId);
  revalidatePath("/account");
  return { ok: true, value: undefined };
});

const emailPreference = z.object({
  email: z.enum(EMAIL_PREFERENCES, { error: "Choose how Trellis emails you" }),
  version: z.coerce.number().int().min(0),
});

export const saveEmailPreferenceAction = formAction(emailPreference, ({ email, version }, { viewer }) => {
  const result = saveEmailPreference(viewer, email, version);
  if (!result.ok) return result;
  revalidatePath("/account");
  return { ...result, version: result.value, message: email === "off" ? "Saved. Trellis will not email you notifications." : email === "digest" ? "Saved. You will get one email a day." : "Saved. You will get an email for each notification." };
});
