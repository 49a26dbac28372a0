import type { PageResult, TargetResult } from "./types";
import { machineLine, table, writeJson, writeSection, type machineInfo } from "./report";

/* The page benchmark's figures: ratios, targets, the JSON file and the BENCHMARKS.md section. */
type Run = { machine: ReturnType<typeof machineInfo>; connections: number; duration: number; results: TargetResult[] };

const TARGETS = { slowdown: 1.25, staticFramework: 0.25, staticAny: 0.1, baseline: 0.5, p99: 100 };
const STATIC_BOUND = new Set(["framework", "compare"]);

function ratios(target: TargetResult, page: PageResult) {
  const baseline = target.pages.find((p) => p.key === "baseline");
  return {
    vsBaseline: baseline ? page.requestsPerSecond / baseline.requestsPerSecond : null,
    vsStatic: page.static ? page.requestsPerSecond / page.static.requestsPerSecond : null,
  };
}

export function writePagesReport(run: Run) {
  const [demo, large] = run.results as [TargetResult, TargetResult | undefined];
  const keys = demo.pages.map((p) => p.key);
  const slowdown = Object.fromEntries(
    keys.map((key) => {
      const a = demo.pages.find((p) => p.key === key)!;
      const b = large?.pages.find((p) => p.key === key);
      return [key, b ? a.requestsPerSecond / b.requestsPerSecond : null];
    }),
  );
  const misses: string[] = [];
  for (const target of run.results) {
    for (const page of target.pages) {
      const r = ratios(target, page);
      const where = `${page.label} (${target.label})`;
      if (page.p99 >= TARGETS.p99) misses.push(`${where}: p99 ${page.p99} ms (target < ${TARGETS.p99} ms)`);
      if (r.vsStatic !== null && r.vsStatic < (STATIC_BOUND.has(page.key) ? TARGETS.staticFramework : TARGETS.staticAny)) misses.push(`${where}: ${r.vsStatic.toFixed(3)}x its static HTML (target ${STATIC_BOUND.has(page.key) ? TARGETS.staticFramework : TARGETS.staticAny}x)`);
      if (page.key !== "baseline" && r.vsBaseline !== null && r.vsBaseline < TARGETS.baseline) misses.push(`${where}: ${r.vsBaseline.toFixed(2)}x the baseline (target ${TARGETS.baseline}x)`);
    }
  }
  for (const [key, s] of Object.entries(slowdown)) if (s !== null && s > TARGETS.slowdown) misses.push(`${demo.pages.find((p) => p.key === key)!.label}: ${s.toFixed(2)}x slower in the large org (target ${TARGETS.slowdown}x)`);

  const json = writeJson("pages", {
    generatedAt: new Date().toISOString(),
    machine: run.machine,
    connections: run.connections,
    durationSeconds: run.duration,
    targets: TARGETS,
    orgs: run.results.map((t) => ({ ...t, pages: t.pages.map((p) => ({ ...p, ...ratios(t, p) })) })),
    slowdown,
    misses,
  });

  const fmt = (n: number | null | undefined, digits = 2) => (n === null || n === undefined ? "–" : n.toFixed(digits));
  const cells = (t: TargetResult | undefined, key: string) => {
    const p = t?.pages.find((q) => q.key === key);
    if (!t || !p) return ["–", "–", "–", "–", "–"];
    const r = ratios(t, p);
    return [p.requestsPerSecond.toFixed(1), `${p.p50} / ${p.p99}`, key === "baseline" ? "1" : fmt(r.vsBaseline), fmt(r.vsStatic, 3), p.static ? p.static.requestsPerSecond.toFixed(0) : "–"];
  };
  const rows = demo.pages.map((p) => [`${p.label}<br>\`${p.path.replace(/[0-9a-f-]{36}/, ":id")}\``, ...cells(demo, p.key), ...cells(large, p.key), fmt(slowdown[p.key])]);
  for (const s of demo.skipped) rows.push([`${s.label}`, `skipped: ${s.note}`, "", "", "", "", "", "", "", "", "", ""]);
  const header = ["page", "demo req/s", "p50 / p99 ms", "x baseline", "x static", "static req/s", "large req/s", "p50 / p99 ms", "x baseline", "x static", "static req/s", "slowdown"];
  const markdown = [
    "## Pages under load (`npm run bench:pages`)",
    "",
    `Measured ${new Date().toISOString().slice(0, 16).replace("T", " ")} UTC on ${machineLine(run.machine)}. autocannon at ${run.connections} connections for ${run.duration} s per page (after 2 s of warm-up), load generator on the same machine; \`next start\` (production build) on 127.0.0.1. Orgs: demo (${demo.people} active people) and large (${large?.people ?? "–"}).`,
    "",
    "*x baseline*: the page's requests per second over the baseline page's (the signed-in shell with static text, `/about`). *x static*: over the same page's HTML served from memory by a bare Node `http` server in the same run. *slowdown*: demo req/s over large req/s. Calibration is Priya's org (11 people) in the demo and a manager of about 100 in the large org.",
    "",
    table(header, rows),
    "",
    misses.length ? `Targets missed in this run (${misses.length}):\n\n${misses.map((m) => `- ${m}`).join("\n")}` : "Every target met in this run.",
    "",
    "Reproduce: `npm run seed:large -- --people 10000` (once; 10,000 people into `data/large.db`), then `npm run bench:pages` (add `-- --rebuild` after changing code; `--duration 20` for steadier figures). JSON: `bench/results/pages.json`.",
  ].join("\n");
  writeSection("bench:pages", markdown);
  const summary = [`Slowdown demo -> large: ${Object.entries(slowdown).map(([k, s]) => `${k} ${fmt(s)}x`).join(", ")}`, misses.length ? `Targets missed:\n  ${misses.join("\n  ")}` : "All targets met."].join("\n");
  return { json, summary };
}
