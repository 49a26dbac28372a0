import type Database from "better-sqlite3";

/*
 * Records every statement better-sqlite3 runs (its SQL and parameters) while
 * `fn` runs, by wrapping the Statement prototype's run/get/all/iterate. Used
 * by the query-plan test to EXPLAIN what the DAL really asks, and to count
 * statements per page.
 */
export type Executed = { sql: string; params: unknown[] };

let log: Executed[] | null = null;
let installed = false;

function install(sqlite: Database.Database) {
  if (installed) return;
  installed = true;
  const proto = Object.getPrototypeOf(sqlite.prepare("select 1")) as Record<string, (...args: unknown[]) => unknown>;
  for (const method of ["run", "get", "all", "iterate"]) {
    const original = proto[method]!;
    proto[method] = function (this: Database.Statement, ...args: unknown[]) {
      log?.push({ sql: this.source, params: args });
      return original.apply(this, args);
    };
  }
}

export function recordStatements<T>(sqlite: Database.Database, fn: () => T): { value: T; statements: Executed[] } {
  install(sqlite);
  const statements: Executed[] = [];
  log = statements;
  try {
    return { value: fn(), statements };
  } finally {
    log = null;
  }
}

/* The EXPLAIN QUERY PLAN lines of a recorded statement, run with its own parameters. */
export function queryPlan(sqlite: Database.Database, statement: Executed): string[] {
  const rows = sqlite.prepare(`explain query plan ${statement.sql}`).all(...statement.params) as { detail: string }[];
  return rows.map((r) => r.detail);
}
