"use server";

import { z } from "zod";
import { invalidState } from "@/lib/action";
import { withNewPassword } from "@/lib/security/password-rules";
import { redeemAccountLink } from "@/lib/dal/account-links";
import type { ActionState, FieldErrors } from "@/lib/domain/result";

const LINK_PROBLEMS = {
  missing: "This link is not valid. Ask your admin for a new one.",
  expired: "This link has expired. Ask your admin for a new one.",
  used: "This link has already been used. Sign in with your password, or ask your admin for a new link.",
  revoked: "This link is no longer valid. Ask your admin for a new one.",
};

const schema = withNewPassword({ token: z.string().min(1).max(200) });

/* Public, so outside the signed-in action wrapper: the token in the link is the credential. */
export async function setPasswordAction(_prev: ActionState<{ email: string }>, formData: FormData): Promise<ActionState<{ email: string }>> {
  const parsed = schema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return invalidState(z.flattenError(parsed.error).fieldErrors as FieldErrors);
  const result = await redeemAccountLink(parsed.data.token, parsed.data.newPassword);
  if (!result.ok) return { ok: false, code: "refused", message: LINK_PROBLEMS[result.state] };
  return { ok: true, data: { email: result.email } };
}
