import { describe, expect, it } from "vitest";
import { IMPORT_COLUMNS, orderForInsert, validatePeopleCsv, type ImportContext } from "./csv-import";

const context: ImportContext = {
  existing: new Map([
    ["sam@example.com", { id: "sam", active: true }],
    ["gone@example.com", { id: "gone", active: false }],
  ]),
  levels: [
    { key: "ic1", trackKey: "ic" },
    { key: "ic2", trackKey: "ic" },
    { key: "m1", trackKey: "mgmt" },
  ],
};

const HEADER = "name,email,role,track,level,manager_email,team,start_date";
const csv = (...lines: string[]) => [HEADER, ...lines].join("\n");

describe("validatePeopleCsv", () => {
  it("accepts a valid file, with managers from Trellis or from the file itself", () => {
    const result = validatePeopleCsv(
      csv("Ana Lead,ana@example.com,manager,mgmt,m1,sam@example.com,Payments,2026-02-01", "Bo Dev,BO@example.com,engineer,ic,ic1,ana@example.com,Payments,2026-03-01"),
      context,
    );
    expect(result.problems).toEqual([]);
    expect(result.rows.map((r) => [r.email, r.managerEmail])).toEqual([
      ["ana@example.com", "sam@example.com"],
      ["bo@example.com", "ana@example.com"],
    ]);
  });

  it("reports an unknown manager", () => {
    const { problems } = validatePeopleCsv(csv("Cy,cy@example.com,engineer,ic,ic1,nobody@example.com,T,2026-01-05"), context);
    expect(problems).toEqual([{ line: 2, column: "manager_email", message: "Unknown manager nobody@example.com: not in Trellis or in this file" }]);
  });

  it("reports a deactivated manager", () => {
    const { problems } = validatePeopleCsv(csv("Cy,cy@example.com,engineer,ic,ic1,gone@example.com,T,2026-01-05"), context);
    expect(problems[0]?.message).toBe("Manager gone@example.com is deactivated");
  });

  it("reports duplicate emails, against Trellis and within the file", () => {
    const { problems } = validatePeopleCsv(
      csv("Sam Again,sam@example.com,engineer,ic,ic1,,T,2026-01-05", "Di,di@example.com,engineer,ic,ic1,,T,2026-01-05", "Di Two,DI@example.com,engineer,ic,ic1,,T,2026-01-05"),
      context,
    );
    expect(problems).toEqual([
      { line: 2, column: "email", message: "sam@example.com already belongs to someone in Trellis" },
      { line: 4, column: "email", message: "di@example.com is also on line 3" },
    ]);
  });

  it("reports an unknown level, a level on another track and an unknown track", () => {
    const { problems } = validatePeopleCsv(
      csv("A,a@example.com,engineer,ic,ic9,,T,2026-01-05", "B,b@example.com,engineer,ic,m1,,T,2026-01-05", "C,c@example.com,engineer,design,ic1,,T,2026-01-05"),
      context,
    );
    expect(problems.map((p) => [p.line, p.column, p.message])).toEqual([
      [2, "level", 'Unknown level "ic9"'],
      [3, "level", 'Level "m1" is not on the "ic" track'],
      [4, "track", 'Unknown track "design". Use one of: ic, mgmt'],
    ]);
  });

  it("reports every row of a reporting cycle", () => {
    const { problems } = validatePeopleCsv(
      csv("A,a@example.com,manager,mgmt,m1,b@example.com,T,2026-01-05", "B,b@example.com,manager,mgmt,m1,c@example.com,T,2026-01-05", "C,c@example.com,manager,mgmt,m1,a@example.com,T,2026-01-05", "D,d@example.com,engineer,ic,ic1,a@example.com,T,2026-01-05"),
      context,
    );
    expect(problems.map((p) => p.line)).toEqual([2, 3, 4]);
    expect(problems[0]!.message).toMatch(/^Reporting cycle/);
  });

  it("reports self-management, bad emails, roles and dates, several per row", () => {
    const { problems } = validatePeopleCsv(csv(",not-an-email,wizard,ic,ic1,,T,2026-02-30", "E,e@example.com,engineer,ic,ic1,e@example.com,T,05/01/2026"), context);
    expect(problems.map((p) => `${p.line}:${p.column}`)).toEqual(["2:name", "2:email", "2:role", "2:start_date", "3:start_date", "3:manager_email"]);
  });

  it("reports the file's own line numbers, past blank lines", () => {
    const { problems } = validatePeopleCsv(`${HEADER}\n\nA,a@example.com,engineer,ic,ic9,,T,2026-01-05`, context);
    expect(problems[0]).toMatchObject({ line: 3, column: "level" });
  });

  it("reads back a name that the export guarded against formulas", () => {
    const { rows } = validatePeopleCsv(csv(`'=Odd Name,odd@example.com,engineer,ic,ic1,,T,2026-01-05`), context);
    expect(rows[0]!.name).toBe("=Odd Name");
  });

  it("refuses a file without the expected columns", () => {
    expect(validatePeopleCsv("name,email\nA,a@example.com", context).problems[0]!.message).toMatch(/^Missing columns: role, track, level, manager_email, team, start_date/);
    expect(validatePeopleCsv("", context).problems[0]!.message).toBe("The file is empty");
  });
});

describe("orderForInsert", () => {
  it("puts managers before their reports", () => {
    const { rows } = validatePeopleCsv(
      csv("C,c@example.com,engineer,ic,ic1,b@example.com,T,2026-01-05", "B,b@example.com,manager,mgmt,m1,a@example.com,T,2026-01-05", "A,a@example.com,manager,mgmt,m1,,T,2026-01-05"),
      context,
    );
    expect(orderForInsert(rows).map((r) => r.email)).toEqual(["a@example.com", "b@example.com", "c@example.com"]);
  });
});

describe("a file that is not CSV", () => {
  it("names the line with the broken quote instead of failing", () => {
    const text = `${IMPORT_COLUMNS.join(",")}\nAda,ada@example.com,engineer,ic,ic2,,Core,2026-01-05\n"Bob,bob@example.com,engineer,ic,ic2,,Core,2026-01-05\n`;
    const { rows, problems } = validatePeopleCsv(text, { existing: new Map(), levels: [{ key: "ic2", trackKey: "ic" }] });
    expect(rows).toEqual([]);
    expect(problems).toEqual([{ line: 3, message: expect.stringMatching(/quoted field is never closed/) }]);
  });
});
