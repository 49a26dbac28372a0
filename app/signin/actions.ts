"use server";

import { AuthError } from "next-auth";
import { z } from "zod";
import { InvalidCredentials, signIn, TooManyAttempts } from "@/lib/auth";
import { safeReturnPath } from "@/lib/auth/viewer";

export type SignInState = {
  values: { email: string };
  fieldErrors?: { email?: string[]; password?: string[] };
  message?: string;
};

const schema = z.object({
  email: z.string().trim().min(1, "Enter your email address").pipe(z.email("Enter an email address like name@company.com")),
  password: z.string().min(1, "Enter your password").max(200, "That password is too long"),
});

export async function signInAction(_prev: SignInState, formData: FormData): Promise<SignInState> {
  const values = { email: String(formData.get("email") ?? "") };
  const parsed = schema.safeParse({ email: formData.get("email"), password: formData.get("password") ?? "" });
  if (!parsed.success) return { values, fieldErrors: z.flattenError(parsed.error).fieldErrors };
  try {
    await signIn("credentials", { ...parsed.data, redirectTo: safeReturnPath(formData.get("callbackUrl")) });
  } catch (error) {
    if (error instanceof TooManyAttempts) {
      return { values, message: "Too many failed attempts. Sign-in for this account is paused for 15 minutes." };
    }
    if (error instanceof InvalidCredentials || (error instanceof AuthError && error.type === "CredentialsSignin")) {
      return { values, message: "That email and password don't match an active Trellis account." };
    }
    throw error;
  }
  return { values };
}

export async function signInWithSsoAction(formData: FormData) {
  await signIn("oidc", { redirectTo: safeReturnPath(formData.get("callbackUrl")) });
}
