/*
 * npm run access:figures
 *
 * The access-control table's figures for SECURITY.md: what the app has
 * (pages, route handlers, server actions), how many rows and cells cover it,
 * and how the cells split into allowed, refused, sign-in and public.
 */
import { ACCESS_TABLE, rolesOf, tableFigures } from "@/lib/test/access-table";
import { appSurface } from "@/lib/test/app-surface";

const surface = appSurface();
const count = (kind: string) => surface.filter((e) => e.kind === kind).length;
const figures = tableFigures();
const byKind = (prefix: string) => {
  const rows = ACCESS_TABLE.filter((r) => (prefix === "page" ? !r.entry.startsWith("action ") : r.entry.startsWith("action ")));
  return { rows: rows.length, cells: rows.reduce((n, r) => n + rolesOf(r).length, 0) };
};
console.log(`The app: ${count("page")} pages, ${count("route")} route handler methods, ${count("action")} server actions (${count("inline-action")} inline).`);
console.log(`The table: ${figures.rows} rows, ${figures.cells} cells.`);
console.log(`  pages and route handlers: ${byKind("page").rows} rows, ${byKind("page").cells} cells, over HTTP`);
console.log(`  server actions: ${byKind("action").rows} rows, ${byKind("action").cells} cells, refusals over HTTP, allows by their DAL rows`);
console.log(`  allowed ${figures.allowed}, refused ${figures.refused}, sign-in ${figures.signIn}, public ${figures.public}`);
console.log(JSON.stringify({ surface: { pages: count("page"), routes: count("route"), actions: count("action") }, ...figures }));
