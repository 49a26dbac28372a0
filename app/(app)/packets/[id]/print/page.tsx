import type { Metadata } from "next";
import Link from "next/link";
import { buttonClass } from "@/components/ui/button";
import { PrintButton } from "@/components/ui/print-button";
import { requireViewer } from "@/lib/auth/viewer";
import { getPacketDocument } from "@/lib/dal/packet-document";
import { formatDate } from "@/lib/format";
import { orNotFound } from "@/lib/page-guards";
import { DocumentView } from "./document-view";

export const metadata: Metadata = { title: "Promotion packet: print view" };

type Props = { params: Promise<{ id: string }> };

/* The packet as a finished document, for printing or reading through; the same access check and audit as the packet page. */
export default async function PacketPrintPage({ params }: Props) {
  const viewer = await requireViewer();
  const id = (await params).id;
  const { document, today } = orNotFound(viewer, () => getPacketDocument(viewer, id, "print"));
  return (
    <>
      <nav aria-label="Packet document" className="no-print mx-auto mb-4 flex max-w-3xl flex-wrap items-center justify-between gap-3">
        <Link href={`/packets/${id}`} className="text-sm font-medium text-brand-700 underline">
          Back to the packet
        </Link>
        <div className="flex flex-wrap gap-2">
          <PrintButton />
          <a href={`/packets/${id}/pdf`} download className={buttonClass("secondary")}>
            Download PDF
          </a>
        </div>
      </nav>
      <DocumentView document={document} printedOn={formatDate(today)} />
    </>
  );
}
