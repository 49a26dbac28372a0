/*
 * npm run bench:pages [-- --duration 10 --large data/large.db --rebuild]
 *
 * Drives each page of the production build with autocannon (10 connections)
 * against the demo org and the large org in one run, signed in through the
 * real sign-in endpoint. Prints and records requests per second, p50 and p99
 * latency, throughput against the baseline page and against the page's own
 * HTML served by a bare Node server, and each page's slowdown from demo to
 * large. Results: bench/results/pages.json and BENCHMARKS.md.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import Database from "better-sqlite3";
import { DEMO_PASSWORD } from "@/db/seed/demo-people";
import { load } from "./load";
import { PAGES, type PageSpec } from "./page-list";
import { writePagesReport } from "./pages-report";
import { machineInfo } from "./report";
import { ensureBuild, signIn, startServer } from "./server";
import { prepareOrgs, type Target } from "./orgs";
import { startStaticServer } from "./static";
import type { Role, TargetResult } from "./types";

const { values } = parseArgs({
  options: {
    duration: { type: "string", default: "10" },
    connections: { type: "string", default: "10" },
    large: { type: "string", default: path.join("data", "large.db") },
    "large-people": { type: "string", default: "10000" },
    rebuild: { type: "boolean", default: false },
    only: { type: "string" },
  },
});
const DURATION = Number(values.duration);
const CONNECTIONS = Number(values.connections);
/* Demo and large org side by side; the bare static server. (3105-3109 are this benchmark's.) */
const APP_PORTS = [3105, 3107];
const STATIC_PORT = 3106;
const WORK = path.join(process.cwd(), "bench", ".data");


/* Lookups for page paths (ids of the records a page shows), in the target's database. */
function lookups(target: Target) {
  const sqlite = new Database(target.databasePath, { readonly: true });
  const one = (sql: string, ...params: unknown[]) => {
    const row = sqlite.prepare(sql).raw().get(...params) as unknown[] | undefined;
    if (!row) throw new Error(`No row for ${sql}`);
    return String(row[0]);
  };
  const person = (role: Role) => one("select id from people where email = ?", target.accounts[role]);
  const people = Number(one("select count(*) from people where active = 1"));
  return { one, person, people, close: () => sqlite.close() };
}

type Running = { target: Target; origin: string; stop: () => Promise<void>; cookies: Map<Role, string>; urls: Map<string, string | null>; people: number; htmlDir: string; result: TargetResult };

/* Starts one org's server (each on its own port) and signs in its accounts. */
async function open(target: Target, port: number, pages: PageSpec[]): Promise<Running> {
  const db = lookups(target);
  const urls = new Map(pages.map((p) => [p.key, p.path ? p.path(db) : null]));
  db.close();
  console.log(`${target.label}: ${db.people} active people (${target.databasePath})`);
  const server = await startServer(port, { dataDir: path.dirname(target.databasePath), databasePath: target.databasePath });
  const cookies = new Map<Role, string>();
  for (const role of new Set(pages.map((p) => p.as))) cookies.set(role, await signIn(server.origin, target.accounts[role], DEMO_PASSWORD));
  const htmlDir = path.join(WORK, target.key, "html");
  fs.mkdirSync(htmlDir, { recursive: true });
  return { target, origin: server.origin, stop: server.stop, cookies, urls, people: db.people, htmlDir, result: { key: target.key, label: target.label, people: db.people, pages: [], skipped: [] } };
}

/*
 * Both orgs' servers run side by side, idle but for the one under load, and
 * each page is driven on one right after the other: load from elsewhere on
 * the machine then weighs on both figures alike, so the slowdown between them
 * holds up better than two runs minutes apart.
 */
async function benchOrgs(targets: Target[]): Promise<TargetResult[]> {
  const pages = PAGES.filter((p) => !values.only || p.key === "baseline" || values.only.split(",").includes(p.key));
  const running: Running[] = [];
  try {
    for (const [i, target] of targets.entries()) running.push(await open(target, APP_PORTS[i]!, pages));
    for (const page of pages) {
      for (const org of running) {
        const url = org.urls.get(page.key);
        if (!url) {
          console.log(`  ${page.label} (${org.target.label}): skipped (${page.note})`);
          org.result.skipped.push({ key: page.key, label: page.label, note: page.note ?? "" });
          continue;
        }
        const cookie = org.cookies.get(page.as)!;
        const html = await fetchPage(org.origin + url, cookie, page);
        fs.writeFileSync(path.join(org.htmlDir, `${page.key}.html`), html);
        const result = await load(org.origin + url, { cookie, connections: CONNECTIONS, duration: DURATION });
        org.result.pages.push({ ...result, key: page.key, label: page.label, path: url, bytes: Buffer.byteLength(html), static: null });
        console.log(`  ${`${page.label} (${org.target.key})`.padEnd(42)} ${result.requestsPerSecond.toFixed(1).padStart(8)} req/s  p50 ${String(result.p50).padStart(4)} ms  p99 ${String(result.p99).padStart(4)} ms`);
      }
    }
  } finally {
    for (const org of running) await org.stop();
  }
  // Each page's own HTML from a bare Node server, with the app servers stopped.
  for (const org of running) {
    const staticServer = await startStaticServer(STATIC_PORT, org.htmlDir);
    try {
      for (const r of org.result.pages) {
        r.static = await load(`${staticServer.origin}/${r.key}`, { connections: CONNECTIONS, duration: Math.max(2, DURATION / 2) });
        console.log(`  static ${`${r.key} (${org.target.key})`.padEnd(35)} ${r.static.requestsPerSecond.toFixed(1).padStart(8)} req/s  (page at ${(r.requestsPerSecond / r.static.requestsPerSecond).toFixed(3)}x)`);
      }
    } finally {
      await staticServer.stop();
    }
  }
  return running.map((org) => org.result);
}

/* One request first: the page must answer 200 signed in (not the sign-in page or a 404), or its figures mean nothing. */
async function fetchPage(url: string, cookie: string, page: PageSpec) {
  const response = await fetch(url, { headers: { Cookie: cookie }, redirect: "manual" });
  const html = await response.text();
  if (response.status !== 200 || !html.includes('data-testid="signed-in-as"')) throw new Error(`${page.label}: ${url} answered ${response.status} ${response.headers.get("location") ?? ""}`);
  return html;
}

async function main() {
  const machine = machineInfo();
  await ensureBuild(values.rebuild!);
  const targets = prepareOrgs(WORK, { largeSource: values.large!, largePeople: values["large-people"]! });
  const results = await benchOrgs(targets);
  const written = writePagesReport({ machine, connections: CONNECTIONS, duration: DURATION, results });
  console.log(`\n${written.summary}\nWrote ${written.json} and BENCHMARKS.md.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
