import "server-only";
import { createRequire } from "node:module";
import path from "node:path";
import * as fontkit from "fontkit";

/*
 * The PDF's fonts: DejaVu Sans (Latin, Greek, Cyrillic, arrows and more), from
 * the dejavu-fonts-ttf package, embedded and subset into each file. PDF's own
 * standard fonts cover only Windows-1252, so a name like "Łukasz" or "Σοφία"
 * would be lost; and nothing is fetched at run time. Each font is read and
 * parsed once per process (parsing is most of the cost of a small PDF) and
 * shared by every document; pdfkit only reads it. The path is resolved from
 * the app's root at run time, so no bundler rewrites it.
 */
const FILES = { regular: "DejaVuSans", bold: "DejaVuSans-Bold", italic: "DejaVuSans-Oblique", boldItalic: "DejaVuSans-BoldOblique", mono: "DejaVuSansMono" } as const;
export type PdfFont = keyof typeof FILES;

let fonts: Record<PdfFont, fontkit.Font> | undefined;

export function pdfFonts(): Record<PdfFont, fontkit.Font> {
  if (!fonts) {
    const resolve = createRequire(path.join(process.cwd(), "package.json")).resolve;
    const open = (name: string) => fontkit.openSync(resolve(`dejavu-fonts-ttf/ttf/${name}.ttf`)) as fontkit.Font;
    fonts = Object.fromEntries(Object.entries(FILES).map(([key, name]) => [key, open(name)])) as Record<PdfFont, fontkit.Font>;
  }
  return fonts;
}
