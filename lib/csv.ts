/*
 * CSV per RFC 4180 (csv-stringify and csv-parse), made safe to open in a
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
import { CsvError, parse } from "csv-parse/sync";
import { stringify } from "csv-stringify/sync";

export type CsvCell = string | number | null | undefined;

const PLAIN_NUMBER = /^-?\d+(?:\.\d+)?$/;
const UNSAFE_SEGMENT = /^(?='*[=+\-@\t\r])|(?<=[;,\t\r\n])(?='*[=+\-@])/g;
const GUARD_MARK = /^'(?='*[=+\-@\t\r])|(?<=[;,\t\r\n])'(?='*[=+\-@])/g;

function guard(value: string): string {
  return PLAIN_NUMBER.test(value) ? value : value.replace(UNSAFE_SEGMENT, "'");
}

export function toCsv(rows: CsvCell[][]): string {
  return stringify(rows, {
    record_delimiter: "windows",
    quoted_match: /[;\t\r\n]/,
    cast: { string: guard, number: (n) => (Number.isFinite(n) ? String(n) : "") },
  });
}

/* One cell as toCsv writes it. */
export function csvCell(value: CsvCell): string {
  return toCsv([[value]]).slice(0, -2);
}

/* Undoes the formula guard of toCsv, so a file Trellis wrote reads back as it was. */
export function unguardCell(value: string): string {
  return value.replace(GUARD_MARK, "");
}

/* Parses RFC 4180 CSV (quoted fields, doubled quotes, CRLF or LF, an optional BOM) into rows of strings. */
export function parseCsv(input: string): string[][] {
  return parseCsvRecords(input).map((r) => r.cells);
}

/*
 * As parseCsv, with the file line each record starts on (blank lines and
 * multi-line fields counted). csv-parse reports the line a record ends on, and
 * counts a CRLF inside a quoted field as two lines; both are undone here.
 */
export function parseCsvRecords(input: string): { line: number; cells: string[] }[] {
  const records = parse(input, { bom: true, relax_column_count: true, skip_empty_lines: true, info: true, record_delimiter: ["\r\n", "\n", "\r"] }) as unknown as {
    record: string[];
    info: { lines: number };
  }[];
  let overcounted = 0;
  const located = records.map(({ record, info }) => {
    const text = record.join("");
    const line = info.lines - (text.match(/[\r\n]/g)?.length ?? 0) - overcounted;
    overcounted += text.match(/\r\n/g)?.length ?? 0;
    return { line, cells: record };
  });
  return located.filter((r) => r.cells.some((cell) => cell.trim() !== ""));
}

/* A file that is not CSV at all (an unclosed quote, a stray quote mid-field), with the line csv-parse stopped on. */
export function csvSyntaxProblem(error: unknown): { line: number; message: string } | null {
  if (!(error instanceof CsvError)) return null;
  const line = (error as CsvError & { lines?: number }).lines ?? 1;
  const what = error.code === "CSV_QUOTE_NOT_CLOSED" ? "A quoted field is never closed" : "A quote is out of place";
  return { line, message: `${what}. Check the quotes on this line, or save the file again as CSV.` };
}
