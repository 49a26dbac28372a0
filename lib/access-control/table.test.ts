import fs from "node:fs";
import path from "node:path";
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
 * lib/test/access-dal/<feature>.ts (harness.ts says how a row is run and
 * proven), each run by lib/access-control/<feature>.test.ts on a database of
 * its own. Here they are only read, never run: every allowed action cell of
 * the table must name a row that exists.
 */
const FEATURES: Record<string, readonly Row[]> = {
  people: peopleRows,
  framework: frameworkRows,
  stipend: stipendRows,
  "evidence-reviews": evidenceReviewRows,
  "manager-reviews": managerReviewRows,
  packets: packetRows,
  committee: committeeRows,
  account: accountRows,
};
/* Modules of lib/test/access-dal/ that hold no rows of their own. */
const HELPERS = ["harness", "review-cycle", "packet-helpers"];

/*
 * The table over the whole app: every page, route handler and server action
 * (read from the source) has a row for every role, and every allowed action
 * cell is proven by an allowed DAL row. e2e/access-control.spec.ts runs the
 * table's cells over HTTP.
 */
describe("the access-control table", () => {
  const surface = appSurface();
  const rows: Row[] = Object.values(FEATURES).flat();

  it("covers every page, route handler and server action, for every role, with proofs", () => {
    expect(surface.filter((e) => e.kind === "page").length).toBeGreaterThan(25);
    expect(surface.filter((e) => e.kind === "action").length).toBeGreaterThan(25);
    expect(tableProblems(surface, ACCESS_TABLE, rows)).toEqual([]);
    // The rows above are every feature's, and every feature's rows are run by a test file of its own.
    const modules = fs.readdirSync(path.join(import.meta.dirname, "../test/access-dal")).map((f) => f.replace(/\.ts$/, ""));
    expect(modules.filter((m) => !HELPERS.includes(m)).sort(), "a module of lib/test/access-dal/ is neither listed in FEATURES nor in HELPERS").toEqual(Object.keys(FEATURES).sort());
    for (const feature of Object.keys(FEATURES)) {
      const runner = fs.readFileSync(path.join(import.meta.dirname, `${feature}.test.ts`), "utf8");
      const imported = runner.match(new RegExp(`import \\{ ([^}]*) \\} from "@/lib/test/access-dal/${feature}";`))?.[1]!.split(", ") ?? [];
      const run = runner.match(/^runRows\((\w+), (\w+)\);$/m)?.slice(1) ?? [];
      expect(run.length === 2 && run.every((name) => imported.includes(name)), `lib/access-control/${feature}.test.ts runs the rows and setup of lib/test/access-dal/${feature}.ts`).toBe(true);
    }
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
