/*
 * Receipt limits and links, shared by the claim form in the browser and the
 * server. The file's type is judged on the server (receipt-type.ts).
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

/* A receipt link must be a web address, so it opens in a browser and nothing else. */
export function isReceiptLink(value: string): boolean {
  try {
    const url = new URL(value);
    return (url.protocol === "https:" || url.protocol === "http:") && url.hostname.length > 0;
  } catch {
    return false;
  }
}

export const RECEIPT_EXTENSIONS: Record<"application/pdf" | "image/png" | "image/jpeg", string> = { "application/pdf": "pdf", "image/png": "png", "image/jpeg": "jpg" };
