import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Badge, Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { CLOSED_PACKETS_PAGE, listPackets } from "@/lib/dal/packets";
import type { PacketStatus } from "@/lib/domain/enums";
import { formatDateTime } from "@/lib/format";
import { PACKET_STATUS_LABEL } from "@/lib/packets/flow";
import { isAdmin } from "@/lib/policies/core";

export const metadata: Metadata = { title: "Promotion packets" };

const TONE: Record<PacketStatus, "amber" | "blue" | "brand" | "red" | "neutral"> = { draft: "amber", submitted: "blue", endorsed: "brand", approved: "brand", declined: "red", withdrawn: "neutral" };

type Row = { id: string; personName: string; status: PacketStatus; kind: string; targetLabel: string; updatedAt: Date; directReport?: boolean };

function PacketList({ rows, labelledBy, withPerson }: { rows: Row[]; labelledBy: string; withPerson: boolean }) {
  return (
    <ul aria-labelledby={labelledBy} className="divide-y divide-stone-200">
      {rows.map((r) => (
        <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3" data-testid="packet-row">
          <div className="min-w-0">
            {/* Opening a packet is an audited read, so it is never prefetched. */}
            <Link href={`/packets/${r.id}`} prefetch={false} className="font-medium text-brand-700 hover:underline">
              {withPerson ? `${r.personName}: ${r.targetLabel}` : r.targetLabel}
            </Link>
            <p className="text-sm text-stone-600">
              {r.kind === "track-move" ? "Track move · " : ""}Updated {formatDateTime(r.updatedAt)}
            </p>
          </div>
          <span className="flex flex-wrap gap-2">
            {r.directReport ? <Badge>Direct report</Badge> : null}
            <Badge tone={TONE[r.status]}>{PACKET_STATUS_LABEL[r.status]}</Badge>
          </span>
        </li>
      ))}
    </ul>
  );
}

export default async function PacketsPage({ searchParams }: { searchParams: Promise<{ closed?: string }> }) {
  const viewer = await requireViewer();
  const asked = Number((await searchParams).closed);
  const closedShown = Number.isInteger(asked) && asked > 0 ? Math.min(asked, 5_000) : CLOSED_PACKETS_PAGE;
  const { mine, open, closed, moreClosed } = listPackets(viewer, closedShown);
  const seesOthers = viewer.hasReports || isAdmin(viewer);
  return (
    <>
      <PageHeader
        title="Promotion packets"
        description="A packet is the written case for a promotion or a move between tracks: each cell argued against the target level, reviewed by the manager, then decided by the committee."
        actions={<ButtonLink href="/packets/new">Start a packet</ButtonLink>}
      />
      <div className="space-y-6">
        <Card>
          <CardHeader id="my-packets" title="My packets" description="Visible to you, your managers and admins." />
          {mine.length === 0 ? (
            <EmptyState title="No packets yet" action={<ButtonLink href="/packets/new" variant="secondary">Start a packet</ButtonLink>}>
              When you are ready for your next level, start a packet. Your manager can also start one for you.
            </EmptyState>
          ) : (
            <PacketList rows={mine} labelledBy="my-packets" withPerson={false} />
          )}
        </Card>
        {seesOthers ? (
          <>
            <Card>
              <CardHeader id="org-packets" title={isAdmin(viewer) ? "Everyone's open packets" : "Open packets in my org"} description={isAdmin(viewer) ? "Drafts, packets with a manager and packets with the committee, across the organisation. Opening one is recorded in the audit log." : "Your direct reports' packets (you review these) and the rest of your org below you, read only. Opening one is recorded in the audit log."} />
              {open.length === 0 ? <EmptyState title="No open packets">Packets your reports start, or you start for them, show here.</EmptyState> : <PacketList rows={open} labelledBy="org-packets" withPerson />}
            </Card>
            <Card>
              <CardHeader id="closed-packets" title="Decided and withdrawn" description="Newest first. Opening one is recorded in the audit log." />
              {closed.length === 0 ? <EmptyState title="None yet">Approved, declined and withdrawn packets show here.</EmptyState> : <PacketList rows={closed} labelledBy="closed-packets" withPerson />}
              {moreClosed ? (
                <div className="border-t border-stone-200 px-5 py-3">
                  <Link href={`/packets?closed=${closedShown + CLOSED_PACKETS_PAGE}#closed-packets`} className="text-sm font-medium text-brand-700 underline">
                    Show {CLOSED_PACKETS_PAGE} more
                  </Link>
                </div>
              ) : null}
            </Card>
          </>
        ) : null}
      </div>
    </>
  );
}
