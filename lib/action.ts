import "server-only";
import { z } from "zod";
import { currentSession } from "@/lib/auth/viewer";
import type { Viewer } from "@/lib/domain/viewer";
import type { ActionState, Failure, FieldErrors, Result } from "@/lib/domain/result";
import { NotFoundError } from "@/lib/errors";
import { logRefusal } from "@/lib/log";

/*
 * The contract every server action keeps: find the viewer (or answer "session
 * ended"), parse the input with zod (field errors beside the fields), run one
 * piece of work that asks the DAL, and turn a refused or missing record into
 * "not found". Every outcome is an ActionState; typed input is echoed back on
 * failure. Redirects and real errors pass through untouched.
 */
export const SESSION_ENDED = "Your session has ended. Sign in again; your answers are still here.";
export const CHECK_ANSWERS = "Some answers need another look. Each is marked below.";

export type ActionContext = { viewer: Viewer; sessionId: string; formData: FormData | null };

/* What an action's work returns: a DAL Result, or a ready state (for payloads such as a preview). */
export type Outcome<D> = (Result<unknown> & { data?: D; message?: string; version?: number }) | (Failure & { data?: D });

type Input = FormData | Record<string, unknown> | null | undefined;

/* Never sent back to the browser, even to the person who typed them. */
const SECRET_FIELD = /password|token/i;

export function formValues(formData: FormData | null): Record<string, string> | undefined {
  if (!formData) return undefined;
  const values: Record<string, string> = {};
  // Files are left out: browsers cannot refill a file input.
  for (const [key, value] of formData) if (typeof value === "string" && !key.startsWith("$ACTION") && !SECRET_FIELD.test(key)) values[key] = value;
  return values;
}

export function invalidState<D>(fieldErrors: FieldErrors, values?: Record<string, string>, message = CHECK_ANSWERS): ActionState<D> {
  return { ok: false, code: "invalid", message, fieldErrors, values };
}

export function toState<D>(outcome: Outcome<D>, values?: Record<string, string>): ActionState<D> {
  if (outcome.ok) {
    const { data, message, version } = outcome as { data?: D; message?: string; version?: number };
    return { ok: true, data, message, version };
  }
  const data = (outcome as { data?: D }).data;
  if (outcome.conflict) return { ok: false, code: "conflict", message: outcome.message, conflict: outcome.conflict, values, data };
  if (outcome.fieldErrors) return { ...invalidState<D>(outcome.fieldErrors, values, outcome.message ?? CHECK_ANSWERS), data };
  return { ok: false, code: "refused", message: outcome.message, values, data };
}

/* For actions that answer a form: (previous state, form data) => next state. Also callable with a plain object. */
export function formAction<S extends z.ZodType, D = undefined>(
  schema: S,
  work: (input: z.output<S>, context: ActionContext) => Outcome<D> | Promise<Outcome<D>>,
) {
  return async (prev: ActionState<D>, input: Input): Promise<ActionState<D>> => {
    const formData = input instanceof FormData ? input : null;
    const raw = formData ? Object.fromEntries(formData) : (input ?? {});
    const values = formData ? formValues(formData) : undefined;
    const attempt = (prev.attempt ?? 0) + 1;
    const session = await currentSession();
    if (!session) return { ok: false, code: "session-ended", message: SESSION_ENDED, values, attempt };
    const parsed = schema.safeParse(raw);
    if (!parsed.success) return { ...invalidState<D>(z.flattenError(parsed.error).fieldErrors as FieldErrors, values), attempt };
    try {
      return { ...toState(await work(parsed.data, { ...session, formData }), values), attempt };
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
      logRefusal(error, session.viewer.id);
      return { ok: false, code: "not-found", message: error.message, values, attempt };
    }
  };
}

/* For actions anyone may call (sign-in, redeeming a link): the same parsing and result, with no viewer. */
export function publicAction<S extends z.ZodType, D = undefined>(schema: S, work: (input: z.output<S>, formData: FormData) => Outcome<D> | Promise<Outcome<D>>) {
  return async (prev: ActionState<D>, formData: FormData): Promise<ActionState<D>> => {
    const values = formValues(formData);
    const attempt = (prev.attempt ?? 0) + 1;
    const parsed = schema.safeParse(Object.fromEntries(formData));
    if (!parsed.success) return { ...invalidState<D>(z.flattenError(parsed.error).fieldErrors as FieldErrors, values), attempt };
    return { ...toState(await work(parsed.data, formData), values), attempt };
  };
}

/* For a bare <form action>, whose page re-renders with the result: the same contract, nothing returned. */
export function plainAction<S extends z.ZodType>(schema: S, work: (input: z.output<S>, context: ActionContext) => Outcome<undefined> | Promise<Outcome<undefined>>) {
  const run = formAction(schema, work);
  return async (formData: FormData): Promise<void> => {
    await run({}, formData);
  };
}
