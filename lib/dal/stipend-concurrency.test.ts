import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { and, eq, inArray, sum } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { stipendClaims } from "@/db/schema";
import { insertPerson } from "@/lib/test/factory";
import { buildOrg, type Org } from "@/lib/test/org";

const run = promisify(execFile);
const tsx = path.resolve("node_modules/.bin/tsx");
const child = path.resolve("lib/test/file-claims-child.ts");

let org: Org;
beforeAll(() => {
  org = buildOrg();
});

/*
 * Several OS processes, each with its own SQLite connection, file claims for
 * one person at the same moment. Within one process the balance check and the
 * insert cannot interleave anyway; across processes only the immediate
 * transaction keeps them apart. Every claim must be filed or cleanly refused
 * (no SQLITE_BUSY), and the held total must stop at the allowance.
 */
describe("claims filed by several processes at once", () => {
  it("never exceed the allowance and never fail with a database error", { timeout: 60_000 }, async () => {
    const person = insertPerson(db(), { managerId: org.people.manager.id, startDate: "2024-01-01" });
    const processes = 4;
    const perProcess = 8;
    const amount = 15_000; // $150: 13 fit in $2,000, 32 are attempted.
    const startAt = Date.now() + 4_000;
    const outcomes = await Promise.all(
      Array.from({ length: processes }, () =>
        run(tsx, ["--conditions=react-server", child, person.id, String(startAt), String(perProcess), String(amount)], { env: process.env, timeout: 50_000 }).then(
          ({ stdout }) => JSON.parse(stdout) as { filed: number; refused: number; errors: string[] },
        ),
      ),
    );
    expect(outcomes.flatMap((o) => o.errors)).toEqual([]);
    const filed = outcomes.reduce((n, o) => n + o.filed, 0);
    const refused = outcomes.reduce((n, o) => n + o.refused, 0);
    expect(filed + refused).toBe(processes * perProcess);
    expect(filed).toBe(13);
    const held = db()
      .select({ total: sum(stipendClaims.amountChargedMinor) })
      .from(stipendClaims)
      .where(and(eq(stipendClaims.personId, person.id), inArray(stipendClaims.status, ["pending", "approved", "reimbursed"])))
      .get();
    expect(Number(held?.total)).toBe(13 * amount);
  });
});
