import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog } from "@/db/schema";
import { getPacketDocument } from "./packet-document";
import { savePacketCase, submitPacket } from "@/lib/dal/packet-case";
import { savePacketNotes } from "@/lib/dal/packet-notes";
import { endorsePacket } from "@/lib/dal/packet-review";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { buildOrg, newViewer, type Org } from "@/lib/test/org";
import { mustSucceed, packetCellIds, packetRow, rateAll, startedPacket } from "@/lib/test/packets";
import { pdfPages, squeeze } from "@/lib/test/pdf-text";
import { markdownParagraphs, paragraphsText } from "@/lib/pdf/markdown";
import { renderPacketPdf } from "@/lib/pdf/packet-pdf";

/*
 * The PDF holds what the packet page shows its reader, as text a PDF reader
 * extracts: every cell's case, the target expectation, the manager's part
 * only where the reader may see it, and never the private notes.
 */
let org: Org;
beforeAll(() => {
  org = buildOrg();
});

const caseFor = (cell: string) => `In **${cell}** I led the Ωmega rollout → shipped it; see [the doc](https://example.com/${cell}).\n\n- first step for ${cell}\n- second step`;
const plainCase = (cell: string) => squeeze(paragraphsText(markdownParagraphs(caseFor(cell))));

function packetWithCase(status: "submitted" | "endorsed") {
  const { viewer: author } = newViewer({ managerId: org.people.manager.id, name: `Zoë Łukasz ${crypto.randomUUID().slice(0, 4)}` });
  const id = startedPacket(author, author.id);
  const cells = packetCellIds(id).map((cell) => ({ cell, text: caseFor(cell), citations: [] }));
  mustSucceed(savePacketCase(author, id, packetRow(id).caseVersion, { summary: "Ready for **Senior**.", cells }));
  mustSucceed(submitPacket(author, id, packetRow(id).caseVersion, ""));
  rateAll(org.as.manager, id, "meets");
  mustSucceed(savePacketNotes(org.as.manager, id, 0, "Private: compare with the other Senior candidates"));
  if (status === "endorsed") mustSucceed(endorsePacket(org.as.manager, id, packetRow(id).managerVersion, "Ready."));
  return { author, id, cells: cells.map((c) => c.cell) };
}

async function pdfText(viewer: Viewer, id: string) {
  const { document } = getPacketDocument(viewer, id, "pdf");
  const bytes = await renderPacketPdf(document, { generatedOn: "2026-11-22" });
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  // Each page's footer (title, date, page number) is drawn where the page breaks; take it out so a case that
  // runs over a page break still reads as one text.
  const pages = await pdfPages(bytes);
  const footer = (n: number) => squeeze(`${document.title} · produced 2026-11-22 Page ${n} of ${pages.length}`);
  pages.forEach((page, i) => expect(squeeze(page)).toContain(footer(i + 1)));
  return pages.map((page, i) => squeeze(page).replace(footer(i + 1), "")).join("");
}

// Rendering and reading back a PDF takes a second or more while other builds share the two cores.
describe("the packet PDF", { timeout: 30_000 }, () => {
  it("holds every cell's case, the target expectations and the manager's part for the author of an endorsed packet", async () => {
    const { author, id, cells } = packetWithCase("endorsed");
    const text = await pdfText(author, id);
    for (const cell of cells) expect(text).toContain(plainCase(cell));
    for (const fact of [`${author.name}: promotion packet for IC3 · Senior Software Engineer`, "Current level: IC2 · Software Engineer", "Framework: Version 1", "Expected at IC3 · Senior Software Engineer", "Manager's rating (Max Manager)", `Seen in ${cells[0]}`, "Endorsed by the manager and sent to the committee by Max Manager"]) {
      expect(text).toContain(squeeze(fact));
    }
    expect(text).not.toContain(squeeze("compare with the other Senior candidates"));
  });

  it("leaves the manager's part out for the author while the manager is still writing, as the page does", async () => {
    const { author, id, cells } = packetWithCase("submitted");
    const text = await pdfText(author, id);
    for (const cell of cells) expect(text).toContain(plainCase(cell));
    expect(text).not.toContain(squeeze("Manager's rating"));
    expect(text).not.toContain(squeeze(`Seen in ${cells[0]}`));
  });

  it("gives the manager chain the manager's part, never the private notes, and audits each read as a PDF", async () => {
    const { id, cells } = packetWithCase("submitted");
    for (const reader of ["manager", "director", "admin"] as const) {
      const text = await pdfText(org.as[reader], id);
      expect(text).toContain(squeeze(`Seen in ${cells[0]}`));
      expect(text).not.toContain(squeeze("compare with the other Senior candidates"));
      const reads = db().select().from(auditLog).where(and(eq(auditLog.recordId, id), eq(auditLog.actorId, org.people[reader].id), eq(auditLog.action, "packet.read"))).all();
      expect(reads.map((r) => r.summary)).toEqual([expect.stringMatching(/promotion packet \(PDF\)$/)]);
    }
  });

  it("is refused, as missing, to anyone who may not read the packet", () => {
    const { id } = packetWithCase("submitted");
    for (const stranger of ["peer", "otherManager", "outsider"] as const) expect(() => getPacketDocument(org.as[stranger], id, "pdf")).toThrow(NotFoundError);
  });
});
