import "server-only";
import { and, asc, countDistinct, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import type { Executor } from "@/db";
import { evidenceCells, evidenceEntries, frameworkVersions, packetCells, packets, people, reviewCells, reviewCycles, reviews, stipendClaims, versionCompetencies, versionLevels, versionThemes } from "@/db/schema";
import { OPEN_PACKET_STATUSES } from "@/lib/domain/enums";
import type { FrameworkDocument } from "@/lib/framework/format";
import { counted, someOf } from "@/lib/framework/editor-rules";

/*
 * What would lose its place if a level, competency or theme left the
 * framework everyone uses: people at a level, reviews being written in an
 * open cycle, open promotion packets (from or to a level, and their cells),
 * evidence-log entries and stipend claims tagged to a cell. Removing something
 * in use is refused with this list, so nothing is lost. Closed reviews and
 * packets are not in the list: each is pinned to the version it was written
 * against and keeps showing that version's text.
 */
export type Part = "level" | "competency" | "theme";
export type Use = { kind: "people" | "reviews" | "packets" | "evidence" | "stipend"; sentence: string };
export type InUse = { part: Part; key: string; label: string; uses: Use[] };

const LIVE_CLAIMS = ["pending", "approved", "reimbursed"] as const;
const openPacket = inArray(packets.status, [...OPEN_PACKET_STATUSES]);

/* Open packets that start from or aim at a level, or make a case in a competency's or theme's cells. */
function openPackets(ex: Executor, where: ReturnType<typeof and>, how: [one: string, many: string]): Use[] {
  const rows = ex
    .selectDistinct({ id: packets.id, name: people.name })
    .from(packets)
    .innerJoin(people, eq(people.id, packets.personId))
    .leftJoin(packetCells, eq(packetCells.packetId, packets.id))
    .where(and(openPacket, where))
    .orderBy(asc(people.name))
    .all();
  if (rows.length === 0) return [];
  return [{ kind: "packets", sentence: `${counted(rows.length, `open promotion packet ${how[0]}`, `open promotion packets ${how[1]}`)}: ${someOf(rows.map((r) => r.name))}; they are decided or withdrawn first` }];
}

function openReviews(ex: Executor, where: ReturnType<typeof and>): Use[] {
  const rows = ex
    .select({ cycle: reviewCycles.name, n: countDistinct(reviews.id) })
    .from(reviews)
    .innerJoin(reviewCycles, eq(reviewCycles.id, reviews.cycleId))
    .leftJoin(reviewCells, eq(reviewCells.reviewId, reviews.id))
    .where(and(eq(reviewCycles.status, "open"), where))
    .groupBy(reviewCycles.id)
    .orderBy(asc(reviewCycles.name))
    .all();
  return rows.map((r) => ({ kind: "reviews" as const, sentence: `${counted(r.n, "review", "reviews")} in the open cycle “${r.cycle}” ${r.n === 1 ? "is" : "are"} written against it; close the cycle first` }));
}

function taggedWork(ex: Executor, column: "competencyKey" | "themeKey", key: string): Use[] {
  const uses: Use[] = [];
  const entries = ex
    .selectDistinct({ title: evidenceEntries.title, owner: people.name })
    .from(evidenceCells)
    .innerJoin(evidenceEntries, eq(evidenceEntries.id, evidenceCells.entryId))
    .innerJoin(people, eq(people.id, evidenceEntries.personId))
    .where(and(eq(evidenceCells[column], key), isNull(evidenceEntries.removedAt)))
    .orderBy(asc(people.name), asc(evidenceEntries.title))
    .all();
  if (entries.length) uses.push({ kind: "evidence", sentence: `${counted(entries.length, "evidence-log entry is", "evidence-log entries are")} tagged to it: ${someOf(entries.map((e) => `“${e.title}” (${e.owner})`))}` });
  const claims = ex
    .select({ item: stipendClaims.item, owner: people.name })
    .from(stipendClaims)
    .innerJoin(people, eq(people.id, stipendClaims.personId))
    .where(and(eq(stipendClaims[column], key), inArray(stipendClaims.status, [...LIVE_CLAIMS])))
    .orderBy(asc(people.name), asc(stipendClaims.item))
    .all();
  if (claims.length) uses.push({ kind: "stipend", sentence: `${counted(claims.length, "stipend claim is", "stipend claims are")} tied to it: ${someOf(claims.map((c) => `“${c.item}” (${c.owner})`))}` });
  return uses;
}

export function levelUses(ex: Executor, levelKey: string): Use[] {
  const uses: Use[] = [];
  const atLevel = ex.select({ name: people.name }).from(people).where(and(eq(people.levelKey, levelKey), eq(people.active, true))).orderBy(asc(people.name)).all();
  if (atLevel.length) uses.push({ kind: "people", sentence: `${counted(atLevel.length, "person is", "people are")} at this level now: ${someOf(atLevel.map((p) => p.name))}; move them to another level first (People admin)` });
  return [...uses, ...openReviews(ex, eq(reviews.levelKey, levelKey)), ...openPackets(ex, or(eq(packets.fromLevelKey, levelKey), eq(packets.targetLevelKey, levelKey)), ["starts from or aims at it", "start from or aim at it"])];
}

export function competencyUses(ex: Executor, key: string): Use[] {
  return [...taggedWork(ex, "competencyKey", key), ...openReviews(ex, eq(reviewCells.competencyKey, key)), ...openPackets(ex, eq(packetCells.competencyKey, key), ["makes a case in its cells", "make a case in its cells"])];
}

export function themeUses(ex: Executor, key: string): Use[] {
  return [...taggedWork(ex, "themeKey", key), ...openReviews(ex, eq(reviewCells.themeKey, key)), ...openPackets(ex, eq(packetCells.themeKey, key), ["makes a case in its cells", "make a case in its cells"])];
}

export const usesOf = (ex: Executor, part: Part, key: string) => (part === "level" ? levelUses(ex, key) : part === "competency" ? competencyUses(ex, key) : themeUses(ex, key));

/* The name a key had in the newest version that has it, for saying what is in use. */
function labelOf(ex: Executor, part: Part, key: string): string {
  const newest = desc(frameworkVersions.number);
  if (part === "level") {
    const row = ex.select({ code: versionLevels.code, name: versionLevels.name }).from(versionLevels).innerJoin(frameworkVersions, eq(frameworkVersions.id, versionLevels.versionId)).where(eq(versionLevels.levelKey, key)).orderBy(newest).limit(1).get();
    return row ? `${row.code} · ${row.name}` : key;
  }
  const table = part === "competency" ? versionCompetencies : versionThemes;
  const column = part === "competency" ? versionCompetencies.competencyKey : versionThemes.themeKey;
  return ex.select({ name: table.name }).from(table).innerJoin(frameworkVersions, eq(frameworkVersions.id, table.versionId)).where(eq(column, key)).orderBy(newest).limit(1).get()?.name ?? key;
}

/* Every level, competency and theme in use that the document leaves out: publishing it is refused until this is empty. */
export function inUseButMissing(ex: Executor, doc: Pick<FrameworkDocument, "competencies" | "themes" | "tracks">): InUse[] {
  const keep = {
    level: new Set(doc.tracks.flatMap((t) => t.levels.map((l) => l.key))),
    competency: new Set(doc.competencies.map((c) => c.key)),
    theme: new Set(doc.themes.map((t) => t.key)),
  };
  const keys = (rows: { key: string | null }[]) => [...new Set(rows.map((r) => r.key).filter((k): k is string => k !== null))];
  const openCells = sql`${reviewCells.reviewId} in (select r.id from reviews r join review_cycles c on c.id = r.cycle_id where c.status = 'open')`;
  const liveEntries = sql`${evidenceCells.entryId} in (select id from evidence_entries where removed_at is null)`;
  const openPacketCells = inArray(packetCells.packetId, ex.select({ id: packets.id }).from(packets).where(openPacket));
  const candidates: Record<Part, string[]> = {
    level: keys([
      ...ex.selectDistinct({ key: people.levelKey }).from(people).where(eq(people.active, true)).all(),
      ...ex.selectDistinct({ key: reviews.levelKey }).from(reviews).innerJoin(reviewCycles, eq(reviewCycles.id, reviews.cycleId)).where(eq(reviewCycles.status, "open")).all(),
      ...ex.selectDistinct({ key: packets.fromLevelKey }).from(packets).where(openPacket).all(),
      ...ex.selectDistinct({ key: packets.targetLevelKey }).from(packets).where(openPacket).all(),
    ]),
    competency: keys([
      ...ex.selectDistinct({ key: evidenceCells.competencyKey }).from(evidenceCells).where(liveEntries).all(),
      ...ex.selectDistinct({ key: stipendClaims.competencyKey }).from(stipendClaims).where(inArray(stipendClaims.status, [...LIVE_CLAIMS])).all(),
      ...ex.selectDistinct({ key: reviewCells.competencyKey }).from(reviewCells).where(openCells).all(),
      ...ex.selectDistinct({ key: packetCells.competencyKey }).from(packetCells).where(openPacketCells).all(),
    ]),
    theme: keys([
      ...ex.selectDistinct({ key: evidenceCells.themeKey }).from(evidenceCells).where(liveEntries).all(),
      ...ex.selectDistinct({ key: stipendClaims.themeKey }).from(stipendClaims).where(inArray(stipendClaims.status, [...LIVE_CLAIMS])).all(),
      ...ex.selectDistinct({ key: reviewCells.themeKey }).from(reviewCells).where(openCells).all(),
      ...ex.selectDistinct({ key: packetCells.themeKey }).from(packetCells).where(openPacketCells).all(),
    ]),
  };
  return (["level", "competency", "theme"] as const).flatMap((part) =>
    candidates[part]
      .filter((key) => !keep[part].has(key))
      .sort()
      .map((key) => ({ part, key, label: labelOf(ex, part, key), uses: usesOf(ex, part, key) })),
  );
}
