/*
 * One result shape from the data-access layer up to the form. The DAL returns
 * a Result; the action wrapper (lib/action.ts) turns it into the ActionState a
 * form renders. Both are plain data, safe to send to the browser.
 */
export type FieldErrors = Partial<Record<string, string[]>>;

/* The other side of a lost race: the version that is now saved, and its content where the form can show it. */
export type Conflict<C = unknown> = { version: number; current?: C };

export type Failure = { ok: false; message?: string; fieldErrors?: FieldErrors; conflict?: Conflict };
export type Result<T = void> = { ok: true; value: T } | Failure;

export const success = <T>(value: T): Result<T> => ({ ok: true, value });
export const done: Result<void> = { ok: true, value: undefined };
export const fieldError = (field: string, message: string): Failure => ({ ok: false, fieldErrors: { [field]: [message] } });
export const refused = (message: string): Failure => ({ ok: false, message });
export const conflicted = <C>(version: number, current?: C, message = "Someone else saved this while you were editing."): Failure => ({ ok: false, message, conflict: { version, current } });

/*
 * Why an action did not do its work. "not-found" covers records the viewer may
 * not see, so refusals cannot be told from missing records.
 */
export type ActionErrorCode = "session-ended" | "invalid" | "not-found" | "conflict" | "refused";

export type ActionState<D = undefined> = {
  ok?: boolean;
  code?: ActionErrorCode;
  message?: string;
  fieldErrors?: FieldErrors;
  /* The text the user sent, echoed back on failure so nothing typed is lost. */
  values?: Record<string, string>;
  /* What a success hands back to the form (a new id, a link to copy). */
  data?: D;
  /* After a save: the record's new version, for the next save. */
  version?: number;
  conflict?: Conflict;
  /* Counts submissions, so a form can reset or refocus after each one. */
  attempt?: number;
};
