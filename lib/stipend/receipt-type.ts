import { fileTypeFromBuffer } from "file-type";
import { MAX_RECEIPT_BYTES, RECEIPT_TOO_BIG } from "./receipt-file";

/*
 * Receipts are judged by their bytes (file-type's signatures), never by the
 * name or the type the browser claims: a text file renamed ".pdf" is not a PDF.
 */
export type ReceiptType = "application/pdf" | "image/png" | "image/jpeg";

const ACCEPTED: ReadonlySet<string> = new Set<ReceiptType>(["application/pdf", "image/png", "image/jpeg"]);

export async function detectReceiptType(bytes: Uint8Array): Promise<ReceiptType | null> {
  // A file cut short inside its first structure makes file-type run out of bytes: that is no receipt either.
  const found = await fileTypeFromBuffer(bytes).catch(() => undefined);
  return found && ACCEPTED.has(found.mime) ? (found.mime as ReceiptType) : null;
}

export type ReceiptCheck = { ok: true; type: ReceiptType } | { ok: false; error: string };

export async function checkReceipt(bytes: Uint8Array): Promise<ReceiptCheck> {
  if (bytes.length === 0) return { ok: false, error: "That file is empty" };
  if (bytes.length > MAX_RECEIPT_BYTES) return { ok: false, error: RECEIPT_TOO_BIG };
  const type = await detectReceiptType(bytes);
  return type ? { ok: true, type } : { ok: false, error: "Upload a PDF, PNG or JPEG (this file is not one, whatever its name)" };
}
