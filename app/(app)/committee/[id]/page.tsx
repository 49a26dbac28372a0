import type { Metadata } from "next";
import Link from "next/link";
import { DecisionPanel } from "@/components/packets/decision-panel";
import { EndorsementList } from "@/components/packets/endorsement-list";
import { PacketCells } from "@/components/packets/packet-cells";
import { ReadinessMeter } from "@/components/packets/readiness-meter";
import { Badge, Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { getCommitteePacket } from "@/lib/dal/committee-packets";
import { orgToday } from "@/lib/dal/org-settings";
import { formatDate } from "@/lib/format";
import { PACKET_STATUS_LABEL } from "@/lib/packets/flow";
import { orNotFound } from "@/lib/page-guards";
import { VOTES_AUDIENCE } from "@/lib/policies/committee";
import { readersAndCommittee } from "@/lib/policies/packets";
import { Timeline } from "@/components/packets/timeline";
import { DecisionForm } from "./decision-form";
import { VoteForm } from "./vote-form";
import { VotesPanel } from "./votes-panel";

export const metadata: Metadata = { title: "Committee: promotion packet" };

type Props = { params: Promise<{ id: string }> };

/*
 * The committee's view of a packet: the case with the manager's part and the
 * readiness, the endorsements, the votes (blind until the member has voted)
 * and, for an admin, the decision. Never the private notes. A recused member
 * finds no page here.
 */
export default async function CommitteePacketPage({ params }: Props) {
  const viewer = await requireViewer();
  const id = (await params).id;
  const data = orNotFound(viewer, () => getCommitteePacket(viewer, id));
  const { packet, cells, can } = data;
  const name = packet.personName;
  const editorCells = cells.map((c) => ({ id: c.id, anchor: c.anchor, name: c.name }));
  const context = Object.fromEntries(
    cells.map((c) => [
      c.id,
      <p key={c.id} className="text-sm text-stone-900">
        <span className="font-medium">Expected at {data.target.label}:</span> {c.target?.expectation ?? "Not described in this framework version."}
      </p>,
    ]),
  );
  return (
    <>
      <PageHeader
        title={`${name}'s promotion packet: ${data.target.label}`}
        description={
          <>
            From {data.from.label} to {data.target.label}
            {packet.kind === "track-move" ? `, a move to the ${data.target.trackName ?? "other"} track` : ""}. With the committee since {formatDate(packet.endorsedAt)}. <Badge tone={packet.status === "declined" ? "red" : "brand"}>{PACKET_STATUS_LABEL[packet.status]}</Badge>
          </>
        }
        actions={
          <Link href="/committee" className="text-sm font-medium text-brand-700 underline">
            Committee
          </Link>
        }
      />
      <div className="space-y-6">
        <p className="text-sm text-stone-700">The committee&apos;s view: the case, the manager&apos;s part and the endorsements. Private manager notes are never part of it. Opening it is recorded in the audit log.</p>
        {data.decision ? <DecisionPanel personName={name} own={false} targetLabel={data.target.label} decision={data.decision} cells={editorCells} audience={readersAndCommittee(name)} reopenedAs={null} /> : null}
        <VotesPanel votes={data.votes} myVote={data.myVote} tally={data.tally} votedCount={data.votedCount} eligibleCount={data.eligibleCount} audience={VOTES_AUDIENCE}>
          {can.vote ? <VoteForm packetId={packet.id} current={data.myVote} audience={VOTES_AUDIENCE} /> : null}
        </VotesPanel>
        {can.decide ? (
          <Card>
            <section aria-labelledby="decide-title" id="decide" className="scroll-mt-20">
              <CardHeader id="decide-title" title="Record the decision" description="For the committee, with its reasons. Approving changes the level in their level history; declining says what is missing." />
              <div className="px-5 py-4">
                <DecisionForm packetId={packet.id} personName={name} targetLabel={data.target.label} today={orgToday()} cells={editorCells} audience={readersAndCommittee(name)} />
              </div>
            </section>
          </Card>
        ) : null}
        <ReadinessMeter readiness={data.readiness} />
        <PacketCells summary={packet.summary} audience={readersAndCommittee(name)} cells={cells} cited={data.cited} manager={data.manager} managerNote={`The manager's ratings, comments and justifications, from ${data.manager.author ?? "the manager"}.`} context={context} />
        <Card>
          <CardHeader id="committee-endorsements" title="Endorsements" description="Colleagues the author asked, with each answer and whether it was given to the current words." />
          {data.endorsements.length ? <EndorsementList endorsements={data.endorsements} /> : <EmptyState title="No endorsements">The author asked nobody to endorse this packet.</EmptyState>}
        </Card>
        <Timeline events={data.events} audience={readersAndCommittee(name)} />
      </div>
    </>
  );
}
