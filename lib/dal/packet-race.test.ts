import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import { and, eq, inArray } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { packets } from "@/db/schema";
import { insertPerson } from "@/lib/test/factory";
import { buildOrg, type Org } from "@/lib/test/org";

const run = promisify(execFile);
const tsx = path.resolve("node_modules/.bin/tsx");
const child = path.resolve("lib/test/start-packet-child.ts");

let org: Org;
beforeAll(() => {
  org = buildOrg();
});

/*
 * The one-open-packet rule across processes: the engineer and their manager,
 * each from two processes with their own SQLite connection, start a packet
 * for the same person at the same moment. Exactly one is started, the rest
 * are refused cleanly (no SQLITE_BUSY, no constraint error reaching the user).
 */
describe("packets started by several processes at once", () => {
  it("leave exactly one open packet", { timeout: 60_000 }, async () => {
    const person = insertPerson(db(), { managerId: org.people.manager.id });
    const startAt = Date.now() + 4_000;
    const starters = [person.id, person.id, org.people.manager.id, org.people.manager.id];
    const outcomes = await Promise.all(
      starters.map((starter) =>
        run(tsx, ["--conditions=react-server", child, starter, person.id, String(startAt)], { env: process.env, timeout: 50_000 }).then(({ stdout }) => JSON.parse(stdout) as { started: number; refused: number; errors: string[] }),
      ),
    );
    expect(outcomes.flatMap((o) => o.errors)).toEqual([]);
    expect(outcomes.reduce((n, o) => n + o.started, 0)).toBe(1);
    expect(outcomes.reduce((n, o) => n + o.refused, 0)).toBe(3);
    expect(db().select({ id: packets.id }).from(packets).where(and(eq(packets.personId, person.id), inArray(packets.status, ["draft", "submitted", "endorsed"]))).all()).toHaveLength(1);
  });
});
