import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

/*
 * The text a PDF reader gets from a file, page by page, with pdf.js (Mozilla's
 * PDF reader): for tests that check what a produced PDF says. Whitespace is
 * squeezed away by `squeeze`, since where a line wraps is the layout's choice.
 */
export async function pdfPages(bytes: Uint8Array): Promise<string[]> {
  const pdf = await getDocument({ data: new Uint8Array(bytes), useSystemFonts: false, isEvalSupported: false }).promise;
  const pages: string[] = [];
  for (let n = 1; n <= pdf.numPages; n++) {
    const content = await (await pdf.getPage(n)).getTextContent();
    pages.push(content.items.map((item) => ("str" in item ? item.str + (item.hasEOL ? "\n" : "") : "")).join(""));
  }
  await pdf.destroy();
  return pages;
}

export const squeeze = (text: string) => text.replace(/\s+/g, "");
