import fs from "node:fs";
import path from "node:path";
import type { APIRequestContext, APIResponse } from "@playwright/test";

/*
 * Calls a server action the way the browser's fetch does: POST to a page that
 * uses it, with its id from the build's server-reference manifest in the
 * Next-Action header and its arguments as the body, so a test can send any
 * input as any session. An action that reads FormData gets it as the browser
 * encodes one (React's reply format: the arguments in part "0", the form's
 * fields in parts "1_<name>"); a bare <form action> can be sent as the
 * browser's post without JavaScript.
 */
type Manifest = { node: Record<string, { workers: Record<string, unknown>; filename?: string; exportedName?: string }> };

let manifest: Manifest | undefined;
function builtActions(): Manifest["node"] {
  manifest ??= JSON.parse(fs.readFileSync(path.resolve(".next/server/server-reference-manifest.json"), "utf8")) as Manifest;
  return manifest.node;
}

/* "app/(app)/reviews/actions.ts#saveSelfAssessmentAction" for every action in the build. */
export function builtActionKeys(): string[] {
  return Object.values(builtActions()).flatMap((a) => (a.filename && a.exportedName ? [`${a.filename}#${a.exportedName}`] : []));
}

function find(key: string) {
  const [filename, exportedName] = key.split("#");
  const entry = Object.entries(builtActions()).find(([, a]) => a.filename === filename && a.exportedName === exportedName);
  if (!entry) throw new Error(`${key} is not in the build's server-reference manifest`);
  // A page that imports it: its route, any dynamic segment filled in (the action runs before the page would).
  const worker = Object.keys(entry[1].workers).sort((a, b) => Number(a.includes("[")) - Number(b.includes("[")))[0]!;
  const page = `/${worker.replace(/^app\//, "").replace(/\/?page$/, "").split("/").filter((s) => !/^\(.*\)$/.test(s)).map((s) => (s.startsWith("[") ? "x" : s)).join("/")}`;
  return { id: entry[0], page };
}

export type Encoding = "json" | "formdata" | "no-js";

export async function callAction(request: APIRequestContext, baseURL: string, key: string, input: Record<string, unknown>, options: { encoding?: Encoding; headers?: Record<string, string> } = {}): Promise<APIResponse> {
  const { id, page } = find(key);
  const headers = { Origin: baseURL, ...options.headers };
  const fields = input as Record<string, string>;
  if (options.encoding === "no-js") return request.post(page, { headers, multipart: { [`$ACTION_ID_${id}`]: "", ...fields }, maxRedirects: 0 });
  const fetchHeaders = { ...headers, "Next-Action": id, Accept: "text/x-component" };
  if (options.encoding === "formdata") {
    // In the browser's order: the form's fields first, the arguments that refer to them last.
    const body = new FormData();
    for (const [name, value] of Object.entries(fields)) body.append(`_1_${name}`, value);
    body.append("0", JSON.stringify([{}, "$K1"]));
    return request.post(page, { headers: fetchHeaders, multipart: body, maxRedirects: 0 });
  }
  return request.post(page, { headers: { ...fetchHeaders, "Content-Type": "text/plain;charset=UTF-8" }, data: JSON.stringify([{}, input]), maxRedirects: 0 });
}

/* The ActionState in an action's reply: its code, or "ok". */
export function replyCode(body: string): string | null {
  if (/"ok":true/.test(body)) return "ok";
  return body.match(/"code":"([a-z-]+)"/)?.[1] ?? null;
}
