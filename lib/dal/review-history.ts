import "server-only";
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import { db } from "@/db";
import { people, reviewCells, reviewCycles, reviews, versionCompetencies, versionLevels, versionThemes } from "@/db/schema";
import { cellId } from "@/lib/domain/cell-ref";
import type { Rating } from "@/lib/domain/enums";
import { levelLabel } from "@/lib/domain/level-label";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { canReadManagerPart, canReadReview, canReadSelfPart } from "@/lib/policies/reviews";
import { relationshipTo } from "./people";

/*
 * A person's ratings per cell across cycles, oldest first. Each part shows
 * only where the viewer may read it in that review: a self draft stays its
 * author's, a manager part reaches the engineer once shared.
 */
export function getRatingHistory(viewer: Viewer, personId: string) {
  const relationship = relationshipTo(viewer.id, personId);
  if (!canReadReview(viewer, relationship)) throw new NotFoundError("person");
  const person = db().select({ id: people.id, name: people.name }).from(people).where(eq(people.id, personId)).get();
  if (!person) throw new NotFoundError("person");
  const rows = db()
    .select({ id: reviews.id, cycleName: reviewCycles.name, cycleStatus: reviewCycles.status, selfStatus: reviews.selfStatus, managerStatus: reviews.managerStatus, levelKey: reviews.levelKey, versionId: reviews.frameworkVersionId })
    .from(reviews)
    .innerJoin(reviewCycles, eq(reviewCycles.id, reviews.cycleId))
    .where(eq(reviews.personId, personId))
    .orderBy(asc(reviewCycles.openedAt))
    .all();
  const visible = rows.map((r) => ({
    ...r,
    showSelf: canReadSelfPart(viewer, relationship, r),
    showManager: canReadManagerPart(viewer, relationship, r),
  }));
  const cellRows = rows.length
    ? db().select({ reviewId: reviewCells.reviewId, competencyKey: reviewCells.competencyKey, themeKey: reviewCells.themeKey, self: reviewCells.selfRating, manager: reviewCells.managerRating }).from(reviewCells).where(inArray(reviewCells.reviewId, rows.map((r) => r.id))).all()
    : [];
  // Every cell any of these reviews had, in the newest cycle's order and words; a cell a later version dropped follows, named as its version named it.
  const versionIds = [...new Set(rows.map((r) => r.versionId))].reverse();
  const seen = new Map<string, { id: string; competencyName: string; themeName: string }>();
  for (const versionId of versionIds) {
    const competencies = db().select({ key: versionCompetencies.competencyKey, name: versionCompetencies.name }).from(versionCompetencies).where(eq(versionCompetencies.versionId, versionId)).orderBy(asc(versionCompetencies.position)).all();
    const themes = db().select({ key: versionThemes.themeKey, name: versionThemes.name }).from(versionThemes).where(eq(versionThemes.versionId, versionId)).orderBy(asc(versionThemes.position)).all();
    for (const c of competencies) {
      for (const t of themes) {
        const id = cellId({ competencyKey: c.key, themeKey: t.key });
        if (!seen.has(id)) seen.set(id, { id, competencyName: c.name, themeName: t.name });
      }
    }
  }
  const frameworkCells = [...seen.values()];
  const byReview = new Map<string, Record<string, { self: Rating | null; manager: Rating | null }>>();
  const shown = new Map(visible.map((r) => [r.id, r]));
  for (const c of cellRows) {
    const r = shown.get(c.reviewId)!;
    const map = byReview.get(c.reviewId) ?? {};
    map[cellId(c)] = { self: r.showSelf ? c.self : null, manager: r.showManager ? c.manager : null };
    byReview.set(c.reviewId, map);
  }
  return {
    person,
    frameworkCells,
    cycles: visible.map((r) => ({ reviewId: r.id, cycleName: r.cycleName, levelKey: r.levelKey, selfShown: r.showSelf, managerShown: r.showManager, cells: byReview.get(r.id) ?? {} })),
  };
}

/*
 * The person's latest review with a shared manager part: each cell's self and
 * manager rating (against the level they held then), as the viewer may read
 * them. For the packet page, beside each cell's case.
 */
export function latestSharedRatings(viewer: Viewer, personId: string) {
  const relationship = relationshipTo(viewer.id, personId);
  if (!canReadReview(viewer, relationship)) throw new NotFoundError("person");
  const review = db()
    .select({ id: reviews.id, cycleName: reviewCycles.name, cycleStatus: reviewCycles.status, selfStatus: reviews.selfStatus, managerStatus: reviews.managerStatus, levelKey: reviews.levelKey, versionId: reviews.frameworkVersionId })
    .from(reviews)
    .innerJoin(reviewCycles, eq(reviewCycles.id, reviews.cycleId))
    .where(and(eq(reviews.personId, personId), inArray(reviews.managerStatus, ["shared", "acknowledged"])))
    .orderBy(desc(reviewCycles.openedAt))
    .limit(1)
    .get();
  if (!review) return null;
  const showSelf = canReadSelfPart(viewer, relationship, review);
  const showManager = canReadManagerPart(viewer, relationship, review);
  const level = db().select({ code: versionLevels.code, name: versionLevels.name }).from(versionLevels).where(and(eq(versionLevels.versionId, review.versionId), eq(versionLevels.levelKey, review.levelKey))).get();
  const cells = db().select({ competencyKey: reviewCells.competencyKey, themeKey: reviewCells.themeKey, self: reviewCells.selfRating, manager: reviewCells.managerRating }).from(reviewCells).where(eq(reviewCells.reviewId, review.id)).all();
  return {
    reviewId: review.id,
    cycleName: review.cycleName,
    levelLabel: levelLabel(level ? { ...level, key: review.levelKey } : { key: review.levelKey }),
    selfShown: showSelf,
    cells: Object.fromEntries(cells.map((c) => [cellId(c), { self: showSelf ? c.self : null, manager: showManager ? c.manager : null }])) as Record<string, { self: Rating | null; manager: Rating | null }>,
  };
}
