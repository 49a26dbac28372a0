import fs from "node:fs";
import path from "node:path";
import Database from "better-sqlite3";
import { drizzle, type BetterSQLite3Database } from "drizzle-orm/better-sqlite3";
import { migrate } from "drizzle-orm/better-sqlite3/migrator";
import type { BaseSQLiteDatabase } from "drizzle-orm/sqlite-core";
import { config } from "@/lib/config";
import * as schema from "./schema";

export type Db = BetterSQLite3Database<typeof schema> & { $client: Database.Database };

const migrationsFolder = path.join(/* turbopackIgnore: true */ process.cwd(), "db", "migrations");

export function openDatabase(file: string): Db {
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const sqlite = new Database(file);
  sqlite.pragma("journal_mode = WAL");
  sqlite.pragma("foreign_keys = ON");
  sqlite.pragma("busy_timeout = 5000");
  sqlite.pragma("synchronous = NORMAL");
  const db = drizzle(sqlite, { schema });
  migrate(db, { migrationsFolder });
  // Table statistics for the query planner (SQLite's advice for long-lived connections): without them it can
  // start a manager's query from every open review in the org. Bounded work: about 0.1 s on 10,000 people.
  sqlite.pragma("analysis_limit = 400");
  sqlite.pragma("optimize = 0x10002");
  return db;
}

/*
 * Opened on first use, not at import: `next build` imports this module while
 * collecting page data, and must not create or migrate a database file.
 * Cached on globalThis so hot reloads in development reuse one connection.
 */
const globalForDb = globalThis as unknown as { trellisDb?: Db };

export function db(): Db {
  globalForDb.trellisDb ??= openDatabase(config().databasePath);
  return globalForDb.trellisDb;
}

/* A connection or an open transaction: DAL helpers that must join the caller's transaction take this. */
export type Executor = BaseSQLiteDatabase<"sync", Database.RunResult, typeof schema>;
