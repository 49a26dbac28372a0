import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll } from "vitest";

/*
 * Every test file gets its own data directory and SQLite file, migrated by
 * the real migrations on first use. Nothing is mocked.
 */
const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trellis-test-"));
process.env.TRELLIS_DATA_DIR = dir;
delete process.env.DATABASE_PATH;
delete process.env.AUTH_SECRET;
// Passwords hash at a test-only cost (lib/security/password.ts): the real one is ~100 ms a check.
process.env.TRELLIS_TEST_PASSWORD_COST = "cheap";
(globalThis as { trellisDb?: unknown }).trellisDb = undefined;

afterAll(() => {
  const g = globalThis as { trellisDb?: { $client: { close(): void } } };
  g.trellisDb?.$client.close();
  g.trellisDb = undefined;
  fs.rmSync(dir, { recursive: true, force: true });
});
