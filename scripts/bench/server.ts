import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

/*
 * The production server under test (`next start` on loopback, against a
 * given database), the build it serves, and signing in through Auth.js's own
 * credentials endpoint, as the sign-in form's action does.
 */
const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const SOURCES = ["app", "components", "lib", "db", "proxy.ts", "next.config.ts", "postcss.config.mjs"];

function newestSource(entry: string): number {
  const full = path.join(ROOT, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  return Math.max(0, ...fs.readdirSync(full).filter((name) => !name.endsWith(".test.ts")).map((name) => newestSource(path.join(entry, name))));
}

/* Reuses .next when it is newer than every source file; otherwise (or with force) runs `next build`. */
export async function ensureBuild(force: boolean) {
  const buildId = path.join(ROOT, ".next", "BUILD_ID");
  const fresh = fs.existsSync(buildId) && fs.statSync(buildId).mtimeMs > Math.max(...SOURCES.map(newestSource));
  if (fresh && !force) return console.log("Reusing the production build in .next (newer than every source file)."), false;
  console.log("Building for production (next build) ...");
  await run(process.execPath, [NEXT_BIN, "build"], { ...process.env, NEXT_TELEMETRY_DISABLED: "1" }, true);
  return true;
}

function run(command: string, args: string[], env: NodeJS.ProcessEnv, quiet = false) {
  return new Promise<void>((resolve, reject) => {
    const child = spawn(command, args, { env, stdio: quiet ? ["ignore", "pipe", "inherit"] : "inherit" });
    child.on("exit", (code) => (code === 0 ? resolve() : reject(new Error(`${path.basename(args[0] ?? command)} ${args.slice(1).join(" ")} exited with ${code}`))));
  });
}

export type Server = { origin: string; child: ChildProcess; stop: () => Promise<void> };

/* `next start` on 127.0.0.1:port with the data directory and database given; resolves once it answers. */
export async function startServer(port: number, env: { dataDir: string; databasePath: string; nodeArgs?: string[] }): Promise<Server> {
  const origin = `http://127.0.0.1:${port}`;
  const child = spawn(process.execPath, [...(env.nodeArgs ?? []), NEXT_BIN, "start", "-p", String(port), "-H", "127.0.0.1"], {
    env: { ...process.env, NODE_ENV: "production", NEXT_TELEMETRY_DISABLED: "1", TRELLIS_DATA_DIR: env.dataDir, DATABASE_PATH: env.databasePath },
    stdio: ["ignore", "ignore", "inherit"],
  });
  const exited = new Promise<void>((resolve) => child.on("exit", () => resolve()));
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`next start exited with ${child.exitCode}`);
    try {
      if ((await fetch(`${origin}/signin`)).ok) break;
    } catch {
      // Not listening yet.
    }
    if (Date.now() > deadline) throw new Error("next start did not answer within 60 s");
    await new Promise((r) => setTimeout(r, 250));
  }
  const stop = async () => {
    if (child.exitCode === null) child.kill("SIGINT");
    await exited;
  };
  return { origin, child, stop };
}

const cookiesOf = (response: Response) => response.headers.getSetCookie().map((c) => c.split(";")[0]!);

/* Signs in with email and password through /api/auth/callback/credentials; returns the Cookie header to send. */
export async function signIn(origin: string, email: string, password: string): Promise<string> {
  const csrf = await fetch(`${origin}/api/auth/csrf`);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const jar = cookiesOf(csrf);
  const response = await fetch(`${origin}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "Content-Type": "application/x-www-form-urlencoded", Cookie: jar.join("; ") },
    body: new URLSearchParams({ email, password, csrfToken, callbackUrl: `${origin}/` }).toString(),
  });
  const session = cookiesOf(response).filter((c) => c.startsWith("authjs.session-token"));
  if (!session.length) throw new Error(`Sign-in as ${email} failed (${response.status} ${response.headers.get("location") ?? ""})`);
  return session.join("; ");
}
