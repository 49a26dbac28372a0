import "server-only";
import type { NotFoundError } from "@/lib/errors";

/*
 * A refused or missing record is an everyday event, not a fault: one line at
 * info level, no stack trace, so real errors stand out in the server log.
 */
export function logRefusal(error: NotFoundError, viewerId: string | null, where?: string) {
  console.info(`[trellis] refused: ${error.what}${where ? ` at ${where}` : ""} for ${viewerId ?? "signed-out visitor"}`);
}
