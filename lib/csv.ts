/*
 * CSV per RFC 4180 (CRLF line ends, quotes doubled), made safe to open in a
 * spreadsheet. A spreadsheet may split a cell further than we do: on ";" or
 * tab in many locales, and on "," when it ignores our quotes. So a text cell is
 * guarded segment by segment: the cell itself, and every part after a comma,
 * semicolon, tab or line break, gets a leading apostrophe when it starts with
 * =, +, - or @ (or, at the very start, tab or carriage return, as OWASP lists).
 * Apostrophes already there count as part of the start, so the guard can be
 * undone exactly. A field holding any separator is quoted, so a spreadsheet
 * that honours quotes keeps it in one cell. Numbers, and text that is just a
 * decimal number (our amounts, "-12.50"), are written as they are: a
 * spreadsheet reads them as numbers, never as formulas.
 */
export type CsvCell = string | number | null | undefined;

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const UNSAFE_SEGMENT = /^(?='*[=+\-@\t\r])|(?<=[;,\t\r\n])(?='*[=+\-@])/g;
const GUARD_MARK = /^'(?='*[=+\-@\t\r])|(?<=[;,\t\r\n])'(?='*[=+\-@])/g;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = PLAIN_NUMBER.test(value) ? value : value.replace(UNSAFE_SEGMENT, "'");
  return /[",;\t\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: CsvCell[][]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/* Undoes the formula guard of toCsv, so a file Trellis wrote reads back as it was. */
export function unguardCell(value: string): string {
  return value.replace(GUARD_MARK, "");
}

/* Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF, an optional BOM) into rows of strings. */
export function parseCsv(input: string): string[][] {
  return parseCsvRecords(input).map((r) => r.cells);
}

/* As parseCsv, with the file line each record starts on (blank lines and multi-line fields counted). */
export function parseCsvRecords(input: string): { line: number; cells: string[] }[] {
  const text = input.replace(/^\uFEFF/, "");
  const rows: { line: number; cells: string[] }[] = [];
  let row: string[] = [];
  let field = "";
  let quoted = false;
  let line = 1;
  let start = 1;
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        if (ch === "\n") line++;
        field += ch;
      }
    } else if (ch === '"' && field === "") {
      quoted = true;
    } else if (ch === ",") {
      row.push(field);
      field = "";
    } else if (ch === "\n" || ch === "\r") {
      if (ch === "\r" && text[i + 1] === "\n") i++;
      row.push(field);
      rows.push({ line: start, cells: row });
      row = [];
      field = "";
      line++;
      start = line;
    } else {
      field += ch;
    }
  }
  if (field !== "" || row.length > 0) {
    row.push(field);
    rows.push({ line: start, cells: row });
  }
  return rows.filter((r) => r.cells.some((cell) => cell.trim() !== ""));
}
