import { ACTION_ROWS } from "./actions";
import { COMMITTEE_ROWS } from "./committee";
import { FRAMEWORK_EDITOR_ROWS } from "./framework-editor";
import { NOTIFICATION_ROWS } from "./notifications";
import { PACKET_ROWS } from "./packets";
import { PAGE_ROWS } from "./pages";
import { PACKET_ROLES, ROLES, type AnyRole } from "./roles";
import type { AccessRow } from "./types";

export * from "./roles";
export type * from "./types";

/*
 * The access-control table: one row (or more, one per case) for every page,
 * route handler and server action the app has. lib/access-control/table.test.ts
 * enumerates the app and fails when an entry has no row, a row lacks a role,
 * or an allowed action cell has no proof; e2e/access-control.spec.ts runs
 * every cell over HTTP.
 */
export const ACCESS_TABLE: AccessRow[] = [...PAGE_ROWS, ...ACTION_ROWS, ...PACKET_ROWS, ...NOTIFICATION_ROWS, ...FRAMEWORK_EDITOR_ROWS, ...COMMITTEE_ROWS];

export const rolesOf = (row: AccessRow): AnyRole[] => (row.packet ? [...ROLES, ...PACKET_ROLES] : [...ROLES]);
export const rowName = (row: AccessRow) => `${row.entry}${row.variant ? ` (${row.variant})` : ""}`;

/* Cells, allows and refusals, for SECURITY.md. */
export function tableFigures(table = ACCESS_TABLE) {
  const cells = table.flatMap((row) => rolesOf(row).map((role) => row.cells[role]));
  const count = (e: string) => cells.filter((c) => c === e).length;
  return { rows: table.length, cells: cells.length, allowed: count("allowed"), refused: count("refused"), signIn: count("sign-in"), public: count("public") };
}
