import { z } from "zod";

/* Password rules, shared by the forms (for hints) and the server (for checks). */
export const PASSWORD_MIN_LENGTH = 12;

export const newPasswordSchema = z
  .string()
  .min(PASSWORD_MIN_LENGTH, `Use at least ${PASSWORD_MIN_LENGTH} characters`)
  .max(200, "Use at most 200 characters")
  .refine((value) => new Set(value).size >= 5, "Use a less repetitive password");
