import "server-only";
import { notFound } from "next/navigation";
import { NotFoundError } from "@/lib/errors";
import { logRefusal } from "@/lib/log";

/* For pages: a DAL read whose refusal (or missing record) renders the 404 page, logged as one quiet line. */
export function readOrNotFound<T>(viewerId: string, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    logRefusal(error, viewerId);
    notFound();
  }
}
