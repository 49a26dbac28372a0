import type { Viewer } from "@/lib/domain/viewer";
import { demoCaseText } from "@/db/seed/demo-packet-texts";

/*
 * For `npm run bench`: a packet the size of the largest demo packet (Noor's:
 * every cell written, rated by the manager with a comment, one gap justified,
 * started, submitted and endorsed), with two evidence entries cited per cell;
 * then one PDF of it as the skip-level manager reads it (the read is audited).
 */
export async function packetPdfBench(o: { author: Viewer; manager: Viewer; reader: Viewer; entryIds: string[] }) {
  const { mustSucceed, packetCellIds, packetRow, startedPacket } = await import("@/lib/test/packets");
  const { savePacketCase, submitPacket } = await import("@/lib/dal/packet-case");
  const { endorsePacket, savePacketReview } = await import("@/lib/dal/packet-review");
  const { getPacketDocument } = await import("@/lib/dal/packet-document");
  const { renderPacketPdf } = await import("@/lib/pdf/packet-pdf");
  const id = startedPacket(o.author, o.author.id);
  const cells = packetCellIds(id);
  const summary = "Noor has run the onboarding research team informally for a year; this packet makes it official on the management track.";
  mustSucceed(savePacketCase(o.author, id, packetRow(id).caseVersion, { summary, cells: cells.map((cell, i) => ({ cell, text: demoCaseText("noor", cell, cell), citations: o.entryIds.slice(2 * i, 2 * i + 2) })) }));
  mustSucceed(submitPacket(o.author, id, packetRow(id).caseVersion, ""));
  const rated = cells.map((cell, i) => (i === 5 ? { cell, rating: "not-yet" as const, comment: "Fair: still building this.", justification: "The first report starts next month; the multiplier work is planned with them and I will coach it." } : { cell, rating: "meets" as const, comment: "Shown through the onboarding research team.", justification: "" }));
  mustSucceed(savePacketReview(o.manager, id, packetRow(id).managerVersion, rated));
  mustSucceed(endorsePacket(o.manager, id, packetRow(id).managerVersion, "Ready: one justified gap, explained in the cell."));
  return async () => {
    const { document, today } = getPacketDocument(o.reader, id, "pdf");
    return renderPacketPdf(document, { generatedOn: today });
  };
}
