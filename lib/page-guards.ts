import "server-only";
import { notFound } from "next/navigation";
import { currentSession, requireViewer, type Viewer } from "@/lib/auth/viewer";
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

/* ---------- Route handlers ---------- */

const NOT_FOUND_HEADERS = { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "private, no-store" };

/*
 * Runs a route handler for the signed-in viewer. No session, or a refused or
 * missing record, answers the same 404 (with `extraHeaders`, e.g. a download's
 * sandbox policy), logged as one info line.
 */
export async function routeAs(run: (viewer: Viewer) => Response | Promise<Response>, extraHeaders: Record<string, string> = {}): Promise<Response> {
  const notFound = () => new Response("Not found", { status: 404, headers: { ...NOT_FOUND_HEADERS, ...extraHeaders } });
  const session = await currentSession();
  if (!session) return notFound();
  try {
    return await run(session.viewer);
  } catch (error) {
    if (!(error instanceof NotFoundError)) throw error;
    logRefusal(error, session.viewer.id);
    return notFound();
  }
}

/*
 * A file to save rather than show. The name is given twice (RFC 6266): an
 * ASCII one every browser reads, and the exact UTF-8 one for those that can,
 * so "Zoë Łukasz" survives where browsers allow it.
 */
export function fileDownload(filename: string, body: BodyInit, contentType: string): Response {
  const ascii = filename.normalize("NFKD").replace(/[\u0300-\u036f]/g, "").replace(/[^\x20-\x7e]|["\\]/g, "_");
  return new Response(body, {
    headers: {
      "Content-Type": contentType,
      "Content-Disposition": `attachment; filename="${ascii}"; filename*=UTF-8''${encodeURIComponent(filename)}`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}

/* A CSV download. The byte-order mark tells spreadsheet apps the file is UTF-8, so names with accents open intact. */
export function csvDownload(filename: string, csv: string): Response {
  return new Response("\uFEFF" + csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
