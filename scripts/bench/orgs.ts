import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { LARGE_ACCOUNTS } from "@/db/seed/large/org";
import type { Role } from "./types";

/* The orgs the benchmarks run against: a fresh demo database, and a copy of the large one. */
export type Target = { key: "demo" | "large"; label: string; databasePath: string; accounts: Record<Role, string> };

export const DEMO_ACCOUNTS: Record<Role, string> = { engineer: "jordan@example.com", manager: "sam@example.com", director: "priya@example.com" };

function tsx(script: string, args: string[], env: Record<string, string>) {
  const result = spawnSync(process.execPath, [path.join("node_modules", "tsx", "dist", "cli.mjs"), "--conditions=react-server", script, ...args], { env: { ...process.env, ...env }, stdio: "inherit" });
  if (result.status !== 0) throw new Error(`${script} failed`);
}

/* A new demo database (migrations, framework, demo data) in `dir`; returns its path. */
export function prepareDemo(dir: string) {
  fs.rmSync(dir, { recursive: true, force: true });
  const file = path.join(dir, "trellis.db");
  tsx("scripts/prepare.ts", ["--seed"], { TRELLIS_DATA_DIR: dir, DATABASE_PATH: file });
  return file;
}

/* The demo org, and a copy of the large org's file (seeded first if missing), so every run starts from the same rows. */
export function prepareOrgs(work: string, options: { largeSource: string; largePeople: string }): Target[] {
  fs.rmSync(work, { recursive: true, force: true });
  const demoDb = prepareDemo(path.join(work, "demo"));
  const largeSource = path.resolve(options.largeSource);
  if (!fs.existsSync(largeSource)) tsx("scripts/seed-large.ts", ["--people", options.largePeople, "--db", largeSource], {});
  const largeDb = path.join(work, "large", "trellis.db");
  fs.mkdirSync(path.dirname(largeDb), { recursive: true });
  const source = new Database(largeSource);
  source.pragma("wal_checkpoint(TRUNCATE)");
  source.close();
  fs.copyFileSync(largeSource, largeDb);
  return [
    { key: "demo", label: "demo org", databasePath: demoDb, accounts: DEMO_ACCOUNTS },
    { key: "large", label: "large org", databasePath: largeDb, accounts: { engineer: LARGE_ACCOUNTS.engineer, manager: LARGE_ACCOUNTS.manager, director: LARGE_ACCOUNTS.director } },
  ];
}
