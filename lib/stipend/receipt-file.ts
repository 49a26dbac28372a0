/*
 * Receipts are judged by their bytes, never by the name or the type the
 * browser claims: a text file renamed ".pdf" is not a PDF.
 */
export const MAX_RECEIPT_BYTES = 5 * 1024 * 1024;
/* One wording wherever the size is checked: the browser, the action and the DAL. */
export const RECEIPT_TOO_BIG = "Receipts can be up to 5 MB";

/*
 * Per-person upload limits, counted from the receipts table over rolling
 * windows. Every upload counts, including those whose file was later removed
 * (withdrawn or rejected claims): otherwise filing and withdrawing would
 * never run out.
 */
export const RECEIPT_UPLOADS_PER_DAY = 20;
export const RECEIPT_BYTES_PER_YEAR = 50 * 1024 * 1024;

export type ReceiptType = "application/pdf" | "image/png" | "image/jpeg";

const SIGNATURES: { type: ReceiptType; bytes: number[] }[] = [
  { type: "application/pdf", bytes: [0x25, 0x50, 0x44, 0x46, 0x2d] }, // %PDF-
  { type: "image/png", bytes: [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a] },
  { type: "image/jpeg", bytes: [0xff, 0xd8, 0xff] },
];

export function sniffReceiptType(head: Uint8Array): ReceiptType | null {
  return SIGNATURES.find((s) => s.bytes.every((b, i) => head[i] === b))?.type ?? null;
}

export type ReceiptCheck = { ok: true; type: ReceiptType } | { ok: false; error: string };

export function checkReceipt(bytes: Uint8Array): ReceiptCheck {
  if (bytes.length === 0) return { ok: false, error: "That file is empty" };
  if (bytes.length > MAX_RECEIPT_BYTES) return { ok: false, error: RECEIPT_TOO_BIG };
  const type = sniffReceiptType(bytes);
  return type ? { ok: true, type } : { ok: false, error: "Upload a PDF, PNG or JPEG (this file is not one, whatever its name)" };
}

/* A receipt link must be a web address, so it opens in a browser and nothing else. */
export function isReceiptLink(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export const RECEIPT_EXTENSIONS: Record<ReceiptType, string> = { "application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg" };
