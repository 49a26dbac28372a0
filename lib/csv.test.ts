import { describe, expect, it } from "vitest";
import { parseCsv, toCsv } from "./csv";

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
