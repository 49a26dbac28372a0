import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";

const run = promisify(execFile);

/* scripts/concurrent-writers.ts with CI-sized numbers; run it by hand with more. */
describe("concurrent writers", () => {
  it("six processes saving at once see no SQLITE_BUSY and lose no update", { timeout: 120_000 }, async () => {
    const { stdout } = await run(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/concurrent-writers.ts", "--processes", "6", "--saves", "20"], { env: process.env, timeout: 110_000 });
    const figures = JSON.parse(stdout.trim().split("\n").at(-1)!);
    expect(figures).toMatchObject({ processes: 6, saves: 20, acknowledged: 240, errors: [], failed: [] });
    expect(stdout).not.toMatch(/FAIL/);
  });
});
