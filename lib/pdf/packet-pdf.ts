import "server-only";
import PDFDocument from "pdfkit";
import type { DocBlock, DocSection, PacketDocument } from "@/lib/packets/document";
import { pdfFonts, type PdfFont } from "./fonts";
import { markdownParagraphs, type Paragraph, type Run } from "./markdown";

/*
 * A packet document (lib/packets/document.ts) as a PDF, drawn on the server
 * with pdfkit: A4, the document's facts under its title, each section under a
 * heading, every page numbered. It draws any section and block the document
 * holds, so a new part needs no change here.
 */
type Doc = InstanceType<typeof PDFDocument>;
const MARGIN = 56;
const INDENT = 14;
const INK = "#1c1917";
const QUIET = "#57534e";
const RULE = "#d6d3d1";

export function renderPacketPdf(document: PacketDocument, meta: { generatedOn: string }): Promise<Buffer> {
  const fonts = pdfFonts();
  // pdfkit takes a parsed fontkit font wherever it takes a font file; its types name only files.
  const pdf = new PDFDocument({ size: "A4", margin: MARGIN, bufferPages: true, font: fonts.regular as unknown as string, info: { Title: document.title, Creator: "Trellis" }, lang: "en" });
  for (const [name, font] of Object.entries(fonts)) pdf.registerFont(name, font as unknown as string);
  const chunks: Buffer[] = [];
  pdf.on("data", (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on("end", () => resolve(Buffer.concat(chunks)));
    pdf.on("error", reject);
  });

  pdf.font("bold").fontSize(18).fillColor(INK).text(document.title);
  pdf.moveDown(0.6);
  for (const fact of document.facts) labelled(pdf, fact.label, fact.value, 0);
  for (const section of document.sections) drawSection(pdf, section);
  footers(pdf, `${document.title} · produced ${meta.generatedOn}`);
  pdf.end();
  return done;
}

const width = (pdf: Doc, indent: number) => pdf.page.width - MARGIN * 2 - indent * INDENT;
const x = (indent: number) => MARGIN + indent * INDENT;

/* Starts a new page when fewer than `room` points are left, so a heading never sits alone at a page's foot. */
function keepRoom(pdf: Doc, room: number) {
  if (pdf.y + room > pdf.page.height - pdf.page.margins.bottom) pdf.addPage();
}

function drawSection(pdf: Doc, section: DocSection) {
  pdf.moveDown(0.8);
  keepRoom(pdf, 90);
  pdf.font("bold").fontSize(13).fillColor(INK).text(section.title, MARGIN, pdf.y, { width: width(pdf, 0) });
  const ruleY = pdf.y + 2;
  pdf.moveTo(MARGIN, ruleY).lineTo(pdf.page.width - MARGIN, ruleY).lineWidth(0.5).strokeColor(RULE).stroke();
  pdf.y = ruleY + 5;
  if (section.audience) pdf.font("regular").fontSize(8.5).fillColor(QUIET).text(`Visible to: ${section.audience}`, MARGIN, pdf.y, { width: width(pdf, 0) });
  pdf.moveDown(0.3);
  for (const block of section.blocks) drawBlock(pdf, block, 0);
}

function drawBlock(pdf: Doc, block: DocBlock, indent: number) {
  switch (block.kind) {
    case "markdown": {
      const paragraphs = markdownParagraphs(block.text);
      if (paragraphs.length === 0 && block.empty) plain(pdf, block.empty, indent, { font: "italic", color: QUIET });
      for (const p of paragraphs) drawParagraph(pdf, p, indent);
      return;
    }
    case "facts":
      for (const f of block.items) labelled(pdf, f.label, f.value, indent);
      return;
    case "list":
      plain(pdf, block.label, indent, { font: "bold", size: 9.5 });
      for (const item of block.items) drawParagraph(pdf, { kind: "text", runs: [{ text: item }], indent: 1, marker: "•" }, indent);
      return;
    case "note":
      plain(pdf, block.text, indent, { size: 8.5, color: QUIET });
      return;
    case "group":
      pdf.moveDown(0.3);
      keepRoom(pdf, 40);
      plain(pdf, block.title, indent, { font: "bold", size: 10.5 });
      for (const inner of block.blocks) drawBlock(pdf, inner, indent + 1);
      return;
    case "events":
      for (const e of block.items) {
        keepRoom(pdf, 36);
        plain(pdf, e.title, indent, { font: "bold" });
        plain(pdf, e.when, indent, { size: 8.5, color: QUIET });
        for (const p of markdownParagraphs(e.note)) drawParagraph(pdf, p, indent);
        pdf.moveDown(0.3);
      }
      return;
  }
}

function plain(pdf: Doc, text: string, indent: number, o: { font?: PdfFont; size?: number; color?: string } = {}) {
  pdf.font(o.font ?? "regular").fontSize(o.size ?? 10).fillColor(o.color ?? INK).text(text, x(indent), pdf.y, { width: width(pdf, indent) });
}

function labelled(pdf: Doc, label: string, value: string, indent: number) {
  pdf.font("bold").fontSize(10).fillColor(INK).text(`${label}: `, x(indent), pdf.y, { width: width(pdf, indent), continued: true });
  pdf.font("regular").text(value);
}

const fontOf = (run: Run): PdfFont => (run.code ? "mono" : run.bold && run.italic ? "boldItalic" : run.bold ? "bold" : run.italic ? "italic" : "regular");

function drawParagraph(pdf: Doc, p: Paragraph, baseIndent: number) {
  const indent = baseIndent + p.indent + (p.kind === "quote" ? 1 : 0);
  const size = p.kind === "code" ? 9 : 10;
  if (p.marker) {
    // Drawing the marker moves the cursor down a line; the text starts back on the marker's line.
    const y = pdf.y;
    pdf.font("regular").fontSize(size).fillColor(INK).text(p.marker, x(indent) - INDENT, y, { width: INDENT, lineBreak: false });
    pdf.y = y;
  }
  const runs = p.runs.length ? p.runs : [{ text: " " }];
  runs.forEach((run, i) => {
    const last = i === runs.length - 1;
    const options = { width: width(pdf, indent), continued: !last, link: run.link ?? null, underline: Boolean(run.link) };
    pdf.font(fontOf(run)).fontSize(size).fillColor(p.kind === "quote" ? QUIET : INK);
    if (i === 0) pdf.text(run.text, x(indent), pdf.y, options);
    else pdf.text(run.text, options);
  });
  pdf.moveDown(0.35);
}

/* "Page n of m" and the document's name at the foot of every page, drawn once all pages exist. */
function footers(pdf: Doc, line: string) {
  const { start, count } = pdf.bufferedPageRange();
  for (let i = start; i < start + count; i++) {
    pdf.switchToPage(i);
    const bottom = pdf.page.margins.bottom;
    // Inside the bottom margin, which pdfkit would otherwise answer with a new page.
    pdf.page.margins.bottom = 0;
    pdf.font("regular").fontSize(8).fillColor(QUIET);
    pdf.text(line, MARGIN, pdf.page.height - 36, { width: width(pdf, 0) - 60, lineBreak: false, ellipsis: true });
    pdf.text(`Page ${i + 1} of ${count}`, pdf.page.width - MARGIN - 60, pdf.page.height - 36, { width: 60, align: "right", lineBreak: false });
    pdf.page.margins.bottom = bottom;
  }
}
