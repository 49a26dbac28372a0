import "server-only";
import type { Viewer } from "@/lib/domain/viewer";
import { formatDate, formatDateTime } from "@/lib/format";
import { buildPacketDocument, type DocBlock, type DocSection, type PacketDocument } from "@/lib/packets/document";
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
 * policy: a section (endorsements, committee votes, the decision) in
 * SECTIONS, or blocks inside each cell (an endorsement of that cell, "what is
 * missing") in CELL_BLOCKS. Both renderers draw any section or block as it
 * comes; see docs/packet-document.md.
 */
export type PacketView = ReturnType<typeof getPacket>;
export type SectionSource = (viewer: Viewer, view: PacketView) => DocSection[];
export type CellBlockSource = (viewer: Viewer, view: PacketView) => Record<string, DocBlock[]>;

const SECTIONS: SectionSource[] = [];
const CELL_BLOCKS: CellBlockSource[] = [];

export type PacketDocumentFile = { document: PacketDocument; personName: string; today: string };

export function getPacketDocument(viewer: Viewer, packetId: string, via: Exclude<PacketReadVia, "page">): PacketDocumentFile {
  const view = getPacket(viewer, packetId, via);
  const cellBlocks: Record<string, DocBlock[]> = {};
  for (const source of CELL_BLOCKS) for (const [cell, blocks] of Object.entries(source(viewer, view))) cellBlocks[cell] = [...(cellBlocks[cell] ?? []), ...blocks];
  const document = buildPacketDocument(view, { date: formatDate, dateTime: formatDateTime }, { cellBlocks, sections: SECTIONS.flatMap((source) => source(viewer, view)) });
  return { document, personName: view.packet.personName, today: orgToday() };
}
