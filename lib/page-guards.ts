import "server-only";
import { notFound } from "next/navigation";
import { requireViewer, type Viewer } from "@/lib/auth/viewer";
import { NotFoundError } from "@/lib/errors";
import { logRefusal } from "@/lib/log";

/*
 * How pages and route handlers turn a refusal into the 404 page: logged as one
 * info line, never as a server error with a stack trace. The DAL still checks
 * every read against the record; these only decide what the visitor sees.
 */

/* A page only some may open (the admin area): everyone else gets the 404 page. */
export async function requireViewerWho(allowed: (viewer: Viewer) => boolean, what: string): Promise<Viewer> {
  const viewer = await requireViewer();
  if (!allowed(viewer)) refuse(new NotFoundError(what), viewer);
  return viewer;
}

/* Reads a record for a page; a refused or missing one becomes the 404 page. */
export function orNotFound<T>(viewer: Viewer, read: () => T): T {
  try {
    return read();
  } catch (error) {
    if (error instanceof NotFoundError) refuse(error, viewer);
    throw error;
  }
}

function refuse(error: NotFoundError, viewer: Viewer): never {
  logRefusal(error, viewer.id);
  notFound();
}
