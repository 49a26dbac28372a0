import "server-only";
import { and, asc, desc, eq, inArray, sql, type SQL } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db } from "@/db";
import { people, reviewCells, reviewCycles, reviews, versionCompetencies, versionLevels, versionThemes } from "@/db/schema";
import { cellId } from "@/lib/domain/cell-ref";
import type { ManagerStatus, Rating, SelfStatus } from "@/lib/domain/enums";
import { levelLabel } from "@/lib/domain/level-label";
import { dueState } from "@/lib/domain/org-time";
import type { Viewer } from "@/lib/domain/viewer";
import { toCsv } from "@/lib/csv";
import { NotFoundError } from "@/lib/errors";
import { canSeeTeamReviews } from "@/lib/policies/reviews";
import { countRatings } from "@/lib/reviews/manager-review";
import { ratingLabel } from "@/lib/reviews/self-assessment";
import { orgBelow } from "./manager-reviews";
import { orgToday } from "./org-settings";
import { isAdmin } from "@/lib/policies/core";

/*
 * The team page and calibration: a manager's whole org below them (admins:
 * everyone) in one cycle. Each is a fixed number of statements, one per table,
 * however many people the org holds.
 */
function assertTeamViewer(viewer: Viewer) {
  if (!canSeeTeamReviews(viewer, viewer.hasReports)) throw new NotFoundError("page");
}

const scopeOf = (viewer: Viewer): SQL | undefined => (isAdmin(viewer) ? undefined : sql`${reviews.personId} in ${orgBelow(viewer.id)}`);

/* The cycles a team or calibration view can show, newest first. */
export function listCycleChoices(viewer: Viewer) {
  assertTeamViewer(viewer);
  return db().select({ id: reviewCycles.id, name: reviewCycles.name, status: reviewCycles.status }).from(reviewCycles).orderBy(desc(reviewCycles.openedAt)).all();
}

function pickCycle(viewer: Viewer, cycleId: string | undefined) {
  const cycles = listCycleChoices(viewer);
  const cycle = (cycleId ? cycles.find((c) => c.id === cycleId) : (cycles.find((c) => c.status === "open") ?? cycles[0])) ?? null;
  if (cycleId && !cycle) throw new NotFoundError("review cycle");
  return { cycles, cycle };
}

const manager = alias(people, "manager");

export type TeamStatus = ManagerStatus | "overdue";
export type TeamSort = "name" | "team" | "status" | "due";
export type TeamFilters = { cycleId?: string; team?: string; status?: TeamStatus; sort?: TeamSort };
const STATUS_ORDER: ManagerStatus[] = ["not-started", "draft", "shared", "acknowledged"];

/* The team page: direct reports (the viewer writes these) and the rest of the org below, read-only. */
export function listTeamReviews(viewer: Viewer, filters: TeamFilters = {}, today = orgToday()) {
  assertTeamViewer(viewer);
  const { cycles, cycle } = pickCycle(viewer, filters.cycleId);
  if (!cycle) return { cycles, cycle, rows: [], teams: [] };
  const all = db()
    .select({
      id: reviews.id,
      personId: people.id,
      name: people.name,
      team: people.team,
      levelKey: reviews.levelKey,
      managerId: people.managerId,
      managerName: manager.name,
      selfStatus: reviews.selfStatus,
      managerStatus: reviews.managerStatus,
      selfDueOn: reviewCycles.selfDueOn,
      managerDueOn: reviewCycles.managerDueOn,
      cycleStatus: reviewCycles.status,
    })
    .from(reviews)
    .innerJoin(reviewCycles, eq(reviewCycles.id, reviews.cycleId))
    .innerJoin(people, eq(people.id, reviews.personId))
    .leftJoin(manager, eq(manager.id, people.managerId))
    .where(and(eq(reviews.cycleId, cycle.id), eq(people.active, true), scopeOf(viewer)))
    .orderBy(asc(people.name))
    .all()
    .map((r) => {
      const open = r.cycleStatus === "open";
      const selfOverdue = open && r.selfStatus !== "submitted" && dueState(r.selfDueOn, today) === "overdue";
      const managerOverdue = open && (r.managerStatus === "not-started" || r.managerStatus === "draft") && dueState(r.managerDueOn, today) === "overdue";
      return { ...r, direct: r.managerId === viewer.id, selfOverdue, managerOverdue, overdue: selfOverdue || managerOverdue };
    });
  const teams = [...new Set(all.map((r) => r.team))].sort();
  const rows = all.filter((r) => (!filters.team || r.team === filters.team) && (!filters.status || (filters.status === "overdue" ? r.overdue : r.managerStatus === filters.status)));
  const by: Record<TeamSort, (a: (typeof rows)[number], b: (typeof rows)[number]) => number> = {
    name: (a, b) => a.name.localeCompare(b.name),
    team: (a, b) => a.team.localeCompare(b.team) || a.name.localeCompare(b.name),
    status: (a, b) => STATUS_ORDER.indexOf(a.managerStatus) - STATUS_ORDER.indexOf(b.managerStatus) || a.name.localeCompare(b.name),
    due: (a, b) => Number(b.overdue) - Number(a.overdue) || a.managerDueOn.localeCompare(b.managerDueOn) || a.name.localeCompare(b.name),
  };
  rows.sort(by[filters.sort ?? "name"]);
  // Direct reports first: those are the ones the viewer writes.
  rows.sort((a, b) => Number(b.direct) - Number(a.direct));
  return { cycles, cycle, rows, teams };
}

export type CalibrationFilters = { cycleId?: string; team?: string; levelKey?: string; managerId?: string };
export type CalibrationPerson = { reviewId: string; name: string; team: string; levelKey: string; levelLabel: string; managerName: string | null; selfStatus: SelfStatus; managerStatus: ManagerStatus; cells: Record<string, { self: Rating | null; manager: Rating | null }> };

/*
 * Calibration for a cycle: people x the cells of its framework version (manager ratings, self beside
 * them), counts per rating per cell and per level. One statement per table:
 * reviews with people, review cells, and the pinned framework's competencies,
 * themes and levels.
 */
export function getCalibration(viewer: Viewer, filters: CalibrationFilters = {}) {
  assertTeamViewer(viewer);
  const { cycles, cycle } = pickCycle(viewer, filters.cycleId);
  if (!cycle) return null;
  const version = db().select({ id: reviewCycles.frameworkVersionId }).from(reviewCycles).where(eq(reviewCycles.id, cycle.id)).get()!.id;
  const scope = and(eq(reviews.cycleId, cycle.id), scopeOf(viewer));
  const everyone = db()
    .select({ reviewId: reviews.id, name: people.name, team: people.team, levelKey: reviews.levelKey, managerId: people.managerId, managerName: manager.name, selfStatus: reviews.selfStatus, managerStatus: reviews.managerStatus })
    .from(reviews)
    .innerJoin(people, eq(people.id, reviews.personId))
    .leftJoin(manager, eq(manager.id, people.managerId))
    .where(scope)
    .orderBy(asc(people.name))
    .all();
  const chosen = everyone.filter((p) => (!filters.team || p.team === filters.team) && (!filters.levelKey || p.levelKey === filters.levelKey) && (!filters.managerId || p.managerId === filters.managerId));
  const ids = new Set(chosen.map((p) => p.reviewId));
  const cellRows = db()
    .select({ reviewId: reviewCells.reviewId, competencyKey: reviewCells.competencyKey, themeKey: reviewCells.themeKey, self: reviewCells.selfRating, manager: reviewCells.managerRating })
    .from(reviewCells)
    .where(inArray(reviewCells.reviewId, db().select({ id: reviews.id }).from(reviews).where(scope)))
    .all()
    .filter((c) => ids.has(c.reviewId));
  const competencies = db().select({ key: versionCompetencies.competencyKey, name: versionCompetencies.name }).from(versionCompetencies).where(eq(versionCompetencies.versionId, version)).orderBy(asc(versionCompetencies.position)).all();
  const themes = db().select({ key: versionThemes.themeKey, name: versionThemes.name }).from(versionThemes).where(eq(versionThemes.versionId, version)).orderBy(asc(versionThemes.position)).all();
  const levels = db().select({ key: versionLevels.levelKey, code: versionLevels.code, name: versionLevels.name }).from(versionLevels).where(eq(versionLevels.versionId, version)).orderBy(asc(versionLevels.position)).all();
  const frameworkCells = competencies.flatMap((c) => themes.map((t) => ({ id: cellId({ competencyKey: c.key, themeKey: t.key }), competencyName: c.name, themeName: t.name })));
  const label = (key: string) => levelLabel(levels.find((l) => l.key === key) ?? { key });
  const cellsOf = new Map<string, CalibrationPerson["cells"]>();
  // A self-assessment draft stays its author's own until submitted.
  const submitted = new Set(chosen.filter((p) => p.selfStatus === "submitted").map((p) => p.reviewId));
  for (const c of cellRows) {
    const map = cellsOf.get(c.reviewId) ?? {};
    map[cellId(c)] = { self: submitted.has(c.reviewId) ? c.self : null, manager: c.manager };
    cellsOf.set(c.reviewId, map);
  }
  const personRows: CalibrationPerson[] = chosen.map((p) => ({ reviewId: p.reviewId, name: p.name, team: p.team, levelKey: p.levelKey, levelLabel: label(p.levelKey), managerName: p.managerName, selfStatus: p.selfStatus, managerStatus: p.managerStatus, cells: cellsOf.get(p.reviewId) ?? {} }));
  const levelOf = new Map(chosen.map((p) => [p.reviewId, p.levelKey]));
  const counts = countRatings(cellRows.map((c) => ({ levelKey: levelOf.get(c.reviewId)!, cell: cellId(c), rating: c.manager })));
  const managers = [...new Map(everyone.filter((p) => p.managerId).map((p) => [p.managerId!, p.managerName ?? ""])).entries()].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name));
  const usedLevels = new Set(everyone.map((p) => p.levelKey));
  return {
    cycles,
    cycle,
    frameworkCells,
    people: personRows,
    counts,
    options: { teams: [...new Set(everyone.map((p) => p.team))].sort(), levels: levels.filter((l) => usedLevels.has(l.key)).map((l) => ({ key: l.key, label: label(l.key) })), managers },
  };
}

/* The calibration grid as CSV: one row per person, the manager's and the self rating per cell. */
export function calibrationCsv(viewer: Viewer, filters: CalibrationFilters = {}): { filename: string; body: string } {
  const data = getCalibration(viewer, filters);
  if (!data) throw new NotFoundError("review cycle");
  const header = ["name", "team", "level", "manager", "manager_status", ...data.frameworkCells.flatMap((c) => [`${c.id} manager`, `${c.id} self`])];
  const rows = data.people.map((p) => [p.name, p.team, p.levelLabel, p.managerName ?? "", p.managerStatus, ...data.frameworkCells.flatMap((c) => [p.cells[c.id]?.manager ? ratingLabel(p.cells[c.id]!.manager) : "", p.cells[c.id]?.self ? ratingLabel(p.cells[c.id]!.self) : ""])]);
  return { filename: `calibration-${data.cycle.name.replace(/[^A-Za-z0-9]+/g, "-")}.csv`, body: toCsv([header, ...rows]) };
}
