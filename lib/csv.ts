/*
 * CSV per RFC 4180 (CRLF line ends, fields quoted when they hold a comma,
 * quote or line break, quotes doubled), made safe to open in a spreadsheet:
 * a text cell that a spreadsheet would read as a formula (=, +, -, @, tab,
 * carriage return first) gets a leading apostrophe. Numbers are written as-is.
 */
export type CsvCell = string | number | null | undefined;

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: CsvCell): string {
  if (value === null || value === undefined) return "";
  if (typeof value === "number") return Number.isFinite(value) ? String(value) : "";
  const text = FORMULA_START.test(value) ? `'${value}` : value;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(rows: CsvCell[][]): string {
  return rows.map((row) => row.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

/* Undoes the formula guard of toCsv, so a file Trellis wrote reads back as it was. */
export function unguardCell(value: string): string {
  return /^'[=+\-@\t\r]/.test(value) ? value.slice(1) : value;
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
