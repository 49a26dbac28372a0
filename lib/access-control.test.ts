import { describe, expect, it } from "vitest";
import type { Row } from "@/lib/test/access-dal/harness";
import { ACCESS_TABLE, tableFigures } from "@/lib/test/access-table";
import { tableProblems } from "@/lib/test/access-coverage";
import { appSurface } from "@/lib/test/app-surface";
import { peopleRows } from "@/lib/test/access-dal/people";
import { stipendRows } from "@/lib/test/access-dal/stipend";
import { frameworkRows } from "@/lib/test/access-dal/framework";
import { evidenceReviewRows } from "@/lib/test/access-dal/evidence-reviews";
import { managerReviewRows } from "@/lib/test/access-dal/manager-reviews";
import { packetRows } from "@/lib/test/access-dal/packets";
import { committeeRows } from "@/lib/test/access-dal/committee";
import { accountRows } from "@/lib/test/access-dal/account";

/*
 * The DAL rows of the access-control table live per feature in
 * lib/test/access-dal/ (harness.ts says how a row is run and proven), each
 * run by its own test file in lib/access-control/. Here they are only read:
 * the table's proofs must name rows that exist.
 */

/*
 * The table over the whole app: every page, route handler and server action
 * (read from the source) has a row for every role, and every allowed action
 * cell is proven by an allowed row above. e2e/access-control.spec.ts runs the
 * table's cells over HTTP.
 */
describe("the access-control table", () => {
  const surface = appSurface();
  const rows: Row[] = [...peopleRows, ...frameworkRows, ...stipendRows, ...evidenceReviewRows, ...managerReviewRows, ...packetRows, ...committeeRows, ...accountRows];

  it("covers every page, route handler and server action, for every role, with proofs", () => {
    expect(surface.filter((e) => e.kind === "page").length).toBeGreaterThan(25);
    expect(surface.filter((e) => e.kind === "action").length).toBeGreaterThan(25);
    expect(tableProblems(surface, ACCESS_TABLE, rows)).toEqual([]);
  });

  it("fails for an entry without a row, a missing role or a proof that does not exist", () => {
    const [first, ...rest] = ACCESS_TABLE;
    const withoutRole = { ...first!, cells: { ...first!.cells, director: undefined as never } };
    const packetRow = ACCESS_TABLE.find((r) => r.packet)!;
    const withoutPacketRole = { ...packetRow, cells: { ...packetRow.cells, recusedMember: undefined } };
    const unproven = ACCESS_TABLE.find((r) => r.entry.startsWith("action ") && r.proofs && Object.keys(r.proofs).length)!;
    const problems = tableProblems(
      [...surface, { kind: "page", key: "page /brand-new", file: "app/(app)/brand-new/page.tsx" }, { kind: "inline-action", key: "inline action app/x.tsx:3", file: "app/x.tsx" }],
      [withoutRole, withoutPacketRole, ...rest.filter((r) => r !== unproven && r !== packetRow), { ...unproven, proofs: { ...unproven.proofs, engineer: { what: "no such row" }, manager: { what: "no such row" }, admin: { what: "no such row" } } }],
      rows,
    );
    expect(problems.join("\n")).toMatch(/page \/brand-new has no row/);
    expect(problems.join("\n")).toMatch(/inline action app\/x.tsx:3: move it/);
    expect(problems.join("\n")).toMatch(/no cell for director/);
    expect(problems.join("\n")).toMatch(/no cell for recusedMember/);
    expect(problems.join("\n")).toMatch(/"no such row" as \w+, does not exist/);
  });

  it("has figures for SECURITY.md", () => {
    const figures = tableFigures();
    console.info(`access-control table: ${figures.rows} rows, ${figures.cells} cells (${figures.allowed} allowed, ${figures.refused} refused, ${figures.signIn} sign-in, ${figures.public} public); ${rows.length} DAL rows (${rows.filter((r) => r.expect === "allowed").length} allowed, ${rows.filter((r) => r.expect === "refused").length} refused)`);
    expect(figures.cells).toBe(figures.allowed + figures.refused + figures.signIn + figures.public);
    expect(figures.refused).toBeGreaterThan(100);
  });
});
