/*
 * npm run test:crash -- --runs 50
 *
 * Kills the production server (SIGKILL, no shutdown) in the middle of bursts
 * of writes, again and again, and after every restart checks that the
 * database passes PRAGMA integrity_check and holds every write the server
 * had acknowledged (the evidence entries whose creation it answered). Uses
 * the existing build (`next build` first), a fresh data directory and its
 * own port. The e2e suite runs it 10 times; prints figures and exits 1 on a
 * failure.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import Database from "better-sqlite3";
import { request } from "@playwright/test";
import { prepareDataDir, startServer, type OwnServer } from "../e2e/support/own-server";
import { callAction } from "../e2e/support/server-actions";

const arg = (name: string, fallback: number) => {
  const at = process.argv.indexOf(`--${name}`);
  return at === -1 ? fallback : Number(process.argv[at + 1]);
};
const CREATE = "app/(app)/evidence/actions.ts#createEvidenceAction";
const PASSWORD = "crash-test-password-1";

async function main() {
  const runs = arg("runs", 10);
  const port = arg("port", 3199);
  const inFlight = arg("parallel", 4);
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), "trellis-crash-"));
  await prepareDataDir(dataDir, { fresh: false });
  const file = path.join(dataDir, "trellis.db");
  const personId = await addPerson(dataDir);

  let server: OwnServer = await startServer(port, dataDir);
  // Stopped from outside (a test's timeout, Ctrl-C): take the server down too, never leave it running.
  for (const signal of ["SIGTERM", "SIGINT"] as const) process.once(signal, () => void server.kill().finally(() => process.exit(1)));
  // One sign-in: the session row and the auth secret are on disk, so the cookie outlives every restart.
  const session = await request.newContext({ baseURL: server.url });
  const { csrfToken } = await (await session.get("/api/auth/csrf")).json();
  await session.post("/api/auth/callback/credentials", { form: { email: "crash.test@test.example", password: PASSWORD, csrfToken, callbackUrl: "/" }, maxRedirects: 0 });

  const acknowledged: { id: string; title: string }[] = [];
  const failures: string[] = [];
  let attempted = 0;
  for (let run = 1; run <= runs; run++) {
    // Killed mid-burst: after a random number of this run's writes were acknowledged, with more in flight.
    const killAfter = 3 + Math.floor(Math.random() * 20);
    const before = acknowledged.length;
    let killed = false;
    const writer = async (lane: number) => {
      for (let i = 0; !killed; i++) {
        const title = `Crash run ${run} lane ${lane} write ${i}`;
        attempted++;
        try {
          const response = await callAction(session, server.url, CREATE, { title, occurredOn: "2026-01-15", description: "Written during a crash test", links: "", cells: "values.complexity" });
          const id = response.headers()["x-action-redirect"]?.match(/logged=([\w-]+)/)?.[1];
          if (id) acknowledged.push({ id, title });
          else if (!killed) failures.push(`run ${run}: a write was answered ${response.status()} without its new entry`);
        } catch {
          // The connection died with the server: never acknowledged, so it may or may not have been written.
        }
      }
    };
    const burst = Array.from({ length: inFlight }, (_, lane) => writer(lane));
    while (acknowledged.length - before < killAfter && failures.length === 0) await new Promise((r) => setTimeout(r, 5));
    await server.kill();
    killed = true;
    await Promise.all(burst);

    server = await startServer(port, dataDir);
    const check = new Database(file, { readonly: true });
    const integrity = check.pragma("integrity_check", { simple: true });
    const present = new Set((check.prepare("select id from evidence_entries where person_id = ?").all(personId) as { id: string }[]).map((r) => r.id));
    check.close();
    const missing = acknowledged.filter((w) => !present.has(w.id));
    if (integrity !== "ok") failures.push(`run ${run}: integrity_check said ${String(integrity)}`);
    if (missing.length) failures.push(`run ${run}: ${missing.length} acknowledged writes are missing, e.g. "${missing[0]!.title}"`);
    const served = await session.get("/evidence");
    if (served.status() !== 200 || !(await served.text()).includes(acknowledged.at(-1)?.title ?? "")) failures.push(`run ${run}: the restarted server did not show the log`);
    console.log(`run ${run}/${runs}: killed after ${killAfter} acknowledged writes; ${acknowledged.length} writes acknowledged so far, all present: ${missing.length === 0}; integrity ${String(integrity)}`);
  }
  await session.dispose();
  await server.stop();
  fs.rmSync(dataDir, { recursive: true, force: true });
  // Unanswered: sent while the server was dying or down, so never acknowledged (each may or may not have been written).
  const figures = { runs, attempted, acknowledged: acknowledged.length, unanswered: attempted - acknowledged.length, failures };
  console.log(JSON.stringify(figures));
  process.exit(failures.length || acknowledged.length === 0 ? 1 : 0);
}

/* The one person who writes, with a password (hashed at the real cost: this runs outside the unit tests). */
async function addPerson(dataDir: string) {
  process.env.TRELLIS_DATA_DIR = dataDir;
  const { openDatabase } = await import("@/db");
  const { insertPerson } = await import("@/lib/test/factory");
  const { hashPassword } = await import("@/lib/security/password");
  const db = openDatabase(path.join(dataDir, "trellis.db"));
  const person = insertPerson(db, { email: "crash.test@test.example", passwordHash: await hashPassword(PASSWORD) });
  db.$client.close();
  return person.id;
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
