import fs from "node:fs";
import { PACKET_ROLES, rolesOf, rowName, type AccessRow } from "./access-table";
import type { SurfaceEntry } from "./app-surface";

/* A DAL row of lib/test/access-dal/, as far as the table's proofs need it. */
export type DalRow = { what: string; as: string; expect: "allowed" | "refused" };

/*
 * Everything wrong with the table against the app: an entry without a row, a
 * row for nothing, an inline server action, a missing role, a row the HTTP
 * harness could not run, and an allowed action cell whose proof does not exist.
 */
export function tableProblems(surface: SurfaceEntry[], table: AccessRow[], dalRows: DalRow[]): string[] {
  const problems: string[] = [];
  const keys = new Set(surface.map((e) => e.key));
  const covered = new Set(table.map((r) => r.entry));
  for (const entry of surface) {
    if (entry.kind === "inline-action") problems.push(`${entry.key}: move it to an actions.ts file, where the table can see it`);
    else if (!covered.has(entry.key)) problems.push(`${entry.key} has no row in the access-control table (lib/test/access-table/)`);
  }
  for (const row of table) {
    const name = rowName(row);
    if (!keys.has(row.entry)) problems.push(`${name}: no such page, route handler or server action`);
    for (const role of rolesOf(row)) if (!row.cells[role]) problems.push(`${name}: no cell for ${role}`);
    if (!row.packet) for (const role of PACKET_ROLES) if (row.cells[role]) problems.push(`${name}: ${role} is only for promotion-packet rows (mark the row packet)`);
    const isAction = row.entry.startsWith("action ");
    if (isAction && !row.input) problems.push(`${name}: an action row needs the input its callers send`);
    if (!isAction && !row.path) problems.push(`${name}: a page or route row needs the path to request`);
    if (!isAction) continue;
    for (const role of rolesOf(row).filter((r) => row.cells[r] === "allowed")) {
      const proof = row.proofs?.[role];
      if (!proof) problems.push(`${name}: ${role} is allowed, but no proof names the DAL row that shows the effect`);
      else if ("spec" in proof) {
        if (!fs.existsSync(proof.spec) || !fs.readFileSync(proof.spec, "utf8").includes(proof.test)) problems.push(`${name}: ${role}'s proof, "${proof.test}" in ${proof.spec}, does not exist`);
      } else {
        const as = proof.as ?? role;
        if (!dalRows.some((d) => d.what === proof.what && d.as === as && d.expect === "allowed")) problems.push(`${name}: ${role}'s proof, the allowed DAL row "${proof.what}" as ${as}, does not exist`);
      }
    }
  }
  return problems;
}


