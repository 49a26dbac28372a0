import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { listCommitteePackets } from "@/lib/dal/committee-packets";
import type { CommitteeVote, PacketStatus } from "@/lib/domain/enums";
import { formatDate } from "@/lib/format";
import { tallyInWords, VOTE_LABEL, type VoteTally } from "@/lib/packets/committee";
import { PACKET_STATUS_LABEL } from "@/lib/packets/flow";
import { orNotFound } from "@/lib/page-guards";

export const metadata: Metadata = { title: "Promotion committee" };

type Row = { id: string; personName: string; targetLabel: string; status: PacketStatus; kind: string; endorsedAt: Date | null; open: boolean; recusal: string | null; myVote: CommitteeVote | null; tally: VoteTally | null; voted: number };

function Rows({ rows, labelledBy }: { rows: Row[]; labelledBy: string }) {
  return (
    <ul aria-labelledby={labelledBy} className="divide-y divide-stone-200">
      {rows.map((r) => (
        <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3" data-testid="committee-row">
          <div className="min-w-0">
            {r.open ? (
              // Opening a packet is an audited read, so it is never prefetched.
              <Link href={`/committee/${r.id}`} prefetch={false} className="font-medium text-brand-700 hover:underline">
                {r.personName}: {r.targetLabel}
              </Link>
            ) : (
              <span className="font-medium text-stone-700">
                {r.personName}: {r.targetLabel}
              </span>
            )}
            <p className="text-sm text-stone-600">
              {r.kind === "track-move" ? "Track move · " : ""}With the committee since {formatDate(r.endorsedAt)}
              {r.tally ? ` · ${tallyInWords(r.tally)}` : r.open ? ` · ${r.voted} voted so far` : ""}
            </p>
          </div>
          <span className="flex flex-wrap gap-2">
            {r.recusal ? <Badge>{r.recusal}</Badge> : null}
            {r.myVote ? <Badge tone="brand">You voted: {VOTE_LABEL[r.myVote]}</Badge> : null}
            {r.status !== "endorsed" ? <Badge tone={r.status === "approved" ? "brand" : "red"}>{PACKET_STATUS_LABEL[r.status]}</Badge> : null}
          </span>
        </li>
      ))}
    </ul>
  );
}

/* The committee's queue and its decided packets; recused packets are listed as such, never opened. */
export default async function CommitteePage() {
  const viewer = await requireViewer();
  const { isMember, inCommittee, decided } = orNotFound(viewer, () => listCommitteePackets(viewer));
  return (
    <>
      <PageHeader
        title="Promotion committee"
        description={`${isMember ? "You are on the promotion committee. " : ""}Packets the manager endorsed come here. Members read each case and vote; votes stay hidden until you have voted. An admin records the decision with its reasons. Members are recused from their own packets and from anyone's in their org.`}
      />
      <div className="space-y-6">
        <Card>
          <CardHeader id="in-committee" title={`In committee (${inCommittee.length})`} />
          {inCommittee.length ? <Rows rows={inCommittee} labelledBy="in-committee" /> : <EmptyState title="Nothing waiting">Packets appear here when a manager endorses one.</EmptyState>}
        </Card>
        <Card>
          <CardHeader id="decided" title="Decided" />
          {decided.length ? <Rows rows={decided} labelledBy="decided" /> : <EmptyState title="No decisions yet" />}
        </Card>
      </div>
    </>
  );
}
