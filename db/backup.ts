import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";

/*
 * A consistent copy of a live database through SQLite's online backup API
 * (better-sqlite3's .backup()): it reads through its own connection, so the
 * copy is one committed state, WAL included, while the app goes on writing.
 * The copy is checked with PRAGMA integrity_check before it is reported.
 */
export type BackupReport = { file: string; pages: number; bytes: number; integrity: string };

export async function backupDatabase(source: string, destination: string): Promise<BackupReport> {
  if (!fs.existsSync(source)) throw new Error(`No database at ${source}.`);
  if (fs.existsSync(destination)) throw new Error(`${destination} already exists; choose another file.`);
  fs.mkdirSync(path.dirname(destination), { recursive: true });
  const live = new Database(source, { readonly: true, fileMustExist: true });
  live.pragma("busy_timeout = 5000");
  try {
    const { totalPages } = await live.backup(destination);
    const copy = new Database(destination, { readonly: true, fileMustExist: true });
    try {
      const integrity = copy.pragma("integrity_check", { simple: true }) as string;
      if (integrity !== "ok") throw new Error(`The backup at ${destination} failed its integrity check: ${integrity}`);
      return { file: destination, pages: totalPages, bytes: fs.statSync(destination).size, integrity };
    } finally {
      copy.close();
    }
  } finally {
    live.close();
  }
}

/* data/backups/trellis-2026-12-01T10-30-00Z.db: sortable, and safe in every file system. */
export function defaultBackupFile(dataDir: string, now = new Date()): string {
  return path.join(dataDir, "backups", `trellis-${now.toISOString().slice(0, 19).replace(/:/g, "-")}Z.db`);
}
