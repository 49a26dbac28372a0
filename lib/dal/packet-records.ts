import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { cells, packetCells, packetCitations, packetEvents, packets, people, versionCompetencies, versionLevels, versionThemes, versionTracks } from "@/db/schema";
import { cellAnchor, cellId, type CellRef } from "@/lib/domain/cell-ref";
import type { PacketRating, PacketStatus } from "@/lib/domain/enums";
import { levelLabel } from "@/lib/domain/level-label";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { PACKET_EVENT_LABEL, type PacketEvent } from "@/lib/packets/flow";
import { assessReadiness, type Readiness, type ReadinessCell, type ReadinessTarget } from "@/lib/packets/readiness";
import { canReadPacket, packetRole } from "@/lib/policies/packets";
import { recordAudit } from "./audit";
import { readinessRule } from "./packet-settings";
import { relationshipTo } from "./people";
import { notifyPacketStep } from "./packet-notifications";

/*
 * What every packet module shares: loading a packet, the reader check, the
 * pinned version's cells in framework order (whatever its shape), the two
 * parts as saved, and the timeline step that also writes the audit row.
 * Private notes are not here: they live in packet-notes.ts alone.
 */
export type CaseCell = { cell: string; text: string; citations: string[] };
export type CaseContent = { summary: string; cells: CaseCell[] };
export type ManagerCell = { cell: string; rating: PacketRating | null; comment: string; justification: string };

export function loadPacket(ex: Executor, packetId: string) {
  return ex
    .select({
      id: packets.id,
      personId: packets.personId,
      personName: people.name,
      personManagerId: people.managerId,
      status: packets.status,
      kind: packets.kind,
      frameworkVersionId: packets.frameworkVersionId,
      fromLevelKey: packets.fromLevelKey,
      targetLevelKey: packets.targetLevelKey,
      summary: packets.summary,
      caseVersion: packets.caseVersion,
      caseSavedAt: packets.caseSavedAt,
      managerVersion: packets.managerVersion,
      managerAuthorId: packets.managerAuthorId,
      startedById: packets.startedById,
      submittedAt: packets.submittedAt,
      endorsedAt: packets.endorsedAt,
      closedAt: packets.closedAt,
      reopenedFromId: packets.reopenedFromId,
      createdAt: packets.createdAt,
    })
    .from(packets)
    .innerJoin(people, eq(people.id, packets.personId))
    .where(eq(packets.id, packetId))
    .get();
}
export type PacketRecord = NonNullable<ReturnType<typeof loadPacket>>;

/* The packet and how the viewer stands to its author; anyone who may not read it learns nothing about it. */
export function authorisePacket(ex: Executor, viewer: Viewer, packetId: string) {
  const packet = loadPacket(ex, packetId);
  if (!packet) throw new NotFoundError("packet");
  const relationship = relationshipTo(viewer.id, packet.personId);
  if (!canReadPacket(viewer, relationship)) throw new NotFoundError("packet");
  return { packet, relationship, role: packetRole(viewer, relationship) };
}

/* The cells of a framework version in its order: every competency against every theme. */
export function versionCells(ex: Executor, versionId: number) {
  const competencies = ex.select({ key: versionCompetencies.competencyKey, name: versionCompetencies.name }).from(versionCompetencies).where(eq(versionCompetencies.versionId, versionId)).orderBy(asc(versionCompetencies.position)).all();
  const themes = ex.select({ key: versionThemes.themeKey, name: versionThemes.name }).from(versionThemes).where(eq(versionThemes.versionId, versionId)).orderBy(asc(versionThemes.position)).all();
  return competencies.flatMap((c) =>
    themes.map((t) => {
      const ref: CellRef = { competencyKey: c.key, themeKey: t.key };
      return { ...ref, id: cellId(ref), anchor: cellAnchor(ref), competencyName: c.name, themeName: t.name, name: `${c.name} · ${t.name}` };
    }),
  );
}
export type VersionCell = ReturnType<typeof versionCells>[number];

/* A level's cell texts in a version, keyed by cell id. */
export function levelTexts(ex: Executor, versionId: number, levelKey: string) {
  const rows = ex
    .select({ competencyKey: cells.competencyKey, themeKey: cells.themeKey, expectation: cells.expectation, description: cells.description, examples: cells.examples })
    .from(cells)
    .where(and(eq(cells.versionId, versionId), eq(cells.levelKey, levelKey)))
    .all();
  return new Map(rows.map((r) => [cellId(r), r]));
}

/* A level as the packet's version names it, with its track. */
export function levelInVersion(ex: Executor, versionId: number, levelKey: string) {
  const row = ex
    .select({ key: versionLevels.levelKey, code: versionLevels.code, name: versionLevels.name, trackKey: versionLevels.trackKey, trackName: versionTracks.name })
    .from(versionLevels)
    .innerJoin(versionTracks, and(eq(versionTracks.versionId, versionLevels.versionId), eq(versionTracks.trackKey, versionLevels.trackKey)))
    .where(and(eq(versionLevels.versionId, versionId), eq(versionLevels.levelKey, levelKey)))
    .get();
  return { key: levelKey, label: levelLabel(row ? { ...row, key: levelKey } : { key: levelKey }), trackName: row?.trackName ?? null };
}

export function readinessTarget(ex: Executor, packet: Pick<PacketRecord, "frameworkVersionId" | "targetLevelKey" | "kind">): ReadinessTarget {
  const target = levelInVersion(ex, packet.frameworkVersionId, packet.targetLevelKey);
  return { label: target.label, trackName: target.trackName, trackMove: packet.kind === "track-move" };
}

/* The author's part as saved. */
export function readCase(ex: Executor, packetId: string): CaseContent & { textVersions: Record<string, number> } {
  const head = ex.select({ summary: packets.summary }).from(packets).where(eq(packets.id, packetId)).get()!;
  const rows = ex.select({ competencyKey: packetCells.competencyKey, themeKey: packetCells.themeKey, text: packetCells.caseText, textVersion: packetCells.textVersion }).from(packetCells).where(eq(packetCells.packetId, packetId)).all();
  const cites = ex.select().from(packetCitations).where(eq(packetCitations.packetId, packetId)).all();
  return {
    summary: head.summary,
    cells: rows.map((r) => ({ cell: cellId(r), text: r.text, citations: cites.filter((c) => cellId(c) === cellId(r)).map((c) => c.entryId) })),
    textVersions: Object.fromEntries(rows.map((r) => [cellId(r), r.textVersion])),
  };
}

/* The version's cells with what each is written against (the target level, the current one) and the author's case as saved. */
export function casedCells(ex: Executor, packet: Pick<PacketRecord, "id" | "frameworkVersionId" | "targetLevelKey" | "fromLevelKey">) {
  const targetTexts = levelTexts(ex, packet.frameworkVersionId, packet.targetLevelKey);
  const fromTexts = levelTexts(ex, packet.frameworkVersionId, packet.fromLevelKey);
  const saved = readCase(ex, packet.id);
  const byCell = new Map(saved.cells.map((c) => [c.cell, c]));
  const cells = versionCells(ex, packet.frameworkVersionId).map((c) => ({
    ...c,
    target: targetTexts.get(c.id) ?? null,
    current: fromTexts.get(c.id) ?? null,
    text: byCell.get(c.id)?.text ?? "",
    textVersion: saved.textVersions[c.id] ?? 1,
    citations: byCell.get(c.id)?.citations ?? [],
  }));
  return { summary: saved.summary, cells };
}

/* The committee's "what is missing" per cell of a declined packet, keyed by cell id (cells with none left out). */
export function missingByCell(ex: Executor, packetId: string): Record<string, string> {
  const rows = ex.select({ competencyKey: packetCells.competencyKey, themeKey: packetCells.themeKey, missing: packetCells.missing }).from(packetCells).where(eq(packetCells.packetId, packetId)).all();
  return Object.fromEntries(rows.filter((r) => r.missing.trim()).map((r) => [cellId(r), r.missing]));
}

/* The manager's part as saved. */
export function readManagerCells(ex: Executor, packetId: string): ManagerCell[] {
  return ex
    .select({ competencyKey: packetCells.competencyKey, themeKey: packetCells.themeKey, rating: packetCells.managerRating, comment: packetCells.managerComment, justification: packetCells.managerJustification })
    .from(packetCells)
    .where(eq(packetCells.packetId, packetId))
    .all()
    .map((c) => ({ cell: cellId(c), rating: c.rating, comment: c.comment, justification: c.justification }));
}

/* The readiness rule's input: the version's cells in order, with the manager's ratings and justifications. */
export function readinessCells(frame: VersionCell[], manager: ManagerCell[]): ReadinessCell[] {
  const byCell = new Map(manager.map((m) => [m.cell, m]));
  return frame.map((c) => ({ id: c.id, anchor: c.anchor, name: c.name, rating: byCell.get(c.id)?.rating ?? null, justification: byCell.get(c.id)?.justification ?? "" }));
}

/* The readiness of the packet as saved, by the admin's rule: what the page, the manager's form and endorsing all use. */
export function packetReadiness(ex: Executor, packet: PacketRecord, manager: ManagerCell[] = readManagerCells(ex, packet.id)): Readiness {
  return assessReadiness(readinessRule(ex), readinessCells(versionCells(ex, packet.frameworkVersionId), manager), readinessTarget(ex, packet));
}

/* One step on the timeline, with the audit row that says the same; inside the step's transaction. */
export function recordPacketStep(tx: Executor, step: { packetId: string; actorId: string; step: PacketEvent; from: PacketStatus | null; to: PacketStatus; note: string; about: string }) {
  tx.insert(packetEvents).values({ packetId: step.packetId, actorId: step.actorId, step: step.step, fromStatus: step.from, toStatus: step.to, note: step.note }).run();
  const why = step.note.trim() ? `: ${step.note.trim()}` : "";
  recordAudit(tx, { actorId: step.actorId, action: `packet.${step.step}`, recordType: "packet", recordId: step.packetId, summary: `${PACKET_EVENT_LABEL[step.step]} (${step.about})${why}` });
  notifyPacketStep(tx, step);
}

export const packetTimeline = (packetId: string) =>
  db()
    .select({ id: packetEvents.id, at: packetEvents.at, step: packetEvents.step, fromStatus: packetEvents.fromStatus, toStatus: packetEvents.toStatus, note: packetEvents.note, actorName: people.name })
    .from(packetEvents)
    .leftJoin(people, eq(people.id, packetEvents.actorId))
    .where(eq(packetEvents.packetId, packetId))
    .orderBy(asc(packetEvents.at), asc(packetEvents.id))
    .all();
