/*
 * npm run db:backup [-- --out /path/to/file.db]
 *
 * Copies the database while Trellis runs (SQLite's online backup API), checks
 * the copy and prints where it is. Restoring is in README ("Backups").
 */
import path from "node:path";
import { backupDatabase, defaultBackupFile } from "@/db/backup";
import { config } from "@/lib/config";

async function main() {
  const cfg = config();
  const at = process.argv.indexOf("--out");
  const destination = at === -1 ? defaultBackupFile(cfg.dataDir) : path.resolve(process.argv[at + 1] ?? "");
  const report = await backupDatabase(cfg.databasePath, destination);
  console.log(`Backed up ${cfg.databasePath} to ${report.file} (${report.pages} pages, ${(report.bytes / 1024).toFixed(0)} KiB, integrity ${report.integrity}).`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
