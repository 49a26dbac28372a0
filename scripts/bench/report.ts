import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/*
 * BENCHMARKS.md is written by the benchmark scripts, each into its own
 * section between markers, so one script's run never erases another's
 * figures. JSON results go to bench/results/.
 */
const FILE = path.join(process.cwd(), "BENCHMARKS.md");
const RESULTS = path.join(process.cwd(), "bench", "results");

export function machineInfo() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? "unknown",
    cores: cpus.length,
    memoryGb: Math.round(os.totalmem() / 2 ** 30),
    node: process.version,
    os: `${os.type()} ${os.release()}`,
    loadAverage: os.loadavg().map((n) => Number(n.toFixed(2))),
  };
}

export const machineLine = (m = machineInfo()) => `${m.cpu}, ${m.cores} cores, ${m.memoryGb} GB, Node ${m.node.replace(/^v/, "")}, ${m.os}; load average at start ${m.loadAverage.join(" / ")}`;

export function writeJson(name: string, data: unknown) {
  fs.mkdirSync(RESULTS, { recursive: true });
  const file = path.join(RESULTS, `${name}.json`);
  fs.writeFileSync(file, JSON.stringify(data, null, 2) + "\n");
  return path.relative(process.cwd(), file);
}

/* Replaces the section `name` of BENCHMARKS.md (or appends it) with `markdown`. */
export function writeSection(name: string, markdown: string) {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const current = fs.existsSync(FILE) ? fs.readFileSync(FILE, "utf8") : "# Benchmarks\n";
  const block = `${start}\n${markdown.trim()}\n${end}`;
  const from = current.indexOf(start);
  const to = current.indexOf(end);
  const next = from >= 0 && to > from ? current.slice(0, from) + block + current.slice(to + end.length) : `${current.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(FILE, next);
}

/* A Markdown table; numbers are right-aligned. */
export function table(header: string[], rows: (string | number)[][], align: ("l" | "r")[] = header.map((_, i) => (i === 0 ? "l" : "r"))) {
  const line = (cells: (string | number)[]) => `| ${cells.map(String).join(" | ")} |`;
  return [line(header), line(align.map((a) => (a === "r" ? "---:" : "---"))), ...rows.map(line)].join("\n");
}
