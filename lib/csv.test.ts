import { describe, expect, it } from "vitest";
import { parseCsv, parseCsvRecords, toCsv, unguardCell } from "./csv";

describe("toCsv", () => {
  it("quotes commas, quotes and line breaks", () => {
    expect(toCsv([["a,b", 'say "hi"', "two\nlines", 12, null]])).toBe('"a,b","say ""hi""","two\nlines",12,\r\n');
  });

  it.each(["=SUM(A1:A9)", "+1+1", "-2+3", "@cmd", "\tTAB", "\rCR"])("neutralises a formula-like cell %j", (cell) => {
    const line = toCsv([[cell]]).trimEnd();
    expect(line.replace(/^"|"$/g, "").startsWith("'")).toBe(true);
  });

  it("leaves negative numbers that are numbers alone", () => {
    expect(toCsv([[-1250]])).toBe("-1250\r\n");
  });
});

describe("parseCsv", () => {
  it("reads quoted fields, doubled quotes, CRLF and a BOM", () => {
    expect(parseCsv('\uFEFFname,note\r\n"Lee, Jordan","said ""yes"""\r\nSam,"multi\nline"\n')).toEqual([
      ["name", "note"],
      ["Lee, Jordan", 'said "yes"'],
      ["Sam", "multi\nline"],
    ]);
  });

  it("skips blank lines and keeps empty cells", () => {
    expect(parseCsv("a,,c\n\n,,\nd,e,f")).toEqual([
      ["a", "", "c"],
      ["d", "e", "f"],
    ]);
  });

  it("round-trips what toCsv writes", () => {
    const rows = [["x,y", 'q"uote', "plain"]];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });
});

describe("parseCsvRecords", () => {
  it("knows the file line of each record, past blank lines and multi-line fields", () => {
    expect(parseCsvRecords('h1,h2\n\na,"two\nlines"\nb,c\n').map((r) => r.line)).toEqual([1, 3, 5]);
  });
});

describe("unguardCell", () => {
  it("undoes the formula guard and nothing else", () => {
    expect(unguardCell(parseCsv(toCsv([["=SUM(A1)"]]))[0]![0]!)).toBe("=SUM(A1)");
    expect(unguardCell("'quoted")).toBe("'quoted");
    expect(unguardCell("plain")).toBe("plain");
  });
});
