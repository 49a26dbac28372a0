import "server-only";
import { db } from "@/db";
import { dataExportSchema, EXPORT_FORMAT_VERSION, type DataExport } from "@/lib/data-export/format";
import { levelLabel } from "@/lib/domain/level-label";
import type { Viewer } from "@/lib/domain/viewer";
import { recordAudit } from "./audit";
import { ownEvidence, ownStipendClaims } from "./data-export-records";
import { getManagerPart } from "./manager-reviews";
import { getPacket, listPackets } from "./packets";
import { getPersonProfile } from "./people";
import { getReview, listMyReviews } from "./reviews";

/*
 * Everything Trellis holds about the viewer, as the viewer may read it, in
 * the documented format (lib/data-export/format.ts). There is no person to
 * choose: it is always the signed-in viewer's own data. Reviews and packets
 * are read through the same functions as their pages, so the file holds
 * exactly what those pages show the person: a manager review once shared, a
 * packet's manager part when the person may see it, and never a private note
 * (no function used here can read one). The download is audited.
 */
export function exportMyData(viewer: Viewer, now: Date = new Date()): DataExport {
  const { person, history } = getPersonProfile(viewer, viewer.id);
  const reviews = listMyReviews(viewer).map((row) => {
    const review = getReview(viewer, row.id);
    const manager = getManagerPart(viewer, row.id);
    const nameOf = new Map(review.frameworkCells.map((c) => [c.id, `${c.competencyName} · ${c.themeName}`]));
    return {
      id: row.id,
      cycle: { name: review.review.cycleName, status: review.review.cycleStatus },
      frameworkVersion: review.frameworkVersion,
      level: review.levelLabel,
      selfAssessment: { status: review.review.selfStatus, cells: (review.self ?? []).map((c) => ({ cell: c.cell, name: nameOf.get(c.cell) ?? c.cell, rating: c.rating, evidence: c.evidence, citations: c.citations })) },
      managerReview: manager.part
        ? {
            status: manager.status,
            author: manager.part.author,
            sharedAt: manager.part.sharedAt?.toISOString() ?? null,
            summary: manager.part.summary,
            cells: manager.part.cells,
            response: manager.part.response,
            acknowledgedAt: manager.part.acknowledgedAt?.toISOString() ?? null,
          }
        : null,
    };
  });
  const packets = listPackets(viewer).mine.map((row) => {
    const p = getPacket(viewer, row.id);
    return {
      id: p.packet.id,
      status: p.packet.status,
      kind: p.packet.kind,
      from: { key: p.from.key, label: p.from.label },
      target: { key: p.target.key, label: p.target.label },
      frameworkVersion: p.frameworkVersion.number,
      startedAt: p.packet.createdAt.toISOString(),
      startedBy: p.startedBy,
      summary: p.packet.summary,
      cells: p.cells.map((c) => ({ cell: c.id, name: c.name, case: c.text, citations: c.citations })),
      managerPart: p.manager ? { author: p.manager.author, cells: p.manager.cells } : null,
      timeline: p.events.map((e) => ({ at: e.at.toISOString(), step: e.step, from: e.fromStatus, to: e.toStatus, by: e.actorName, note: e.note })),
    };
  });
  const data = dataExportSchema.parse({
    formatVersion: EXPORT_FORMAT_VERSION,
    exportedAt: now.toISOString(),
    person: {
      id: person.id,
      name: person.name,
      email: person.email,
      role: person.role,
      team: person.team,
      startDate: person.startDate,
      active: person.active,
      track: { key: person.trackKey, name: person.trackName },
      level: { key: person.levelKey, label: levelLabel({ code: person.levelCode, name: person.levelName, key: person.levelKey }) },
      manager: person.managerId && person.managerName ? { id: person.managerId, name: person.managerName } : null,
    },
    levelHistory: history.map((h) => ({ effectiveDate: h.effectiveDate, track: h.trackName, level: { key: h.levelKey, label: levelLabel({ code: h.levelCode, name: h.levelName, key: h.levelKey }) }, reason: h.reason, recordedBy: h.recordedByName })),
    evidence: ownEvidence(viewer.id),
    reviews,
    packets,
    stipendClaims: ownStipendClaims(viewer.id),
  });
  recordAudit(db(), { actorId: viewer.id, action: "person.export", recordType: "person", recordId: viewer.id, summary: "Downloaded their own data (JSON export)" });
  return data;
}
