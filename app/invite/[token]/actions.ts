"use server";

import { z } from "zod";
import { publicAction } from "@/lib/action";
import { redeemAccountLink } from "@/lib/dal/account-links";
import { refused } from "@/lib/domain/result";
import { withNewPassword } from "@/lib/security/password-rules";

const LINK_PROBLEMS = {
  missing: "This link is not valid. Ask your admin for a new one.",
  expired: "This link has expired. Ask your admin for a new one.",
  used: "This link has already been used. Sign in with your password, or ask your admin for a new link.",
  revoked: "This link is no longer valid. Ask your admin for a new one.",
};

const schema = withNewPassword({ token: z.string().min(1).max(200) });

/* Public: the token in the link is the credential. */
export const setPasswordAction = publicAction(schema, async ({ token, newPassword }) => {
  const result = await redeemAccountLink(token, newPassword);
  if (!result.ok) return refused(LINK_PROBLEMS[result.state]);
  return { ok: true, value: undefined, data: { email: result.email } };
});
