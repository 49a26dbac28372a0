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
