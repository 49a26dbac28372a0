import { getPacketDocument } from "@/lib/dal/packet-document";
import { fileNamePart, formatDate } from "@/lib/format";
import { fileDownload, routeAs } from "@/lib/page-guards";
import { renderPacketPdf } from "@/lib/pdf/packet-pdf";

type Context = { params: Promise<{ id: string }> };

/*
 * GET /packets/[id]/pdf: the packet as a PDF, drawn on the server. The same
 * access check and audit as the packet page (getPacket, via the document);
 * anyone else gets the same 404 as for a missing packet.
 */
export async function GET(_request: Request, { params }: Context) {
  const { id } = await params;
  return routeAs(async (viewer) => {
    const { document, personName, today } = getPacketDocument(viewer, id, "pdf");
    const pdf = await renderPacketPdf(document, { generatedOn: formatDate(today) });
    return fileDownload(`promotion-packet-${fileNamePart(personName)}-${today}.pdf`, new Uint8Array(pdf), "application/pdf");
  });
}
