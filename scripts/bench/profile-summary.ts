import fs from "node:fs";
import { fileURLToPath } from "node:url";

/* A V8 CPU profile summed by category and by function, for bench:profile. */
type Node = { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] };
export type CpuProfile = { nodes: Node[]; samples: number[]; timeDeltas: number[] };

const DAL_FUNCTIONS = /^(get|all|values|run|_prepare|prepare|execute)$/;

/* The build bundles drizzle into the server chunks: a chunk counts as the DAL's when it holds drizzle's modules. */
const holdsDrizzle = new Map<string, boolean>();
function bundlesDrizzle(url: string) {
  if (!holdsDrizzle.has(url)) {
    let text = "";
    try {
      text = fs.readFileSync(url.startsWith("file:") ? fileURLToPath(url) : url, "utf8");
    } catch {
      // Not a file (node: internals, native frames).
    }
    holdsDrizzle.set(url, text.includes("node_modules/drizzle-orm/"));
  }
  return holdsDrizzle.get(url)!;
}

function category(chain: Node[]): string {
  for (const node of chain) {
    const { url, functionName } = node.callFrame;
    if (url.includes("better-sqlite3") || (DAL_FUNCTIONS.test(functionName) && (url.includes("drizzle") || bundlesDrizzle(url)))) return "DAL: drizzle and SQLite";
    if (url.includes("node:internal/crypto")) return "crypto: session cookie and hashes";
    if (url.includes("node:internal/modules") || functionName === "loadComponentsImpl" || functionName === "requirePage") return "module loading";
  }
  const leaf = chain[0]!.callFrame.functionName;
  if (leaf === "(garbage collector)") return "garbage collection";
  if (leaf === "(idle)") return "idle";
  return "rendering, streaming, HTTP (Next.js, React, Node)";
}

export function summariseProfile(profile: CpuProfile, top = 15): string {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  const categories = new Map<string, number>();
  const functions = new Map<string, number>();
  let total = 0;
  for (const [id, us] of self) {
    total += us;
    const chain: Node[] = [];
    for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) chain.push(byId.get(at)!);
    const c = category(chain);
    categories.set(c, (categories.get(c) ?? 0) + us);
    const f = chain[0]!.callFrame;
    const key = `${f.functionName || "(anonymous)"} ${f.url.replace(/.*node_modules\//, "").replace(process.cwd() + "/", "")}:${f.lineNumber}`;
    functions.set(key, (functions.get(key) ?? 0) + us);
  }
  const lines = (m: Map<string, number>, n: number) =>
    [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => `${((100 * us) / total).toFixed(1).padStart(5)}%  ${(us / 1000).toFixed(0).padStart(6)} ms  ${k}`);
  return [`${(total / 1000).toFixed(0)} ms of samples`, "By category:", ...lines(categories, 10), "Busiest functions (self time):", ...lines(functions, top)].join("\n");
}
