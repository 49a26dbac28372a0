import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { expect, test } from "./support/fixtures";
import { CRASH_PORT } from "./support/env";

const run = promisify(execFile);

/*
 * scripts/crash-test.ts, ten times: the production server is SIGKILLed in the
 * middle of bursts of writes; after each restart the database passes
 * integrity_check and every acknowledged write is there. `npm run test:crash
 * -- --runs 50` runs more by hand.
 */
test("the server killed mid-burst ten times loses no acknowledged write and stays intact", async () => {
  // Eleven server starts: a minute or two alone, much longer on a machine busy with other builds.
  test.setTimeout(600_000);
  const { stdout } = await run(path.resolve("node_modules/.bin/tsx"), ["--conditions=react-server", "scripts/crash-test.ts", "--runs", "10", "--port", String(CRASH_PORT)], { timeout: 590_000, maxBuffer: 8 * 1024 * 1024 }).catch((error: { stdout?: string; stderr?: string; message: string }) => {
    throw new Error(`${error.message}\n${error.stdout ?? ""}\n${error.stderr ?? ""}`.slice(-4000));
  });
  const figures = JSON.parse(stdout.trim().split("\n").at(-1)!);
  console.info(`crash test: ${JSON.stringify(figures)}`);
  expect(figures).toMatchObject({ runs: 10, failures: [] });
  // Each run is killed only after at least 3 of its writes were acknowledged.
  expect(figures.acknowledged).toBeGreaterThanOrEqual(30);
  expect(stdout.match(/integrity ok/g)).toHaveLength(10);
});
