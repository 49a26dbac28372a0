import type Database from "better-sqlite3";
import type { LargePerson } from "./org";
import type { Random } from "./random";

/*
 * What each step of the large seed shares: the raw connection (prepared
 * statements in one big transaction, through the real schema), the seeded
 * random source, the org's today, the people, and what earlier steps made.
 */
export type CellKey = { competencyKey: string; themeKey: string };

export type SeedContext = {
  sqlite: Database.Database;
  rng: Random;
  today: string;
  people: LargePerson[];
  byEmail: Map<string, LargePerson>;
  versionId: number;
  cellKeys: CellKey[];
  /* Each person's evidence entries (not removed), with the cells they are tagged to, oldest first. */
  evidence: Map<string, { id: string; occurredOn: string; cells: string[] }[]>;
  cycles: { id: string; name: string; openedOn: string; status: "open" | "closed" }[];
  /* The promotion committee's members (set when people are written). */
  committee: LargePerson[];
  /* Rows written per table, for the summary. */
  counts: Record<string, number>;
};

/* A prepared insert that counts its rows under `table`. */
export function inserter(ctx: SeedContext, table: string, columns: string[]) {
  const statement = ctx.sqlite.prepare(`insert into ${table} (${columns.join(", ")}) values (${columns.map(() => "?").join(", ")})`);
  ctx.counts[table] ??= 0;
  return (...values: unknown[]) => {
    statement.run(...values);
    ctx.counts[table]! += 1;
  };
}

export const cellIdOf = (c: CellKey) => `${c.competencyKey}.${c.themeKey}`;
