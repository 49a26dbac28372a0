/*
 * Many processes save at once through the DAL, each with its own SQLite
 * connection, against a fresh database in a temporary directory (never the
 * real one). Passes when no save fails (no SQLITE_BUSY) and none is lost: every
 * acknowledged save of the shared entry got a version of its own, the entry
 * ends at the last of them, each has its audit row, and every entry a writer
 * was told it created is there.
 *
 *   npm run test:writers -- --processes 12 --saves 100
 *
 * Prints the figures, then a JSON line; exits 1 when a check fails.
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);
const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};

async function main() {
  const processes = arg("processes", 8);
  const saves = arg("saves", 40);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trellis-writers-"));
  process.env.TRELLIS_DATA_DIR = dir;
  delete process.env.DATABASE_PATH;
  const { db } = await import("@/db");
  const { evidenceEntries, auditLog } = await import("@/db/schema");
  const { and, eq, inArray } = await import("drizzle-orm");
  const { installDefaultFramework } = await import("@/lib/dal/framework-install");
  const { insertPerson } = await import("@/lib/test/factory");
  const { createEvidence } = await import("@/lib/dal/evidence");
  const { getViewerById } = await import("@/lib/dal/people");

  installDefaultFramework(db());
  const person = insertPerson(db());
  const shared = createEvidence(getViewerById(person.id)!, { title: "Shared", occurredOn: "2026-01-15", description: "", links: [], cells: [{ competencyKey: "values", themeKey: "complexity" }] });
  if (!shared.ok) throw new Error("could not create the shared entry");
  const entryId = shared.value;

  const tsx = path.resolve("node_modules/.bin/tsx");
  const child = path.resolve("lib/test/writer-child.ts");
  const startAt = Date.now() + 3_000 + processes * 300;
  const started = Date.now();
  const outcomes = await Promise.all(
    Array.from({ length: processes }, () =>
      run(tsx, ["--conditions=react-server", child, JSON.stringify({ personId: person.id, entryId, saves, startAt })], { env: process.env, timeout: 300_000, maxBuffer: 16 * 1024 * 1024 }).then(
        ({ stdout }) => JSON.parse(stdout) as { saved: { title: string; version: number }[]; created: string[]; conflicts: number; errors: string[] },
      ),
    ),
  );
  const seconds = (Date.now() - Math.max(startAt, started)) / 1000;

  const saved = outcomes.flatMap((o) => o.saved);
  const created = outcomes.flatMap((o) => o.created);
  const errors = outcomes.flatMap((o) => o.errors);
  const entry = db().select({ title: evidenceEntries.title, version: evidenceEntries.version }).from(evidenceEntries).where(eq(evidenceEntries.id, entryId)).get()!;
  const audited = db().select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.action, "evidence.update"), eq(auditLog.recordId, entryId))).all().length;
  const present = created.length ? db().select({ id: evidenceEntries.id }).from(evidenceEntries).where(inArray(evidenceEntries.id, created)).all().length : 0;
  const versions = new Set(saved.map((s) => s.version));
  const last = saved.find((s) => s.version === Math.max(...versions));

  const checks = {
    "no save failed (no SQLITE_BUSY)": errors.length === 0,
    "every save was acknowledged": saved.length === processes * saves && created.length === processes * saves,
    "each acknowledged save got a version of its own": versions.size === saved.length,
    "the entry ends at the last acknowledged save": entry.version === 1 + saved.length && entry.title === last?.title,
    "each acknowledged save has its audit row": audited === saved.length,
    "every created entry is there": present === created.length,
  };
  const failed = Object.entries(checks).filter(([, ok]) => !ok).map(([name]) => name);
  const figures = { processes, saves, acknowledged: saved.length + created.length, conflictsRetried: outcomes.reduce((n, o) => n + o.conflicts, 0), errors: errors.slice(0, 5), seconds, failed };
  console.log(`${processes} processes x ${saves} saves: ${saved.length} shared-entry saves and ${created.length} new entries acknowledged, ${figures.conflictsRetried} version conflicts retried, ${errors.length} errors, in ${seconds.toFixed(1)} s.`);
  for (const [name, ok] of Object.entries(checks)) console.log(`${ok ? "ok  " : "FAIL"} ${name}`);
  console.log(JSON.stringify(figures));
  db().$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
  process.exit(failed.length ? 1 : 0);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
