import { describe, expect, it } from "vitest";
import { csvCell, toCsv } from "./csv";

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
    ["\t=1", "'\t=1"],
    ["\r=1", `"'\r=1"`],
  ])("neutralises formula-like text %j", (input, output) => {
    expect(csvCell(input)).toBe(output);
  });
  it("does not touch formula characters that are not first", () => {
    expect(csvCell("a=b")).toBe("a=b");
  });
});

describe("toCsv", () => {
  it("joins rows with CRLF and ends with one", () => {
    expect(toCsv([["name", "amount"], ["Jordan Lee", 49.99], ["", null]])).toBe("name,amount\r\nJordan Lee,49.99\r\n,\r\n");
  });
});
