import "server-only";
import { db, type Db } from "@/db";

/*
 * Statements on every request's path (the session check, the viewer, the
 * framework version), built by drizzle and compiled by SQLite once per
 * connection instead of on every call. Profiling the framework page showed
 * query building and statement compilation as the largest part of its DAL
 * time. Use drizzle's `.prepare()` with `sql.placeholder` inside `build`.
 */
const byConnection = new WeakMap<Db, Map<string, unknown>>();

export function prepared<T>(key: string, build: (database: Db) => T): T {
  const database = db();
  let statements = byConnection.get(database);
  if (!statements) byConnection.set(database, (statements = new Map()));
  if (!statements.has(key)) statements.set(key, build(database));
  return statements.get(key) as T;
}

/*
 * Data of a published framework version, kept in memory per connection:
 * publishing freezes a version's rows, so what was read once stays true.
 * Frozen, so a caller that tried to change the shared copy would fail loudly.
 */
const published = new WeakMap<Db, Map<string, unknown>>();

export function publishedVersionData<T extends object>(versionId: number, what: string, load: () => T): T {
  const database = db();
  let data = published.get(database);
  if (!data) published.set(database, (data = new Map()));
  const key = `${versionId}:${what}`;
  if (!data.has(key)) data.set(key, deepFreeze(load()));
  return data.get(key) as T;
}

function deepFreeze<T>(value: T): T {
  if (value && typeof value === "object" && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of value instanceof Map ? value.values() : Object.values(value)) deepFreeze(inner);
  }
  return value;
}
