import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { config } from "@/lib/config";

/*
 * Receipt files on disk, in $TRELLIS_DATA_DIR/receipts/ under random names.
 * Only files: which receipt belongs to whom, and who may read it, is the
 * DAL's (lib/dal/stipend-receipts.ts).
 */
function receiptsDir() {
  return path.join(config().dataDir, "receipts");
}

/* Stored names are hex we generated; checked again so a bad row can never walk out of the folder. */
export function receiptPath(storedName: string): string | null {
  return /^[0-9a-f]{48}$/.test(storedName) ? path.join(receiptsDir(), storedName) : null;
}

/* Writes new bytes under a fresh random name, readable by this process only. */
export async function writeReceiptBytes(bytes: Uint8Array): Promise<{ storedName: string; file: string }> {
  const storedName = crypto.randomBytes(24).toString("hex");
  fs.mkdirSync(receiptsDir(), { recursive: true });
  const file = path.join(receiptsDir(), storedName);
  await fs.promises.writeFile(file, bytes, { flag: "wx", mode: 0o600 });
  return { storedName, file };
}

export async function discardReceiptBytes(file: string) {
  await fs.promises.rm(file, { force: true });
}

/* A file that is already gone is fine: deleting is idempotent, so a crash between commit and delete heals on the next purge. */
export function deleteReceiptFiles(storedNames: string[]) {
  for (const name of storedNames) {
    const file = receiptPath(name);
    if (!file) continue;
    try {
      fs.rmSync(file, { force: true });
    } catch (error) {
      console.error(`Could not delete receipt file ${name}:`, error);
    }
  }
}
