import { describe, expect, it } from "vitest";
import { isReceiptLink, MAX_RECEIPT_BYTES } from "./receipt-file";
import { checkReceipt, detectReceiptType } from "./receipt-type";

const bytes = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p)] : p)));

describe("receipt files", () => {
  it("recognises PDF, PNG and JPEG by their first bytes", async () => {
    expect(await detectReceiptType(bytes("%PDF-1.7\n"))).toBe("application/pdf");
    expect(await detectReceiptType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13], "IHDR"))).toBe("image/png");
    expect(await detectReceiptType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBeNull(); // cut short
    expect(await detectReceiptType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
  });
  it("refuses text renamed to look like a PDF, HTML, SVG and other real file types", async () => {
    expect(await checkReceipt(bytes("just some text, saved as receipt.pdf"))).toMatchObject({ ok: false });
    expect(await checkReceipt(bytes("<html><script>alert(1)</script>"))).toMatchObject({ ok: false });
    expect(await checkReceipt(bytes("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toMatchObject({ ok: false });
    expect(await checkReceipt(bytes(" %PDF-1.7"))).toMatchObject({ ok: false });
    expect(await checkReceipt(bytes([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, 1, 0, 1, 0]))).toMatchObject({ ok: false }); // a GIF
    expect(await checkReceipt(bytes([0x50, 0x4b, 0x03, 0x04, 0x14, 0, 0, 0]))).toMatchObject({ ok: false }); // a zip
  });
  it("refuses empty files and files over 5 MB, and takes exactly 5 MB", async () => {
    expect(await checkReceipt(new Uint8Array())).toEqual({ ok: false, error: "That file is empty" });
    const big = new Uint8Array(MAX_RECEIPT_BYTES + 1);
    big.set(bytes("%PDF-"));
    expect(await checkReceipt(big)).toEqual({ ok: false, error: "Receipts can be up to 5 MB" });
    expect(await checkReceipt(big.subarray(0, MAX_RECEIPT_BYTES))).toEqual({ ok: true, type: "application/pdf" });
  });
  it("takes only http(s) links", () => {
    expect(isReceiptLink("https://store.example.com/orders/123")).toBe(true);
    expect(isReceiptLink("http://example.com/r.pdf")).toBe(true);
    expect(isReceiptLink("javascript:alert(1)")).toBe(false);
    expect(isReceiptLink("data:text/html,hi")).toBe(false);
    expect(isReceiptLink("file:///etc/passwd")).toBe(false);
    expect(isReceiptLink("example.com/receipt")).toBe(false);
  });
});
