import crypto from "node:crypto";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { openDatabase } from "@/db";
import { installDefaultFramework } from "@/lib/dal/framework-install";
import { seedLargeOrg } from ".";

/* The large org is the same data for the same seed and today. */
const FRAMEWORK_TABLES = new Set(["__drizzle_migrations", "framework_versions", "version_tracks", "version_levels", "version_competencies", "version_themes", "cells", "tracks", "levels", "competencies", "themes", "sqlite_stat1", "sqlite_stat4", "sqlite_sequence"]);

function seededDigest(seed: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trellis-large-"));
  const database = openDatabase(path.join(dir, "large.db"));
  try {
    installDefaultFramework(database);
    const summary = seedLargeOrg(database, { people: 80, seed, today: "2026-03-10", passwordHash: null });
    const hash = crypto.createHash("sha256");
    const tables = database.$client.prepare("select name from sqlite_master where type = 'table' order by name").all() as { name: string }[];
    for (const { name } of tables.filter((t) => !FRAMEWORK_TABLES.has(t.name))) {
      // The framework install's own audit row carries the time of the run.
      for (const row of database.$client.prepare(`select * from "${name}" order by rowid`).all() as Record<string, unknown>[]) if (row.action !== "framework.publish") hash.update(name + JSON.stringify(row));
    }
    return { digest: hash.digest("hex"), summary };
  } finally {
    database.$client.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

describe("the large org seed", () => {
  // Two databases migrated and seeded: seconds on a busy two-core machine.
  it("writes the same rows for the same seed, with every state present", { timeout: 30_000 }, () => {
    const a = seededDigest(5);
    expect(seededDigest(5).digest).toBe(a.digest);
    expect(a.summary.counts.people).toBe(80);
    expect(a.summary.cycles.map((c) => c.status)).toEqual(["closed", "closed", "closed", "open"]);
    expect(a.summary.counts.stipend_claims).toBeGreaterThan(100);
    expect(a.summary.counts.review_citations).toBeGreaterThan(0);
    expect(Object.values(a.summary.accounts).every(Boolean)).toBe(true);
  });
});
