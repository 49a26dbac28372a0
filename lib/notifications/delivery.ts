/*
 * Outbox delivery rules: how long to wait before the next try, when to give
 * up, and which failures are final. Pure, so tests can run the clock.
 */

/* A claimed message must be sent and marked within this; a lease that runs out means the sender stopped mid-send. */
export const LEASE_MS = 2 * 60_000;

/* With the default 30 s first delay this keeps trying for about a day and a half. */
export const MAX_ATTEMPTS = 40;

/* The delay after the `attempts`-th failed try: the base, doubling, capped at 120 times the base. */
export function retryDelayMs(attempts: number, baseMs: number): number {
  return Math.min(baseMs * 2 ** Math.max(0, attempts - 1), baseMs * 120);
}

export type SendFailure = { code?: string; responseCode?: number; message?: string };

/*
 * A 5xx answer about the message or its recipient is final: sending it again
 * gets the same answer. Everything else (no connection, timeouts, 4xx, and a
 * refused login, which an admin can fix) is retried.
 */
export function isPermanentFailure(error: SendFailure): boolean {
  return typeof error.responseCode === "number" && error.responseCode >= 500 && error.code !== "EAUTH";
}

/* The server never answered: no later message will get through either, so the sender waits for the next tick. */
export function isConnectionFailure(error: SendFailure): boolean {
  return error.responseCode === undefined && ["ECONNECTION", "ETIMEDOUT", "ESOCKET", "EDNS", "ECONNREFUSED", "EAUTH", "ETLS"].includes(error.code ?? "");
}

export function describeFailure(error: SendFailure): string {
  const parts = [error.code, error.responseCode, error.message].filter((p) => p !== undefined && p !== "");
  return (parts.join(" ") || "Unknown error").slice(0, 500);
}
