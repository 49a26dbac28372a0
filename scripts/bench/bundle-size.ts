/*
 * npm run bench:bundle [-- --check]
 *
 * First-load JavaScript per page, gzipped, from the production build in
 * .next: the root main files every page loads, plus the client chunks of the
 * page's segments (layouts, error and not-found boundaries, the page), from
 * each page's client reference manifest. The nomodule polyfills are left out
 * (modern browsers skip them). Read-only pages have a budget of 130 kB;
 * --check exits non-zero when one is over. Writes bench/results/bundle.json
 * and a BENCHMARKS.md section.
 *
 * --attribute also builds a source-mapped copy (.next-analyze) and splits each
 * page's bytes between Next.js with React and the app's own modules.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { spawnSync } from "node:child_process";
import { attributeFiles, type Attribution } from "./bundle-attribution";
import { machineLine, table, writeJson, writeSection } from "./report";

const NEXT = path.join(process.cwd(), ".next");
const ANALYSIS = path.join(process.cwd(), ".next-analyze");
const BUDGET_KB = 130;
/* Pages that only show data (forms on them, if any, are small and load with the shell). */
const READ_ONLY = new Set(["/", "/about", "/framework", "/framework/compare", "/framework/next", "/reviews", "/reviews/team", "/reviews/calibration", "/reviews/history/[personId]", "/stipend", "/stipend/team", "/evidence", "/people/[id]", "/admin/audit", "/admin/org"]);

type Page = { route: string; files: string[]; rawKb: number; gzipKb: number; brotliKb: number; readOnly: boolean; overBudget: boolean; frameworkKb?: number; appKb?: number; appModules?: Record<string, number> };

function manifests(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return manifests(full);
    return entry.name === "page_client-reference-manifest.js" ? [full] : [];
  });
}

/* Each page's first-load files in one build directory, by route. */
function firstLoadFiles(distDir: string): Map<string, string[]> {
  const build = JSON.parse(fs.readFileSync(path.join(distDir, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  return new Map(manifests(path.join(distDir, "server", "app")).map(readManifest).map(({ route, files }) => [route, [...new Set([...build.rootMainFiles, ...files])]]));
}

/* The source-mapped build's split of each page, scaled to the real build's gzip total. */
function attribute(pages: Page[]) {
  console.log("Building a source-mapped copy into .next-analyze (next build) ...");
  // next build writes its dist directory into tsconfig.json and next-env.d.ts; both are put back afterwards.
  const kept = ["tsconfig.json", "next-env.d.ts"].filter((f) => fs.existsSync(f)).map((f) => [f, fs.readFileSync(f)] as const);
  const built = spawnSync(process.execPath, [path.join("node_modules", "next", "dist", "bin", "next"), "build"], { env: { ...process.env, TRELLIS_BUNDLE_ANALYSIS: "1", NEXT_TELEMETRY_DISABLED: "1" }, stdio: ["ignore", "ignore", "inherit"] });
  for (const [file, bytes] of kept) fs.writeFileSync(file, bytes);
  if (built.status !== 0) throw new Error("The source-mapped build failed.");
  const analysed = firstLoadFiles(ANALYSIS);
  for (const page of pages) {
    const files = analysed.get(page.route);
    if (!files) continue;
    const split: Attribution = attributeFiles(ANALYSIS, files);
    const scale = page.gzipKb / ((split.framework + split.packages + split.app) / 1024);
    page.frameworkKb = (split.framework / 1024) * scale;
    page.appKb = ((split.app + split.packages) / 1024) * scale;
    page.appModules = Object.fromEntries(Object.entries(split.appModules).map(([m, n]) => [m, Number(((n / 1024) * scale).toFixed(2))]).sort((a, b) => Number(b[1]) - Number(a[1])));
  }
}

function readManifest(manifestFile: string): { route: string; files: string[] } {
  const scope = { __RSC_MANIFEST: {} as Record<string, { entryJSFiles: Record<string, string[]> }> };
  new Function("globalThis", fs.readFileSync(manifestFile, "utf8"))(scope);
  const [key, manifest] = Object.entries(scope.__RSC_MANIFEST)[0]!;
  // "/(app)/framework/page" -> "/framework": route groups are not part of the URL.
  const route = key.replace(/\/page$/, "").replace(/\/\([^)]+\)/g, "") || "/";
  return { route, files: [...new Set(Object.values(manifest.entryJSFiles).flat())] };
}

const sizes = new Map<string, { raw: number; gzip: number; brotli: number }>();
function sizeOf(file: string) {
  if (!sizes.has(file)) {
    const bytes = fs.readFileSync(path.join(NEXT, file));
    sizes.set(file, { raw: bytes.length, gzip: zlib.gzipSync(bytes).length, brotli: zlib.brotliCompressSync(bytes).length });
  }
  return sizes.get(file)!;
}

const kb = (n: number | undefined) => (n === undefined ? "" : `${n.toFixed(1)} kB`);

function main() {
  if (!fs.existsSync(path.join(NEXT, "BUILD_ID"))) throw new Error("No production build in .next: run `npm run build` first.");
  const build = JSON.parse(fs.readFileSync(path.join(NEXT, "build-manifest.json"), "utf8")) as { rootMainFiles: string[] };
  const pages: Page[] = manifests(path.join(NEXT, "server", "app"))
    .map(readManifest)
    .filter((p) => !p.route.startsWith("/_"))
    .map(({ route, files }) => {
      const all = [...new Set([...build.rootMainFiles, ...files])];
      const total = all.map(sizeOf).reduce((a, b) => ({ raw: a.raw + b.raw, gzip: a.gzip + b.gzip, brotli: a.brotli + b.brotli }), { raw: 0, gzip: 0, brotli: 0 });
      const readOnly = READ_ONLY.has(route);
      return { route, files: all, rawKb: total.raw / 1024, gzipKb: total.gzip / 1024, brotliKb: total.brotli / 1024, readOnly, overBudget: readOnly && total.gzip / 1024 > BUDGET_KB };
    })
    .sort((a, b) => Number(b.readOnly) - Number(a.readOnly) || a.route.localeCompare(b.route));

  const attributed = process.argv.includes("--attribute");
  if (attributed) attribute(pages);
  const shared = build.rootMainFiles.map(sizeOf).reduce((a, b) => a + b.gzip, 0) / 1024;
  const sharedBrotli = build.rootMainFiles.map(sizeOf).reduce((a, b) => a + b.brotli, 0) / 1024;
  for (const p of pages) console.log(`${p.route.padEnd(32)} ${p.gzipKb.toFixed(1).padStart(7)} kB gzip  ${p.rawKb.toFixed(1).padStart(7)} kB raw  ${attributed ? `Next.js + React ${kb(p.frameworkKb)}, the app's own ${kb(p.appKb)}  ` : ""}${p.readOnly ? (p.overBudget ? "OVER BUDGET" : "read-only, within budget") : ""}`);
  const json = writeJson("bundle", { generatedAt: new Date().toISOString(), budgetKb: BUDGET_KB, sharedGzipKb: shared, sharedBrotliKb: sharedBrotli, pages });
  const over = pages.filter((p) => p.overBudget);
  writeSection(
    "bench:bundle",
    [
      "## First-load JavaScript (`npm run bench:bundle`)",
      "",
      `From the production build (${machineLine()}), gzip at the default level. First load is the root main files every page loads (${shared.toFixed(1)} kB of it) plus the client chunks of the page's layouts, boundaries and the page itself, from each page's client reference manifest; the nomodule polyfills are left out. Budget for read-only pages: ${BUDGET_KB} kB gzip. The root main files are Next.js and React themselves (${sharedBrotli.toFixed(1)} kB with brotli, which next start does not serve but a reverse proxy can).`,
      "",
      attributed
        ? `*Next.js + React* and *the app's own* split each page's gzip bytes by the browser source maps of a second, source-mapped build (\`--attribute\`): Next.js, React and the bundler's runtime against the app's modules (and the few packages they import). The split shares each chunk's gzip size out by generated characters, so it is an estimate to a few tenths of a kB.`
        : "",
      "",
      table(
        ["page", "read-only", "first-load JS, gzip", ...(attributed ? ["Next.js + React", "the app's own"] : []), "brotli", "raw", "budget"],
        pages.map((p) => [`\`${p.route}\``, p.readOnly ? "yes" : "", `${p.gzipKb.toFixed(1)} kB`, ...(attributed ? [kb(p.frameworkKb), kb(p.appKb)] : []), `${p.brotliKb.toFixed(1)} kB`, `${p.rawKb.toFixed(1)} kB`, p.readOnly ? (p.overBudget ? "**over**" : "ok") : ""]),
      ),
      "",
      over.length ? `Over budget: ${over.map((p) => `\`${p.route}\``).join(", ")}.` : `Every read-only page is within ${BUDGET_KB} kB.`,
      "",
      "Reproduce: `npm run build && npm run bench:bundle -- --attribute` (`--check` exits 1 when a read-only page is over budget; without `--attribute` there is no second build and no split). JSON: `bench/results/bundle.json`.",
    ].join("\n"),
  );
  console.log(`\nShared by every page: ${shared.toFixed(1)} kB gzip. Wrote ${json} and BENCHMARKS.md.`);
  if (process.argv.includes("--check") && over.length) process.exit(1);
}

main();
