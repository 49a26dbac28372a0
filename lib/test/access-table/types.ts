import type { AnyRole, Cells } from "./roles";

/* Ids and texts of the subject's records, read from the database the rows run against. */
export type Ids = Record<string, string>;

/* The DAL row in lib/test/access-dal/ that proves an allowed action's effect (as the column's role, unless `as` says who plays it), or an e2e test. */
export type Proof = { what: string; as?: string } | { spec: string; test: string };

export type AccessRow = {
  /* A key from lib/test/app-surface.ts: "page /reviews/[id]", "GET /framework/export", "action app/…/actions.ts#name". */
  entry: string;
  /* Which case of the entry this row is, when it has several. */
  variant?: string;
  /* Rows about promotion packets fill the packet roles too. */
  packet?: true;
  cells: Cells;
  /* Pages and route handlers: the URL to request (GET unless `method`). */
  path?: (ids: Ids) => string;
  method?: "GET" | "POST";
  /* What an allowed page or download must hold: the record it is about. */
  shows?: (ids: Ids) => string;
  /* Server actions: what a caller sends, valid, so only the access check can stop it. */
  input?: (ids: Ids) => Record<string, unknown>;
  /* Server actions that read FormData get it as the browser encodes a form; "no-js" is a bare <form action> posted without JavaScript. */
  encoding?: "formdata" | "no-js";
  /* A bare <form action> answers nothing: signed out, it must simply not succeed; a refused call must leave unchanged what e2e/access-control.spec.ts watches for it (WATCH). */
  silent?: true;
  /* Allowed pages that redirect (to the view they stand for): followed, and the end must show the record. */
  follows?: true;
  /* Server actions: the proof of each allowed cell. */
  proofs?: Partial<Record<AnyRole, Proof>>;
};
