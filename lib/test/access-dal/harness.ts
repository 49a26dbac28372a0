import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { committeeMembers, people } from "@/db/schema";
import { getViewerById } from "@/lib/dal/people";
import type { Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { fileClaim, TEST_TODAY, TEST_YEAR } from "@/lib/test/builders";
import { insertPerson } from "@/lib/test/factory";
import { buildOrg, type Actor, type Org } from "@/lib/test/org";

/*
 * The access-control table, checked below the browser: each row calls a DAL
 * function as a given person and says whether it must be allowed or refused.
 * Refused means "looks missing" (NotFoundError). Allowed means the call did
 * its work: every action carries a proof, run on what the call returned, that
 * the read returned the record asked for or the write changed the record
 * (re-read from the database). A proof must assert something; the harness
 * checks that it did.
 *
 * Each feature's rows and the records they need live beside this file
 * (lib/test/access-dal/<feature>.ts, exporting its rows and a setup); a thin
 * test file in lib/access-control/ runs them on a database of its own
 * (lib/test/setup.ts), and lib/access-control/table.test.ts checks that the
 * access-control table's proofs name rows that exist.
 * e2e/access-control.spec.ts holds the matching rows for pages over HTTP.
 */
export type Person = keyof Org["people"];
export type Action = { run: (org: Org, actor: Actor) => Promise<unknown>; proves: (result: unknown, org: Org, actor: Actor) => void | Promise<void> };
export type Row = { what: string; as: Actor; expect: "allowed" | "refused"; action: Action };

/* The only way to make an Action: the call, and what must hold afterwards when it is allowed. */
export function action<T>(run: (org: Org, actor: Actor) => T, proves: (result: Awaited<T>, org: Org, actor: Actor) => void | Promise<void>): Action {
  return { run: async (org, actor) => run(org, actor), proves: (result, org, actor) => proves(result as Awaited<T>, org, actor) };
}

export const T0 = Date.UTC(2026, 10, 22, 12);
/* Calls `call` on a person made for this row, so a write's effect is that row's alone. */
export const onFreshPerson =
  <R>(call: (viewer: Viewer, personId: string) => R) =>
  (org: Org, a: Actor) => {
    const person = insertPerson(db());
    return { person, result: call(org.as[a], person.id) };
  };
/* The proof of a write that returns a Result: it succeeded, and `check` finds the change in the database. */
export const succeededAnd =
  (check: (person: { id: string }) => void) =>
  ({ person, result }: { person: { id: string }; result: Result }) => {
    expect(result).toEqual({ ok: true, value: undefined });
    check(person);
  };
export const personRow = (id: string) => db().select().from(people).where(eq(people.id, id)).get()!;
export const asPerson = (id: string) => getViewerById(id)!;
/* For setup and for a row's own preparation: a change that must be made, or the row cannot say anything. */
export const mustSucceed = <T extends { ok: boolean }>(result: T) => {
  if (!result.ok) throw new Error(`expected the change to be made: ${JSON.stringify(result)}`);
  return result;
};
/* The nine cells of the default framework's matrix, as "competency.theme". */
export const ALL_CELLS = ["values", "technical", "leadership"].flatMap((c) => ["complexity", "influence", "multiplier"].map((t) => `${c}.${t}`));

/* A claim of each of `who` this year, titled "Team view <who>": what team views, reports, the audit log and exports must show or keep out. */
export async function fileTeamViewClaims(org: Org, who: readonly Actor[]) {
  for (const a of who) await fileClaim(org.as[a], { purchaseDate: `${TEST_YEAR}-01-10`, item: `Team view ${a}` }, TEST_TODAY);
}

/*
 * What a feature's setup makes for its rows (a draft's number, a cycle's id,
 * a counter the rows advance), set in its setup and read by its rows. Reading
 * it before the setup ran is an error, not a default.
 */
export function featureState<T>(feature: string) {
  let value: T | undefined;
  return {
    set(next: T) {
      value = next;
    },
    get(): T {
      if (value === undefined) throw new Error(`access-control rows of ${feature}: read before their setup ran`);
      return value;
    },
  };
}

/*
 * The small org of lib/test/org.ts with its committee: the peer is on it (not
 * recused from their peers' packets), and so is the director (recused from
 * everyone below them). Every feature runs with them on it, so no feature's
 * refusal holds only because nobody was on the committee.
 */
export function accessOrg(): Org {
  const org = buildOrg();
  for (const who of ["peer", "director"] as const) db().insert(committeeMembers).values({ personId: org.people[who].id, addedById: org.people.admin.id }).run();
  return org;
}

/*
 * Runs a feature's rows in the calling test file, on its own database: the
 * org and the feature's setup first, then each row as its person. A refused
 * row must throw NotFoundError; an allowed row's proof must pass and must
 * have asserted something.
 */
export function runRows(rows: readonly Row[], setup: (org: Org) => void | Promise<void>) {
  let org: Org | undefined;
  describe("access control", () => {
    beforeAll(async () => {
      org = accessOrg();
      await setup(org);
    });

    it.each(rows)("$as: $what -> $expect", async (row) => {
      const attempt = row.action.run(org!, row.as);
      if (row.expect === "refused") {
        await expect(attempt).rejects.toThrow(NotFoundError);
        return;
      }
      const result = await attempt;
      const before = expect.getState().assertionCalls;
      await row.action.proves(result, org!, row.as);
      expect(expect.getState().assertionCalls - before, "an allowed row must prove its effect with at least one assertion").toBeGreaterThan(0);
    });
  });
}
