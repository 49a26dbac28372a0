import fs from "node:fs";
import { getReceiptFile } from "@/lib/dal/stipend-receipts";
import { NotFoundError } from "@/lib/errors";
import { routeAs } from "@/lib/page-guards";
import { RECEIPT_EXTENSIONS } from "@/lib/stipend/receipt-file";
import type { ReceiptType } from "@/lib/stipend/receipt-type";
import { DOWNLOAD_CSP } from "@/lib/security-policy";

/*
 * GET /stipend/receipts/:id: the receipt file, to those who may see its claim.
 * Always a download, typed by what the bytes were found to be at upload and
 * never sniffed again by the browser. The proxy leaves this route's CSP alone
 * (lib/security-policy.ts), so even a missing receipt answers sandboxed.
 */
export async function GET(_request: Request, { params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  return routeAs(async (viewer) => {
    const receipt = getReceiptFile(viewer, id);
    // A file gone from disk (removed by the retention rule between the read and now) looks missing too.
    const bytes = await fs.promises.readFile(receipt.file).catch(() => {
      throw new NotFoundError("receipt");
    });
    const extension = RECEIPT_EXTENSIONS[receipt.contentType as ReceiptType] ?? "bin";
    const base = receipt.originalName.replace(/\.[^.]*$/, "").replace(/[^A-Za-z0-9._-]+/g, "_").slice(0, 80) || "receipt";
    return new Response(new Uint8Array(bytes), {
      headers: {
        "Content-Type": receipt.contentType,
        "Content-Length": String(bytes.length),
        "Content-Disposition": `attachment; filename="${base}.${extension}"`,
        "X-Content-Type-Options": "nosniff",
        "Cache-Control": "private, no-store",
        "Content-Security-Policy": DOWNLOAD_CSP,
      },
    });
  }, { "Content-Security-Policy": DOWNLOAD_CSP });
}
