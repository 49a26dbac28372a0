/*
 * npm run bench:lighthouse [-- --rebuild]
 *
 * Lighthouse 12.2.3 (the last release that runs on Node 20) with Debian's
 * Chromium against the production build and the demo org, signed in: the
 * main pages, desktop and mobile, performance and accessibility. Writes
 * bench/results/lighthouse.json and a BENCHMARKS.md section.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { spawnSync } from "node:child_process";
import { DEMO_PASSWORD } from "@/db/seed/demo-people";
import { DEMO_ACCOUNTS, prepareDemo } from "./orgs";
import { machineLine, table, writeJson, writeSection } from "./report";
import { ensureBuild, signIn, startServer } from "./server";
import type { Role } from "./types";

const { values } = parseArgs({ options: { rebuild: { type: "boolean", default: false }, chromium: { type: "string", default: process.env.CHROMIUM_PATH ?? "/usr/bin/chromium" } } });
const PORT = 3107;
const PAGES: { label: string; path: string; as: Role | null }[] = [
  { label: "Sign in", path: "/signin", as: null },
  { label: "Needs my action", path: "/", as: "engineer" },
  { label: "Framework", path: "/framework", as: "engineer" },
  { label: "Compare levels", path: "/framework/compare", as: "engineer" },
  { label: "Reviews", path: "/reviews", as: "engineer" },
  { label: "Stipend", path: "/stipend", as: "engineer" },
  { label: "Evidence log", path: "/evidence", as: "engineer" },
  { label: "Team reviews", path: "/reviews/team", as: "manager" },
  { label: "Calibration", path: "/reviews/calibration", as: "manager" },
];
const FORM_FACTORS = ["desktop", "mobile"] as const;

type Score = { performance: number; accessibility: number; failing: string[]; lcpMs: number; tbtMs: number; cls: number };

async function main() {
  await ensureBuild(values.rebuild!);
  const dir = path.join(process.cwd(), "bench", ".data", "lighthouse");
  const databasePath = prepareDemo(dir);
  const server = await startServer(PORT, { dataDir: dir, databasePath });
  const results: { label: string; path: string; scores: Record<(typeof FORM_FACTORS)[number], Score> }[] = [];
  try {
    const cookies = new Map<Role, string>();
    for (const page of PAGES) if (page.as && !cookies.has(page.as)) cookies.set(page.as, await signIn(server.origin, DEMO_ACCOUNTS[page.as], DEMO_PASSWORD));
    const jobs = PAGES.flatMap((page) => FORM_FACTORS.map((formFactor) => ({ url: server.origin + page.path, cookie: page.as ? cookies.get(page.as) : null, formFactor })));
    const run = spawnSync(process.execPath, [path.join("scripts", "bench", "lighthouse-run.mjs")], { input: JSON.stringify({ chromium: values.chromium, jobs }), stdio: ["pipe", "pipe", "inherit"], maxBuffer: 64 * 1024 * 1024 });
    if (run.status !== 0) throw new Error("Lighthouse failed");
    const scores = JSON.parse(run.stdout.toString()) as (Score & { finalUrl: string; runtimeError: string | null })[];
    PAGES.forEach((page, i) => {
      const [desktop, mobile] = [scores[2 * i]!, scores[2 * i + 1]!];
      for (const [formFactor, s] of [["desktop", desktop], ["mobile", mobile]] as const) {
        if (s.runtimeError) throw new Error(`${page.path} (${formFactor}): ${s.runtimeError}`);
        if (page.as && s.finalUrl.includes("/signin")) throw new Error(`${page.path}: Lighthouse was sent to sign-in`);
        console.log(`${page.label.padEnd(18)} ${formFactor.padEnd(8)} performance ${s.performance}  accessibility ${s.accessibility}  LCP ${s.lcpMs} ms  TBT ${s.tbtMs} ms${s.failing.length ? `  failing: ${s.failing.join(", ")}` : ""}`);
      }
      results.push({ label: page.label, path: page.path, scores: { desktop, mobile } });
    });
  } finally {
    await server.stop();
  }
  const json = writeJson("lighthouse", { generatedAt: new Date().toISOString(), lighthouse: "12.2.3", results });
  const cell = (s: Score) => `${s.performance} / ${s.accessibility}`;
  const misses = results.flatMap((r) => FORM_FACTORS.flatMap((f) => [...(r.scores[f].performance < 95 ? [`${r.label} (${f}): performance ${r.scores[f].performance}`] : []), ...(r.scores[f].accessibility < 100 ? [`${r.label} (${f}): accessibility ${r.scores[f].accessibility} (${r.scores[f].failing.join(", ")})`] : [])]));
  writeSection(
    "bench:lighthouse",
    [
      "## Lighthouse (`npm run bench:lighthouse`)",
      "",
      `Lighthouse 12.2.3 with Debian's Chromium (headless), against \`next start\` and the demo org, signed in as Jordan (engineer) or Sam (manager). ${machineLine()}. Mobile is Lighthouse's default (simulated slow 4G, 4x CPU slowdown); desktop its desktop preset. Scores are performance / accessibility; targets 95 / 100.`,
      "",
      table(["page", "desktop", "mobile", "LCP desktop / mobile", "TBT desktop / mobile"], results.map((r) => [`${r.label} \`${r.path}\``, cell(r.scores.desktop), cell(r.scores.mobile), `${r.scores.desktop.lcpMs} / ${r.scores.mobile.lcpMs} ms`, `${r.scores.desktop.tbtMs} / ${r.scores.mobile.tbtMs} ms`])),
      "",
      misses.length ? `Below target in this run:\n\n${misses.map((m) => `- ${m}`).join("\n")}` : "Every page meets both targets in this run.",
      "",
      "Reproduce: `npm run bench:lighthouse` (Chromium at /usr/bin/chromium, or CHROMIUM_PATH). JSON: `bench/results/lighthouse.json`.",
    ].join("\n"),
  );
  console.log(`Wrote ${json} and BENCHMARKS.md.`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
