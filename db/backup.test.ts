import { execFile, spawn } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { and, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { config } from "@/lib/config";
import { createEvidence } from "@/lib/dal/evidence";
import { installDefaultFramework } from "@/lib/dal/framework-install";
import { getViewerById } from "@/lib/dal/people";
import { insertPerson } from "@/lib/test/factory";
import { db, openDatabase } from "./index";
import { auditLog, evidenceEntries } from "./schema";

const run = promisify(execFile);
const tsx = path.resolve("node_modules/.bin/tsx");
const withoutDatabasePath = (): NodeJS.ProcessEnv => ({ ...process.env, DATABASE_PATH: undefined });
const fields = (title: string) => ({ title, occurredOn: "2026-01-15", description: "", links: [], cells: [{ competencyKey: "values", themeKey: "complexity" }] });

describe("npm run db:backup", () => {
  it("copies the database while another process writes to it, and a restored copy holds the data", { timeout: 120_000 }, async () => {
    installDefaultFramework(db());
    const person = insertPerson(db());
    const viewer = getViewerById(person.id)!;
    const before = Array.from({ length: 30 }, (_, i) => `Before the backup ${i}`);
    for (const title of before) expect(createEvidence(viewer, fields(title)).ok).toBe(true);
    const shared = createEvidence(viewer, fields("Shared"));
    if (!shared.ok) throw new Error("no shared entry");

    // The app, still running: a writer saving the shared entry and logging entries throughout the backup.
    const writer = spawn(tsx, ["--conditions=react-server", "lib/test/writer-child.ts", JSON.stringify({ personId: person.id, entryId: shared.value, saves: 600, startAt: Date.now() })], { env: process.env });
    let written = "";
    writer.stdout.on("data", (chunk) => (written += chunk));
    const writerDone = new Promise<void>((resolve) => writer.on("close", () => resolve()));
    await expect.poll(() => db().select({ version: evidenceEntries.version }).from(evidenceEntries).where(eq(evidenceEntries.id, shared.value)).get()!.version, { timeout: 30_000 }).toBeGreaterThan(5);

    const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), "trellis-backup-")), "copy.db");
    const { stdout } = await run(tsx, ["--conditions=react-server", "scripts/db-backup.ts", "--out", out], { env: process.env });
    expect(stdout).toMatch(/integrity ok/);
    await writerDone;
    expect(JSON.parse(written).errors).toEqual([]);

    // Restore as README says: the copy becomes the database file of a data directory, and Trellis starts on it.
    const restored = fs.mkdtempSync(path.join(os.tmpdir(), "trellis-restored-"));
    fs.copyFileSync(out, path.join(restored, "trellis.db"));
    const { stdout: titles } = await run(tsx, ["--conditions=react-server", "lib/test/read-evidence-child.ts", person.id], { env: { ...withoutDatabasePath(), TRELLIS_DATA_DIR: restored } });
    expect(JSON.parse(titles)).toEqual(expect.arrayContaining(before));

    // One committed moment: the shared entry's version matches its audit rows, mid-burst or not.
    const copy = openDatabase(path.join(restored, "trellis.db"));
    expect(copy.$client.pragma("integrity_check", { simple: true })).toBe("ok");
    const { version } = copy.select({ version: evidenceEntries.version }).from(evidenceEntries).where(eq(evidenceEntries.id, shared.value)).get()!;
    const audited = copy.select({ id: auditLog.id }).from(auditLog).where(and(eq(auditLog.action, "evidence.update"), eq(auditLog.recordId, shared.value))).all().length;
    expect(audited).toBe(version - 1);
    // The writer went on after the copy was taken: the backup ran while the database was in use.
    const final = db().select({ version: evidenceEntries.version }).from(evidenceEntries).where(eq(evidenceEntries.id, shared.value)).get()!.version;
    expect(version).toBeGreaterThan(5);
    expect(version).toBeLessThan(final);
    copy.$client.close();
    expect(config().databasePath).not.toBe(path.join(restored, "trellis.db"));
  });
});
