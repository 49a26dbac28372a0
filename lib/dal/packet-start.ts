import "server-only";
import crypto from "node:crypto";
import { and, asc, eq, inArray } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { frameworkVersions, packetCells, packets, people, versionLevels, versionTracks } from "@/db/schema";
import { OPEN_PACKET_STATUSES } from "@/lib/domain/enums";
import { levelLabel } from "@/lib/domain/level-label";
import { fieldError, type Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { findTarget, packetTargets } from "@/lib/packets/targets";
import { canStartPacket } from "@/lib/policies/packets";
import { latestPublishedVersionId } from "./framework";
import { recordPacketStep, versionCells } from "./packet-records";
import { relationshipTo } from "./people";

/*
 * Starting a packet: the engineer for themselves or their direct manager for
 * them, for a level the published framework offers (the next on their track,
 * or the declared equivalent on another), pinned to that version. One open
 * packet per person: checked in the write transaction, and by a unique index.
 */
function personFor(ex: Executor, viewer: Viewer, personId: string) {
  if (!canStartPacket(viewer, relationshipTo(viewer.id, personId))) throw new NotFoundError("person");
  const person = ex.select({ id: people.id, name: people.name, levelKey: people.levelKey, active: people.active }).from(people).where(eq(people.id, personId)).get();
  if (!person || !person.active) throw new NotFoundError("person");
  return person;
}

export function levelsOf(ex: Executor, versionId: number) {
  return ex
    .select({ key: versionLevels.levelKey, trackKey: versionLevels.trackKey, position: versionLevels.position, code: versionLevels.code, name: versionLevels.name, equivalentLevelKey: versionLevels.equivalentLevelKey, trackName: versionTracks.name })
    .from(versionLevels)
    .innerJoin(versionTracks, and(eq(versionTracks.versionId, versionLevels.versionId), eq(versionTracks.trackKey, versionLevels.trackKey)))
    .where(eq(versionLevels.versionId, versionId))
    .all();
}

export const openPacketOf = (ex: Executor, personId: string) =>
  ex.select({ id: packets.id }).from(packets).where(and(eq(packets.personId, personId), inArray(packets.status, [...OPEN_PACKET_STATUSES]))).get() ?? null;

/* Who the viewer may start a packet for: themselves, then their active direct reports. */
export function startablePeople(viewer: Viewer) {
  const reports = db().select({ id: people.id, name: people.name }).from(people).where(and(eq(people.managerId, viewer.id), eq(people.active, true))).orderBy(asc(people.name)).all();
  return [{ id: viewer.id, name: viewer.name, self: true }, ...reports.map((r) => ({ ...r, self: false }))];
}

/* What the "start a packet" page offers for one person. */
export function getStartOptions(viewer: Viewer, personId: string) {
  const person = personFor(db(), viewer, personId);
  const versionId = latestPublishedVersionId();
  const version = versionId ? db().select({ number: frameworkVersions.number, name: frameworkVersions.name }).from(frameworkVersions).where(eq(frameworkVersions.id, versionId)).get()! : null;
  const levels = versionId ? levelsOf(db(), versionId) : [];
  const current = levels.find((l) => l.key === person.levelKey);
  return {
    person: { id: person.id, name: person.name, self: person.id === viewer.id },
    current: current ? { label: levelLabel(current), trackName: current.trackName } : { label: levelLabel({ key: person.levelKey }), trackName: null },
    version,
    targets: packetTargets(levels, person.levelKey).map((t) => ({ key: t.level.key, label: levelLabel(t.level), trackName: t.level.trackName, kind: t.kind })),
    openPacketId: openPacketOf(db(), person.id)?.id ?? null,
  };
}

const isUniqueViolation = (error: unknown) => (error as { code?: string })?.code === "SQLITE_CONSTRAINT_UNIQUE";

export function startPacket(viewer: Viewer, personId: string, targetLevelKey: string): Result<string> {
  const id = crypto.randomUUID();
  try {
    return db().transaction(
      (tx): Result<string> => {
        const person = personFor(tx, viewer, personId);
        const alreadyOpen = (): Result<string> => fieldError("targetLevelKey", `${person.id === viewer.id ? "You already have" : `${person.name} already has`} an open promotion packet. Finish or withdraw it first.`);
        if (openPacketOf(tx, person.id)) return alreadyOpen();
        const versionId = latestPublishedVersionId();
        if (!versionId) return fieldError("targetLevelKey", "There is no published framework to write a packet against yet.");
        const target = findTarget(levelsOf(tx, versionId), person.levelKey, targetLevelKey);
        if (!target) return fieldError("targetLevelKey", "Choose one of the levels offered");
        tx.insert(packets).values({ id, personId: person.id, startedById: viewer.id, frameworkVersionId: versionId, fromLevelKey: person.levelKey, targetLevelKey, kind: target.kind }).run();
        for (const c of versionCells(tx, versionId)) tx.insert(packetCells).values({ packetId: id, competencyKey: c.competencyKey, themeKey: c.themeKey }).run();
        const about = `${person.name}, for ${levelLabel(target.level)}${target.kind === "track-move" ? ` on the ${target.level.trackName} track` : ""}`;
        recordPacketStep(tx, { packetId: id, actorId: viewer.id, step: "start", from: null, to: "draft", note: "", about });
        return { ok: true, value: id };
      },
      { behavior: "immediate" },
    );
  } catch (error) {
    // Another connection's packet for the same person committed first: the index refuses this one.
    if (isUniqueViolation(error)) return fieldError("targetLevelKey", "There is already an open promotion packet for this person. Finish or withdraw it first.");
    throw error;
  }
}
