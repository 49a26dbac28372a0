/*
 * npm run seed:large -- --people 10000 [--seed 1] [--db data/large.db] [--today YYYY-MM-DD] [--force]
 *
 * Creates a realistic large organisation in its own SQLite file (never the
 * demo database): the default framework, people in reporting lines 5 to 10
 * deep on both tracks, review cycles, evidence logs and stipend claims over
 * several years. The same --seed and --today give the same data.
 */
import fs from "node:fs";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { parseArgs } from "node:util";
import { openDatabase } from "@/db";
import { DEMO_PASSWORD } from "@/db/seed/demo-people";
import { seedLargeOrg } from "@/db/seed/large";
import { config } from "@/lib/config";
import { installDefaultFramework } from "@/lib/dal/framework-install";
import { todayIn } from "@/lib/domain/org-time";
import { hashPassword } from "@/lib/security/password";

const { values } = parseArgs({
  options: {
    people: { type: "string", default: "10000" },
    seed: { type: "string", default: "1" },
    db: { type: "string", default: path.join(config().dataDir, "large.db") },
    today: { type: "string" },
    force: { type: "boolean", default: false },
  },
});

async function main() {
  const size = Number(values.people);
  const seed = Number(values.seed);
  if (!Number.isInteger(size) || size < 20) throw new Error("--people must be a whole number, at least 20");
  if (!Number.isInteger(seed)) throw new Error("--seed must be a whole number");
  const today = values.today ?? todayIn("UTC");
  if (!/^\d{4}-\d{2}-\d{2}$/.test(today)) throw new Error("--today must be a date, YYYY-MM-DD");
  const file = path.resolve(values.db!);
  if (file === config().databasePath) throw new Error(`${file} is the app's database; the large org goes into a file of its own (--db).`);
  if (fs.existsSync(file)) {
    if (!values.force) throw new Error(`${file} exists. Pass --force to replace it.`);
    for (const suffix of ["", "-wal", "-shm"]) fs.rmSync(file + suffix, { force: true });
  }

  const started = performance.now();
  const database = openDatabase(file);
  installDefaultFramework(database);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const summary = seedLargeOrg(database, { people: size, seed, today, passwordHash });
  database.$client.pragma("wal_checkpoint(TRUNCATE)");
  database.$client.close();
  const seconds = (performance.now() - started) / 1000;

  const rows = Object.values(summary.counts).reduce((a, b) => a + b, 0);
  console.log(`Large org: ${size} people, seed ${seed}, today ${today} -> ${file}`);
  console.log(`${rows.toLocaleString("en")} rows in ${seconds.toFixed(1)} s (${(fs.statSync(file).size / 1e6).toFixed(0)} MB)`);
  for (const [table, n] of Object.entries(summary.counts)) console.log(`  ${table.padEnd(24)} ${n.toLocaleString("en").padStart(10)}`);
  console.log(`  ${"packets".padEnd(24)} ${String(summary.packets).padStart(10)}  (after issues 12 and 13: db/seed/large/packets.ts)`);
  console.log(`Cycles: ${summary.cycles.map((c) => `${c.name} (${c.status})`).join(", ")}`);
  console.log(`Engineers by reporting-line depth: ${summary.engineerDepths.map(([d, n]) => `${d}: ${n}`).join(", ")}`);
  console.log(`Accounts (password ${DEMO_PASSWORD}):`);
  for (const [role, a] of Object.entries(summary.accounts)) {
    if (a) console.log(`  ${role.padEnd(9)} ${a.email.padEnd(28)} ${a.name}, ${a.level.toUpperCase()}, ${a.team}, ${a.directReports} direct reports, ${a.orgSize} in their org`);
  }
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
