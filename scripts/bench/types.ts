import type { LoadResult } from "./load";

/* Shapes shared by the page benchmark's modules. */
export type Role = "engineer" | "manager" | "director";
/* Lookups in the benchmarked org's database, for the record ids a page path needs. */
export type Lookups = { one: (sql: string, ...params: unknown[]) => string; person: (role: Role) => string };
export type PageResult = LoadResult & { key: string; label: string; path: string; bytes: number; static: LoadResult | null };
export type TargetResult = { key: string; label: string; people: number; pages: PageResult[]; skipped: { key: string; label: string; note: string }[] };
