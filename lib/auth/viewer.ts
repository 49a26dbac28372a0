import "server-only";
import { headers } from "next/headers";
import { redirect } from "next/navigation";
import { cache } from "react";
import { getViewerById } from "@/lib/dal/people";
import { checkSession, type SessionCheck } from "@/lib/dal/sessions";
import type { Viewer } from "@/lib/domain/viewer";
import { safeReturnPath } from "@/lib/security/return-path";
import { sessionToken } from "./session-token";

export type { Viewer };

type ViewerState = { viewer: Viewer; sessionId: string } | { viewer: null; ended: SessionCheck | null };

/* One check per request, shared by the layout, the page and its components. */
const currentViewer = cache(async (): Promise<ViewerState> => {
  const sid = await sessionToken();
  if (!sid) return { viewer: null, ended: null };
  const check = checkSession(sid);
  if (!check.valid) return { viewer: null, ended: check };
  const viewer = getViewerById(check.personId);
  return viewer ? { viewer, sessionId: sid } : { viewer: null, ended: { valid: false, reason: "deactivated" } };
});

export async function getViewer(): Promise<Viewer | null> {
  return (await currentViewer()).viewer;
}

export { safeReturnPath };

/*
 * For pages: the signed-in viewer, or a redirect to sign-in that returns here.
 * The proxy passes the requested path in x-trellis-path.
 */
export async function requireViewer(): Promise<Viewer> {
  const state = await currentViewer();
  if (state.viewer) return state.viewer;
  const path = safeReturnPath((await headers()).get("x-trellis-path"));
  const params = new URLSearchParams({ callbackUrl: path });
  if (state.ended && !state.ended.valid && state.ended.reason !== "signed-out") params.set("ended", state.ended.reason);
  redirect(`/signin?${params}`);
}

/* For server actions and route handlers: the viewer and their session id, or null. */
export async function currentSession(): Promise<{ viewer: Viewer; sessionId: string } | null> {
  const state = await currentViewer();
  return state.viewer ? state : null;
}
