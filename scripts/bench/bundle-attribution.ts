/*
 * Whose bytes a page's first-load JavaScript is: Next.js and React (with the
 * bundler's runtime), other packages, or the app's own modules. Read from the
 * browser source maps of a second build in .next-analyze (TRELLIS_BUNDLE_ANALYSIS=1,
 * see next.config.ts). Each chunk's gzip size is shared out in proportion to
 * the generated characters each source accounts for, so the split is an
 * estimate within a few tenths of a kB; the totals are exact.
 */
import fs from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { SourceMapConsumer, type RawSourceMap } from "source-map-js";

export type Owner = "framework" | "packages" | "app";
export type Attribution = Record<Owner, number> & { appModules: Record<string, number> };

/* Next.js ships React inside next/dist/compiled; turbopack:/// is the bundler's own runtime. */
function ownerOf(source: string): { owner: Owner; module?: string } {
  if (source.includes("node_modules/next/") || source.startsWith("turbopack:///[turbopack]") || /node_modules\/(react|react-dom|scheduler)\//.test(source)) return { owner: "framework" };
  if (source.includes("node_modules/")) return { owner: "packages" };
  return { owner: "app", module: source.replace(/^.*?\/\/\/?(\[project\]\/)?/, "") };
}

/* Generated characters per source, from the chunk's (possibly sectioned) source map. */
function charactersBySource(code: string, map: RawSourceMap & { sections?: { offset: { line: number; column: number }; map: RawSourceMap }[] }) {
  const lines = code.split("\n");
  const counts = new Map<string, number>();
  const sections = map.sections ?? [{ offset: { line: 0, column: 0 }, map }];
  for (const section of sections) {
    let previous: { line: number; column: number; source: string } | null = null;
    const close = (line: number, column: number) => {
      if (!previous) return;
      const end = previous.line === line ? column : (lines[previous.line]?.length ?? previous.column);
      counts.set(previous.source, (counts.get(previous.source) ?? 0) + Math.max(0, end - previous.column));
    };
    new SourceMapConsumer(section.map).eachMapping((m) => {
      const line = m.generatedLine - 1 + section.offset.line;
      const column = m.generatedColumn + (m.generatedLine === 1 ? section.offset.column : 0);
      close(line, column);
      previous = { line, column, source: m.source ?? "" };
    });
    if (previous) close(-1, 0);
  }
  return counts;
}

const cache = new Map<string, Attribution>();

/* One chunk's gzip bytes by owner; a chunk without a map counts as the framework's (Next's own polyfills and runtime). */
export function attributeChunk(distDir: string, file: string): Attribution {
  if (cache.has(file)) return cache.get(file)!;
  const code = fs.readFileSync(path.join(distDir, file), "utf8");
  const gzip = zlib.gzipSync(code).length;
  const result: Attribution = { framework: 0, packages: 0, app: 0, appModules: {} };
  const mapName = code.match(/sourceMappingURL=(\S+)\s*$/)?.[1];
  const mapFile = mapName ? path.join(distDir, path.dirname(file), mapName) : null;
  if (!mapFile || !fs.existsSync(mapFile)) {
    result.framework = gzip;
  } else {
    const counts = charactersBySource(code, JSON.parse(fs.readFileSync(mapFile, "utf8")));
    const total = [...counts.values()].reduce((a, b) => a + b, 0) || 1;
    for (const [source, characters] of counts) {
      const share = (gzip * characters) / total;
      const { owner, module } = ownerOf(source);
      result[owner] += share;
      if (module) result.appModules[module] = (result.appModules[module] ?? 0) + share;
    }
  }
  cache.set(file, result);
  return result;
}

export function attributeFiles(distDir: string, files: string[]): Attribution {
  const sum: Attribution = { framework: 0, packages: 0, app: 0, appModules: {} };
  for (const file of files) {
    const one = attributeChunk(distDir, file);
    sum.framework += one.framework;
    sum.packages += one.packages;
    sum.app += one.app;
    for (const [m, n] of Object.entries(one.appModules)) sum.appModules[m] = (sum.appModules[m] ?? 0) + n;
  }
  return sum;
}
