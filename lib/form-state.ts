import { z } from "zod";
import { NotFoundError } from "./errors";

/*
 * What a server action returns to its form: the values to put back (so nothing
 * typed is lost), per-field errors, and a form-level message.
 */
export type FormState = {
  values?: Record<string, string>;
  fieldErrors?: Partial<Record<string, string[]>>;
  message?: string;
  ok?: boolean;
};

/* The text fields of a submission, to echo back on error. Files are left out: browsers cannot refill them. */
export function formValues(formData: FormData): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of formData) if (typeof value === "string" && !key.startsWith("$ACTION")) values[key] = value;
  return values;
}

export function invalid(formData: FormData, error: z.ZodError): FormState {
  return { values: formValues(formData), fieldErrors: z.flattenError(error).fieldErrors as FormState["fieldErrors"] };
}

/* Turns a refused or missing record into the same message a missing page gives. */
export async function refusalAsState<T>(formData: FormData | null, run: () => Promise<T> | T): Promise<T | FormState> {
  try {
    return await run();
  } catch (error) {
    if (error instanceof NotFoundError) return { values: formData ? formValues(formData) : undefined, message: error.message };
    throw error;
  }
}
