import { ADMINS, CHAIN, EVERYONE, MANAGERS, PUBLIC } from "./roles";
import type { AccessRow } from "./types";

/* Pages and route handlers: each role GETs the URL with its own session. */
const page = (entry: string, cells: AccessRow["cells"], path: AccessRow["path"], extra: Partial<AccessRow> = {}): AccessRow => ({ entry, cells, path, ...extra });
const adminPage = (path: string) => page(path.startsWith("/admin/people/export") ? `GET ${path}` : `page ${path}`, ADMINS, () => path);

export const PAGE_ROWS: AccessRow[] = [
  page("page /", EVERYONE, () => "/", { shows: () => "Needs my action" }),
  page("page /account", EVERYONE, () => "/account", { shows: () => "Sessions" }),
  // The benchmark's baseline: the signed-in shell with static text.
  page("page /about", EVERYONE, () => "/about", { shows: () => "About Trellis" }),
  // Download my data: always the asker's own records.
  page("GET /account/export", EVERYONE, () => "/account/export", { shows: () => '"formatVersion"' }),
  page("page /framework", EVERYONE, () => "/framework"),
  page("page /framework/compare", EVERYONE, () => "/framework/compare"),
  page("page /framework/next", EVERYONE, () => "/framework/next", { follows: true }),
  page("GET /framework/export", EVERYONE, () => "/framework/export?version=1", { shows: () => '"tracks"' }),
  page("page /evidence", EVERYONE, () => "/evidence"),
  page("page /evidence", CHAIN, (ids) => `/evidence?person=${ids.engineer}`, { variant: "the person's log", shows: (ids) => ids.entryTitle! }),
  page("page /evidence/new", EVERYONE, () => "/evidence/new"),
  page("page /evidence/[id]", CHAIN, (ids) => `/evidence/${ids.entry}`, { shows: (ids) => ids.entryTitle! }),
  page("page /people/[id]", CHAIN, (ids) => `/people/${ids.engineer}`, { shows: (ids) => ids.engineerName! }),
  page("page /reviews", EVERYONE, () => "/reviews"),
  page("page /reviews/[id]", CHAIN, (ids) => `/reviews/${ids.review}`, { shows: (ids) => ids.engineerName! }),
  page("page /reviews/team", MANAGERS, () => "/reviews/team"),
  page("page /reviews/calibration", MANAGERS, () => "/reviews/calibration"),
  page("GET /reviews/calibration/export", MANAGERS, () => "/reviews/calibration/export"),
  page("page /reviews/history/[personId]", CHAIN, (ids) => `/reviews/history/${ids.engineer}`, { shows: (ids) => ids.engineerName! }),
  page("page /stipend", EVERYONE, () => "/stipend"),
  page("page /stipend/new", EVERYONE, () => "/stipend/new"),
  // Everyone may open these; each lists only the claims its viewer may decide or see (the DAL's team-view rows).
  page("page /stipend/approvals", EVERYONE, () => "/stipend/approvals"),
  page("page /stipend/team", EVERYONE, () => "/stipend/team"),
  page("page /stipend/claims/[id]", CHAIN, (ids) => `/stipend/claims/${ids.claim}`, { shows: (ids) => ids.claimItem! }),
  page("GET /stipend/receipts/[id]", CHAIN, (ids) => `/stipend/receipts/${ids.receipt}`, { shows: () => "%PDF" }),
  page("page /stipend/admin", ADMINS, () => "/stipend/admin"),
  page("GET /stipend/admin/export", ADMINS, (ids) => `/stipend/admin/export?year=${ids.year}`, { shows: (ids) => ids.engineerName! }),
  ...["/admin/people", "/admin/people/new", "/admin/people/import", "/admin/people/export", "/admin/org", "/admin/committee", "/admin/audit", "/admin/cycles", "/admin/settings"].map(adminPage),
  page("page /admin/people/[id]", ADMINS, (ids) => `/admin/people/${ids.engineer}`, { shows: (ids) => ids.engineerName! }),
  page("page /signin", PUBLIC, () => "/signin"),
  page("page /invite/[token]", PUBLIC, () => "/invite/not-a-real-token", { shows: () => "not valid" }),
  page("GET /api/auth/[...nextauth]", PUBLIC, () => "/api/auth/csrf", { shows: () => "csrfToken" }),
  // Without Auth.js's CSRF token the post is turned away before any password is checked, whoever sends it.
  page("POST /api/auth/[...nextauth]", PUBLIC, () => "/api/auth/callback/credentials", { method: "POST" }),
];
