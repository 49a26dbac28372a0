"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { publicAction } from "@/lib/action";
import { InvalidCredentials, signIn, TooManyAttempts } from "@/lib/auth";
import { refused } from "@/lib/domain/result";
import { safeReturnPath } from "@/lib/security/return-path";

const schema = z.object({
  email: z.string().trim().min(1, "Enter your email address").pipe(z.email("Enter an email address like name@company.com")),
  password: z.string().min(1, "Enter your password").max(200, "That password is too long"),
  callbackUrl: z.unknown(),
});

/* On success signIn redirects (it throws Next's redirect), so only refusals come back here. */
export const signInAction = publicAction(schema, async ({ email, password, callbackUrl }) => {
  try {
    await signIn("credentials", { email, password, redirectTo: safeReturnPath(callbackUrl) });
  } catch (error) {
    if (error instanceof TooManyAttempts) return refused("Too many failed attempts. Sign-in for this account is paused for 15 minutes.");
    if (error instanceof InvalidCredentials || (error instanceof AuthError && error.type === "CredentialsSignin")) {
      return refused("That email and password don't match an active Trellis account.");
    }
    throw error;
  }
  return { ok: true, value: undefined };
});

export async function signInWithSsoAction(formData: FormData) {
  await signIn("oidc", { redirectTo: safeReturnPath(formData.get("callbackUrl")) });
}
