import type { Lookups, Role } from "./types";

/*
 * The pages the benchmark drives, each as one of three accounts per org:
 * engineer (demo: Jordan), manager of one team (Sam) and a manager of a
 * larger org for calibration (Priya, 11 people; in the large org a manager of
 * about 100). `path` finds the record ids in the org's database.
 */
export type PageSpec = { key: string; label: string; as: Role; path: ((db: Lookups) => string) | null; note?: string };

const openReviewOf = (db: Lookups, role: Role) => db.one("select r.id from reviews r join review_cycles c on c.id = r.cycle_id where r.person_id = ? and c.status = 'open'", db.person(role));

export const PAGES: PageSpec[] = [
  { key: "baseline", label: "Baseline: About (the shell)", as: "engineer", path: () => "/about" },
  { key: "framework", label: "Framework (own level)", as: "engineer", path: () => "/framework" },
  { key: "compare", label: "Compare levels (own, next)", as: "engineer", path: () => "/framework/compare" },
  { key: "review", label: "Engineer's current review", as: "engineer", path: (db) => `/reviews/${openReviewOf(db, "engineer")}` },
  { key: "team", label: "Manager's team reviews", as: "manager", path: () => "/reviews/team" },
  { key: "calibration", label: "Calibration heatmap (org)", as: "director", path: () => "/reviews/calibration" },
  // The same page for one team (3 people in the demo, 8 in the large org): the org's size apart from the heatmap's.
  { key: "calibration-team", label: "Calibration heatmap (one team)", as: "manager", path: () => "/reviews/calibration" },
  { key: "packet", label: "Engineer's promotion packet", as: "engineer", path: (db) => `/packets/${db.one("select id from packets where person_id = ? order by created_at desc", db.person("engineer"))}` },
  { key: "stipend", label: "Stipend (own year)", as: "engineer", path: () => "/stipend" },
  { key: "needs-my-action", label: "Needs my action (manager)", as: "manager", path: () => "/" },
];
