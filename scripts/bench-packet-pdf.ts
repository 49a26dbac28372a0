import type { Viewer } from "@/lib/domain/viewer";
import { demoCaseText } from "@/db/seed/demo-packet-texts";

/*
 * For `npm run bench`: a packet like the largest demo packet (Jordan's, by
 * the words in its document: every cell written, four evidence entries cited,
 * every cell rated and commented by the manager, returned with feedback),
 * then one PDF of it as the skip-level manager reads it (the read is audited).
 */
const GAP = "leadership.influence";

export async function packetPdfBench(o: { author: Viewer; manager: Viewer; reader: Viewer; entryIds: string[] }) {
  const { mustSucceed, packetCellIds, packetRow, startedPacket } = await import("@/lib/test/packets");
  const { savePacketCase, submitPacket } = await import("@/lib/dal/packet-case");
  const { returnPacket, savePacketReview } = await import("@/lib/dal/packet-review");
  const { getPacketDocument } = await import("@/lib/dal/packet-document");
  const { renderPacketPdf } = await import("@/lib/pdf/packet-pdf");
  const id = startedPacket(o.author, o.author.id);
  const cells = packetCellIds(id);
  const cites: Record<string, string[]> = { "technical.complexity": o.entryIds.slice(0, 2), "leadership.multiplier": o.entryIds.slice(2, 4) };
  const summary = "Over the last year I have taken on work that used to need a senior engineer: the **search v2** rewrite, the queue service's on-call runbook and the cache outage review.";
  mustSucceed(savePacketCase(o.author, id, packetRow(id).caseVersion, { summary, cells: cells.map((cell) => ({ cell, text: demoCaseText("jordan", cell, cell), citations: cites[cell] ?? [] })) }));
  mustSucceed(submitPacket(o.author, id, packetRow(id).caseVersion, "Ready for your review."));
  const rated = cells.map((cell) =>
    cell === GAP
      ? { cell, rating: "not-yet" as const, comment: "I have not yet seen you lead work that spans more than the Platform team. The cache review was a good start: say what changed outside Platform because of it.", justification: "" }
      : { cell, rating: cell.startsWith("technical") ? ("exceeds" as const) : ("meets" as const), comment: "Agreed; the evidence is clear.", justification: "" },
  );
  mustSucceed(savePacketReview(o.manager, id, packetRow(id).managerVersion, rated));
  mustSucceed(returnPacket(o.manager, id, packetRow(id).managerVersion, "Strong on technical work. **Leadership · Sphere of influence** needs evidence from beyond Platform before I can endorse it."));
  return async () => {
    const { document, today } = getPacketDocument(o.reader, id, "pdf");
    return renderPacketPdf(document, { generatedOn: today });
  };
}
