import "server-only";
import type { Viewer } from "@/lib/domain/viewer";
import { formatDate, formatDateTime } from "@/lib/format";
import { buildPacketDocument, type DocBlock, type DocSection, type PacketDocument } from "@/lib/packets/document";
import { decisionSection, earlierMissingBlocks, endorsementBlocks, missingBlocks, reopenedSection } from "@/lib/packets/document-parts";
import { readersAndCommittee } from "@/lib/policies/packets";
import { orgToday } from "./org-settings";
import { getPacket, type PacketReadVia } from "./packets";

/*
 * A packet as a finished document, for the print view and the PDF. It is read
 * through getPacket, as the packet page reads it: the same access check, the
 * same parts for the same viewer (the manager's part only where the policy
 * allows; private notes never, since getPacket cannot read them), and the same
 * audit row for everyone but the author, saying how it was read.
 *
 * Another module adds its part here, read as the same viewer with its own
 * policy: a section in SECTIONS, or blocks inside each cell in CELL_BLOCKS.
 * Both renderers draw any section or block as it comes; see
 * docs/packet-document.md.
 *
 * The decision (with each cell's "what is missing") and the endorsements are
 * in getPacket's answer for every reader of the packet, as the packet page
 * shows them: the author, their managers and admins. The parts are drawn from
 * that answer alone (lib/packets/document-parts.ts), so they reach exactly
 * those readers. Committee votes are not in it (the author and the managers
 * never see votes), nor private notes.
 */
export type PacketView = ReturnType<typeof getPacket>;
export type SectionSource = (viewer: Viewer, view: PacketView) => DocSection[];
export type CellBlockSource = (viewer: Viewer, view: PacketView) => Record<string, DocBlock[]>;

const FORMAT = { date: formatDate, dateTime: formatDateTime };
const audienceOf = (view: PacketView) => readersAndCommittee(view.role === "author" ? null : view.packet.personName);

const SECTIONS: SectionSource[] = [(_viewer, view) => reopenedSection(view, FORMAT, audienceOf(view)), (_viewer, view) => decisionSection(view, FORMAT, audienceOf(view))];
const CELL_BLOCKS: CellBlockSource[] = [(_viewer, view) => missingBlocks(view), (_viewer, view) => earlierMissingBlocks(view), (_viewer, view) => endorsementBlocks(view, FORMAT)];

export type PacketDocumentFile = { document: PacketDocument; personName: string; today: string };

export function getPacketDocument(viewer: Viewer, packetId: string, via: Exclude<PacketReadVia, "page">): PacketDocumentFile {
  const view = getPacket(viewer, packetId, via);
  const cellBlocks: Record<string, DocBlock[]> = {};
  for (const source of CELL_BLOCKS) for (const [cell, blocks] of Object.entries(source(viewer, view))) cellBlocks[cell] = [...(cellBlocks[cell] ?? []), ...blocks];
  const document = buildPacketDocument(view, FORMAT, { cellBlocks, sections: SECTIONS.flatMap((source) => source(viewer, view)) });
  return { document, personName: view.packet.personName, today: orgToday() };
}
