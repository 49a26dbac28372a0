import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext } from "@playwright/test";

/*
 * Calling a server action directly, as a crafted request would: its id comes
 * from the build's server-reference manifest (file and export name), and its
 * arguments go as the JSON the client would send.
 */
type Manifest = { node: Record<string, { filename?: string; exportedName?: string; workers: Record<string, unknown> }> };

/*
 * The action's id, and the path of a page that uses it (the server runs an
 * action only for a page whose bundle holds it), with `params` filling the
 * dynamic segments: { version: "3" } turns [version] into 3.
 */
export function findAction(filename: string, exportedName: string, params: Record<string, string> = {}): { id: string; path: string } {
  const manifest = JSON.parse(fs.readFileSync(path.resolve(".next", "server", "server-reference-manifest.json"), "utf8")) as Manifest;
  const entry = Object.entries(manifest.node).find(([, v]) => v.filename === filename && v.exportedName === exportedName);
  if (!entry) throw new Error(`No server action ${exportedName} in ${filename}`);
  const page = Object.keys(entry[1].workers).find((w) => w.endsWith("/page"));
  if (!page) throw new Error(`No page uses ${exportedName}`);
  const route = page
    .replace(/^app/, "")
    .replace(/\/page$/, "")
    .replace(/\/\([^)]+\)/g, "")
    .replace(/\[([^\]]+)\]/g, (_, name: string) => params[name] ?? name);
  return { id: entry[0], path: route || "/" };
}

/* Posts (previous state, input) to the action as the page at its path would, and answers the response's text. */
export async function callAction(request: APIRequestContext, action: { id: string; path: string }, input: Record<string, unknown>): Promise<string> {
  const response = await request.post(action.path, {
    headers: { "next-action": action.id, "content-type": "text/plain;charset=UTF-8", accept: "text/x-component" },
    data: JSON.stringify([{}, input]),
    maxRedirects: 0,
  });
  return response.text();
}
