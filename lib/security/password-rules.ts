import { z } from "zod";
import { PASSWORD_MIN_LENGTH } from "@/lib/domain/password-length";

/* Password rules, checked on the server; the forms show the minimum length from lib/domain/password-length.ts. */
export { PASSWORD_MIN_LENGTH };

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, "Use at most 200 characters")
  .refine((value) => new Set(value).size >= 5, "Use a less repetitive password");

/* A form's fields plus a new password typed twice; a mismatch is reported beside the confirmation. */
export function withNewPassword<T extends z.ZodRawShape>(shape: T) {
  return z
    .object({ ...shape, newPassword: newPasswordSchema, confirmPassword: z.string() })
    .refine((v) => {
      // zod cannot see the two fields through the generic shape; they are there by construction.
      const { newPassword, confirmPassword } = v as { newPassword: string; confirmPassword: string };
      return newPassword === confirmPassword;
    }, { path: ["confirmPassword"], message: "The two new passwords don't match" });
}
