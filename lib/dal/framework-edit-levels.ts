import "server-only";
import { and, asc, eq, inArray, or } from "drizzle-orm";
import type { Executor } from "@/db";
import { cells, levels, tracks, versionCompetencies, versionLevels, versionThemes, versionTracks } from "@/db/schema";
import { fieldError, refused, type Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { keyFrom, moved } from "@/lib/framework/editor-rules";
import { SHAPE_LIMITS } from "@/lib/framework/format";
import { editDraft } from "./framework-drafts";
import { usesToRefusal, type InUseRefusal } from "./framework-edit-matrix";
import { levelUses } from "./framework-usage";

/*
 * Tracks and their levels in a draft: add a track, add, rename, reorder and
 * remove levels, and pair levels across tracks as equivalents (both sides at
 * once). A level's key is made once from its code and belongs to its track
 * for life, so people stay on their level across versions.
 */
export type TrackInput = { name: string; summary: string };
export type LevelInput = { code: string; name: string; summary: string };

const tracksOf = (tx: Executor, versionId: number) => tx.select().from(versionTracks).where(eq(versionTracks.versionId, versionId)).orderBy(asc(versionTracks.position)).all();
const levelsOf = (tx: Executor, versionId: number) => tx.select().from(versionLevels).where(eq(versionLevels.versionId, versionId)).orderBy(asc(versionLevels.trackKey), asc(versionLevels.position)).all();

function findTrack(tx: Executor, versionId: number, key: string) {
  const track = tracksOf(tx, versionId).find((t) => t.trackKey === key);
  if (!track) throw new NotFoundError("track");
  return track;
}

function findLevel(tx: Executor, versionId: number, key: string) {
  const level = levelsOf(tx, versionId).find((l) => l.levelKey === key);
  if (!level) throw new NotFoundError("level");
  return level;
}

export function addTrack(viewer: Viewer, number: number, revision: number, input: TrackInput) {
  return editDraft<{ key: string }>(viewer, number, revision, (tx, draft) => {
    const all = tracksOf(tx, draft.id);
    if (all.length >= SHAPE_LIMITS.tracks) return refused(`A framework has at most ${SHAPE_LIMITS.tracks} tracks.`);
    if (all.some((t) => t.name.toLowerCase() === input.name.toLowerCase())) return fieldError("name", `This draft already has a track called “${input.name}”`);
    const key = keyFrom(input.name, new Set(tx.select({ key: tracks.key }).from(tracks).all().map((t) => t.key)), "track");
    tx.insert(tracks).values({ key }).run();
    tx.insert(versionTracks).values({ versionId: draft.id, trackKey: key, name: input.name, summary: input.summary, position: all.length }).run();
    return { ok: true, value: { key }, audit: `added the track “${input.name}” (${key})` };
  });
}

export function updateTrack(viewer: Viewer, number: number, revision: number, trackKey: string, input: TrackInput) {
  return editDraft(viewer, number, revision, (tx, draft) => {
    const track = findTrack(tx, draft.id, trackKey);
    if (tracksOf(tx, draft.id).some((t) => t.trackKey !== trackKey && t.name.toLowerCase() === input.name.toLowerCase())) return fieldError("name", `This draft already has a track called “${input.name}”`);
    tx.update(versionTracks).set(input).where(and(eq(versionTracks.versionId, draft.id), eq(versionTracks.trackKey, trackKey))).run();
    return { ok: true, value: undefined, audit: track.name === input.name ? `described the track “${input.name}”` : `renamed the track “${track.name}” to “${input.name}”` };
  });
}

export function addLevel(viewer: Viewer, number: number, revision: number, trackKey: string, input: LevelInput) {
  return editDraft<{ key: string }>(viewer, number, revision, (tx, draft) => {
    findTrack(tx, draft.id, trackKey);
    const all = levelsOf(tx, draft.id);
    const onTrack = all.filter((l) => l.trackKey === trackKey);
    if (onTrack.length >= SHAPE_LIMITS.levelsPerTrack) return refused(`A track has at most ${SHAPE_LIMITS.levelsPerTrack} levels.`);
    if (all.some((l) => l.code.toLowerCase() === input.code.toLowerCase())) return fieldError("code", `Another level already has the code ${input.code}`);
    // A key once used by another track stays that track's, so a new level never takes it over.
    const known = tx.select({ key: levels.key, trackKey: levels.trackKey }).from(levels).all();
    const taken = new Set([...known.filter((l) => l.trackKey !== trackKey).map((l) => l.key), ...all.map((l) => l.levelKey)]);
    const key = keyFrom(input.code, taken, "level");
    tx.insert(levels).values({ key, trackKey }).onConflictDoNothing().run();
    tx.insert(versionLevels).values({ versionId: draft.id, levelKey: key, trackKey, ...input, position: onTrack.length }).run();
    // The new top level starts from the text of the level below it, to be rewritten; a first level starts empty.
    const below = onTrack.at(-1);
    const from = below ? tx.select().from(cells).where(and(eq(cells.versionId, draft.id), eq(cells.levelKey, below.levelKey))).all() : [];
    const competencyKeys = tx.select({ key: versionCompetencies.competencyKey }).from(versionCompetencies).where(eq(versionCompetencies.versionId, draft.id)).all();
    const themeKeys = tx.select({ key: versionThemes.themeKey }).from(versionThemes).where(eq(versionThemes.versionId, draft.id)).all();
    for (const c of competencyKeys) {
      for (const t of themeKeys) {
        const copy = from.find((x) => x.competencyKey === c.key && x.themeKey === t.key);
        tx.insert(cells).values({ versionId: draft.id, levelKey: key, competencyKey: c.key, themeKey: t.key, expectation: copy?.expectation ?? "", description: copy?.description ?? "", examples: copy?.examples ?? [] }).run();
      }
    }
    return { ok: true, value: { key }, audit: `added the level ${input.code} · ${input.name} (${key})${below ? `, starting from ${below.code}'s text` : ""}` };
  });
}

/* Pairs two levels on different tracks (or unpairs one): an equivalence always names both sides. */
function setEquivalent(tx: Executor, versionId: number, levelKey: string, equivalentKey: string | null) {
  const involved = [levelKey, ...(equivalentKey ? [equivalentKey] : [])];
  tx.update(versionLevels)
    .set({ equivalentLevelKey: null })
    .where(and(eq(versionLevels.versionId, versionId), or(inArray(versionLevels.levelKey, involved), inArray(versionLevels.equivalentLevelKey, involved))))
    .run();
  if (!equivalentKey) return;
  tx.update(versionLevels).set({ equivalentLevelKey: equivalentKey }).where(and(eq(versionLevels.versionId, versionId), eq(versionLevels.levelKey, levelKey))).run();
  tx.update(versionLevels).set({ equivalentLevelKey: levelKey }).where(and(eq(versionLevels.versionId, versionId), eq(versionLevels.levelKey, equivalentKey))).run();
}

export function updateLevel(viewer: Viewer, number: number, revision: number, levelKey: string, input: LevelInput & { equivalentLevelKey: string | null }) {
  return editDraft(viewer, number, revision, (tx, draft) => {
    const level = findLevel(tx, draft.id, levelKey);
    const all = levelsOf(tx, draft.id);
    if (all.some((l) => l.levelKey !== levelKey && l.code.toLowerCase() === input.code.toLowerCase())) return fieldError("code", `Another level already has the code ${input.code}`);
    if (input.equivalentLevelKey) {
      const other = all.find((l) => l.levelKey === input.equivalentLevelKey);
      if (!other || other.trackKey === level.trackKey) return fieldError("equivalentLevelKey", "Choose a level on another track");
    }
    const { equivalentLevelKey, ...text } = input;
    tx.update(versionLevels).set(text).where(and(eq(versionLevels.versionId, draft.id), eq(versionLevels.levelKey, levelKey))).run();
    if (equivalentLevelKey !== level.equivalentLevelKey) setEquivalent(tx, draft.id, levelKey, equivalentLevelKey);
    return { ok: true, value: undefined, audit: `saved the level ${input.code} · ${input.name}${equivalentLevelKey !== level.equivalentLevelKey ? ` (equivalent: ${equivalentLevelKey ?? "none"})` : ""}` };
  });
}

export function moveLevel(viewer: Viewer, number: number, revision: number, levelKey: string, direction: "up" | "down") {
  return editDraft(viewer, number, revision, (tx, draft) => {
    const level = findLevel(tx, draft.id, levelKey);
    const onTrack = levelsOf(tx, draft.id).filter((l) => l.trackKey === level.trackKey);
    const order = moved(onTrack, onTrack.findIndex((l) => l.levelKey === levelKey), direction);
    if (!order) return refused(`${level.code} is already the ${direction === "up" ? "most junior" : "most senior"} level of its track.`);
    writePositions(tx, draft.id, order.map((l) => l.levelKey));
    return { ok: true, value: undefined, audit: `moved the level ${level.code} ${direction === "up" ? "one step more junior" : "one step more senior"}` };
  });
}

/* Positions are unique per track, so they go out of the way first and come back in the new order. */
function writePositions(tx: Executor, versionId: number, keys: string[]) {
  keys.forEach((key, i) => tx.update(versionLevels).set({ position: -1 - i }).where(and(eq(versionLevels.versionId, versionId), eq(versionLevels.levelKey, key))).run());
  keys.forEach((key, position) => tx.update(versionLevels).set({ position }).where(and(eq(versionLevels.versionId, versionId), eq(versionLevels.levelKey, key))).run());
}

export function removeLevel(viewer: Viewer, number: number, revision: number, levelKey: string): (Result<void> & { version?: number }) | InUseRefusal {
  return editDraft(viewer, number, revision, (tx, draft): Result<void> & { audit?: string } => {
    const level = findLevel(tx, draft.id, levelKey);
    const uses = levelUses(tx, levelKey);
    if (uses.length) return usesToRefusal(`${level.code} · ${level.name}`, uses);
    setEquivalent(tx, draft.id, levelKey, null);
    tx.delete(versionLevels).where(and(eq(versionLevels.versionId, draft.id), eq(versionLevels.levelKey, levelKey))).run();
    writePositions(tx, draft.id, levelsOf(tx, draft.id).filter((l) => l.trackKey === level.trackKey).map((l) => l.levelKey));
    return { ok: true, value: undefined, audit: `removed the level ${level.code} · ${level.name} (${levelKey}) and its cells` };
  });
}

/* A track goes with its levels; refused while any of them is in use. */
export function removeTrack(viewer: Viewer, number: number, revision: number, trackKey: string): (Result<void> & { version?: number }) | InUseRefusal {
  return editDraft(viewer, number, revision, (tx, draft): Result<void> & { audit?: string } => {
    const track = findTrack(tx, draft.id, trackKey);
    if (tracksOf(tx, draft.id).length === 1) return refused("A framework needs at least one track.");
    const onTrack = levelsOf(tx, draft.id).filter((l) => l.trackKey === trackKey);
    const uses = onTrack.flatMap((l) => levelUses(tx, l.levelKey).map((u) => ({ ...u, sentence: `${l.code}: ${u.sentence}` })));
    if (uses.length) return usesToRefusal(track.name, uses);
    for (const l of onTrack) setEquivalent(tx, draft.id, l.levelKey, null);
    tx.delete(versionLevels).where(and(eq(versionLevels.versionId, draft.id), eq(versionLevels.trackKey, trackKey))).run();
    tx.delete(versionTracks).where(and(eq(versionTracks.versionId, draft.id), eq(versionTracks.trackKey, trackKey))).run();
    tracksOf(tx, draft.id).forEach((t, position) => tx.update(versionTracks).set({ position }).where(and(eq(versionTracks.versionId, draft.id), eq(versionTracks.trackKey, t.trackKey))).run());
    return { ok: true, value: undefined, audit: `removed the track “${track.name}” and its ${onTrack.length} levels` };
  });
}
