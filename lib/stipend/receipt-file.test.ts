import { describe, expect, it } from "vitest";
import { checkReceipt, isReceiptLink, MAX_RECEIPT_BYTES, sniffReceiptType } from "./receipt-file";

const bytes = (...parts: (number[] | string)[]) => new Uint8Array(parts.flatMap((p) => (typeof p === "string" ? [...Buffer.from(p)] : p)));

describe("receipt files", () => {
  it("recognises PDF, PNG and JPEG by their first bytes", () => {
    expect(sniffReceiptType(bytes("%PDF-1.7\n"))).toBe("application/pdf");
    expect(sniffReceiptType(bytes([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]))).toBe("image/png");
    expect(sniffReceiptType(bytes([0xff, 0xd8, 0xff, 0xe0]))).toBe("image/jpeg");
  });
  it("refuses text renamed to look like a PDF, HTML and SVG", () => {
    expect(checkReceipt(bytes("just some text, saved as receipt.pdf"))).toMatchObject({ ok: false });
    expect(checkReceipt(bytes("<html><script>alert(1)</script>"))).toMatchObject({ ok: false });
    expect(checkReceipt(bytes("<svg xmlns='http://www.w3.org/2000/svg'/>"))).toMatchObject({ ok: false });
    expect(checkReceipt(bytes(" %PDF-1.7"))).toMatchObject({ ok: false });
  });
  it("refuses empty files and files over 5 MB, and takes exactly 5 MB", () => {
    expect(checkReceipt(new Uint8Array())).toEqual({ ok: false, error: "That file is empty" });
    const big = new Uint8Array(MAX_RECEIPT_BYTES + 1);
    big.set(bytes("%PDF-"));
    expect(checkReceipt(big)).toEqual({ ok: false, error: "Receipts can be up to 5 MB" });
    expect(checkReceipt(big.subarray(0, MAX_RECEIPT_BYTES))).toEqual({ ok: true, type: "application/pdf" });
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
