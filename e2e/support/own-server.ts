import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/*
 * A production server of its own, for the tests that throttle it or kill it
 * (the own-server project in playwright.config.ts): the build the suite
 * already made, a fresh data directory, its own port, and its output kept so
 * a test can read the log lines it expects.
 */
export type OwnServer = { url: string; port: number; dataDir: string; output: () => string; stop: () => Promise<void>; kill: () => Promise<void> };

const tsx = path.resolve("node_modules/.bin/tsx");
const next = path.resolve("node_modules/.bin/next");

/* Migrates a fresh database and installs the framework, as `npm start` does. */
export async function prepareDataDir(dataDir: string, { fresh = true } = {}) {
  if (fresh) fs.rmSync(dataDir, { recursive: true, force: true });
  await run(tsx, ["--conditions=react-server", "scripts/prepare.ts"], { TRELLIS_DATA_DIR: dataDir });
}

export async function startServer(port: number, dataDir: string, env: Record<string, string> = {}): Promise<OwnServer> {
  let output = "";
  // Its own process group, so stopping it takes `next start`'s children too.
  const child = spawn(next, ["start", "-p", String(port)], { env: { ...process.env, TRELLIS_DATA_DIR: dataDir, DATABASE_PATH: path.join(dataDir, "trellis.db"), ...env }, detached: true, stdio: ["ignore", "pipe", "pipe"] });
  child.stdout!.on("data", (chunk) => (output += chunk));
  child.stderr!.on("data", (chunk) => (output += chunk));
  const url = `http://localhost:${port}`;
  const deadline = Date.now() + 120_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`the server on ${port} exited:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the server on ${port} did not start:\n${output}`);
    const ready = await fetch(`${url}/signin`).then((r) => r.ok, () => false);
    if (ready) break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const end = (signal: NodeJS.Signals) => endGroup(child, signal);
  return { url, port, dataDir, output: () => output, stop: () => end("SIGTERM"), kill: () => end("SIGKILL") };
}

function endGroup(child: ChildProcess, signal: NodeJS.Signals): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  process.kill(-child.pid!, signal);
  return exited;
}

function run(command: string, args: string[], env: Record<string, string>): Promise<string> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { env: { ...process.env, ...env, DATABASE_PATH: path.join(env.TRELLIS_DATA_DIR!, "trellis.db") }, stdio: ["ignore", "pipe", "pipe"] });
    let output = "";
    child.stdout.on("data", (c) => (output += c));
    child.stderr.on("data", (c) => (output += c));
    child.on("exit", (code) => (code === 0 ? resolve(output) : reject(new Error(`${command} ${args.join(" ")} failed:\n${output}`))));
  });
}
