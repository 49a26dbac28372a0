import { describe, expect, it } from "vitest";
import { csvCell, parseCsv, parseCsvRecords, toCsv, unguardCell } from "./csv";

describe("csvCell", () => {
  it("leaves plain text and numbers alone", () => {
    expect(csvCell("Designing Data-Intensive Applications")).toBe("Designing Data-Intensive Applications");
    expect(csvCell(49.99)).toBe("49.99");
    expect(csvCell(-3)).toBe("-3");
    expect(csvCell(null)).toBe("");
    expect(csvCell(undefined)).toBe("");
    expect(csvCell(Number.NaN)).toBe("");
  });
  it("quotes commas, quotes and line breaks", () => {
    expect(csvCell("O'Reilly, Inc.")).toBe(`"O'Reilly, Inc."`);
    expect(csvCell('The "Phoenix" Project')).toBe(`"The ""Phoenix"" Project"`);
    expect(csvCell("line one\nline two")).toBe(`"line one\nline two"`);
    expect(csvCell("a\r\nb")).toBe(`"a\r\nb"`);
  });
  it.each([
    ["=HYPERLINK(\"http://evil\")", `"'=HYPERLINK(""http://evil"")"`],
    ["+1+1", "'+1+1"],
    ["-2+3", "'-2+3"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["\r=1", `"'\r'=1"`],
  ])("neutralises formula-like text %j", (input, output) => {
    expect(csvCell(input)).toBe(output);
  });
  it("does not touch formula characters inside a segment", () => {
    expect(csvCell("a=b")).toBe("a=b");
    expect(csvCell("Jean-Luc Picard")).toBe("Jean-Luc Picard");
    expect(csvCell("Books; -20% off")).toBe(`"Books; -20% off"`);
  });
  it("leaves plain numbers alone, whether our code passes them as numbers or as exact decimals", () => {
    expect(csvCell(-12.5)).toBe("-12.5");
    expect(csvCell("1234.50")).toBe("1234.50");
    expect(csvCell("-12.50")).toBe("-12.50");
    expect(csvCell("2026-03-02")).toBe("2026-03-02");
    expect(csvCell("jordan@example.com")).toBe("jordan@example.com");
  });
  // A spreadsheet that splits on ";" or tab, or ignores the quotes, starts a new cell after each separator.
  it.each([
    ["a;=cmd|' /C calc'!A0", `"a;'=cmd|' /C calc'!A0"`],
    ["x\t=1+1", `"x\t'=1+1"`],
    ["@SUM(1)", "'@SUM(1)"],
    ["+1", "'+1"],
    ["-1+1", "'-1+1"],
    ["x;@a", `"x;'@a"`],
    ["Bob;=1+1", `"Bob;'=1+1"`],
    ["Bob,=1+1", `"Bob,'=1+1"`],
    ["a\n-2+3", `"a\n'-2+3"`],
    ["a\r\n+1", `"a\r\n'+1"`],
    ["a\t\t=1", `"a\t\t'=1"`],
    ["\t=1", `"'\t'=1"`],
    ["=1;=2", `"'=1;'=2"`],
    ["'=already", "''=already"],
    ['=HYPERLINK("http://evil","x")', `"'=HYPERLINK(""http://evil"",""x"")"`],
  ])("neutralises every segment a spreadsheet could read as a formula: %j", (input, output) => {
    expect(csvCell(input)).toBe(output);
  });
});

describe("toCsv", () => {
  it("joins rows with CRLF and ends with one", () => {
    expect(toCsv([["name", "amount"], ["Jordan Lee", 49.99], ["", null]])).toBe("name,amount\r\nJordan Lee,49.99\r\n,\r\n");
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
  it.each(["a;=cmd|' /C calc'!A0", "x\t=1+1", "\t=1", "=1;=2", "'=already", "a;'=b", "O'Brien", "-1+1", "Bob,=1+1", "a\r\n+1"])("gives back exactly what was guarded: %j", (value) => {
    expect(unguardCell(parseCsv(toCsv([[value, "end"]]))[0]![0]!)).toBe(value);
  });
});
