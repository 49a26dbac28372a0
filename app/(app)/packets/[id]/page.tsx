import type { Metadata } from "next";
import Link from "next/link";
import { Markdown } from "@/components/markdown";
import { ReadinessMeter } from "@/components/packets/readiness-meter";
import { buttonClass, ButtonLink } from "@/components/ui/button";
import { Badge, PageHeader } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { listEvidence, listLearningByCell } from "@/lib/dal/evidence";
import { orgTimeZone } from "@/lib/dal/org-settings";
import { endorsementCandidates } from "@/lib/dal/endorsements";
import { getPacketNotes } from "@/lib/dal/packet-notes";
import { getPacket } from "@/lib/dal/packets";
import { latestSharedRatings } from "@/lib/dal/review-history";
import { cellId } from "@/lib/domain/cell-ref";
import { clockIn } from "@/lib/domain/org-time";
import { formatDate, formatDateTime } from "@/lib/format";
import { orNotFound } from "@/lib/page-guards";
import { PACKET_STATUS_LABEL } from "@/lib/packets/flow";
import { CASE_AUDIENCE, caseAudienceFor, managerPartAudience, readersAndCommittee } from "@/lib/policies/packets";
import { CaseForm } from "./case-form";
import { CellContext } from "./cell-context";
import { DecisionPanel } from "@/components/packets/decision-panel";
import { EndorsementsPanel } from "./endorsements-panel";
import { MissingNote, ReopenedFromBanner, ReturnedBanner } from "./packet-banners";
import { PacketNotesSection } from "./packet-notes-section";
import { ReopenForm } from "./reopen-form";
import { PacketCells } from "@/components/packets/packet-cells";
import { CaseView, ManagerView } from "@/components/packets/packet-parts";
import { ReviewForm } from "./review-form";
import { Timeline } from "@/components/packets/timeline";
import { WithdrawForm } from "./withdraw-form";

export const metadata: Metadata = { title: "Promotion packet" };

type Props = { params: Promise<{ id: string }> };

const STATUS_TONE = { draft: "amber", submitted: "blue", endorsed: "brand", approved: "brand", declined: "red", withdrawn: "neutral" } as const;

export default async function PacketPage({ params }: Props) {
  const viewer = await requireViewer();
  const id = (await params).id;
  const data = orNotFound(viewer, () => getPacket(viewer, id));
  const { packet, cells, manager, can } = data;
  // Private notes are asked for only where the policy allows; the author's page never reads them.
  const notes = can.readNotes ? orNotFound(viewer, () => getPacketNotes(viewer, id)) : null;
  const review = orNotFound(viewer, () => latestSharedRatings(viewer, packet.personId));
  const learning = listLearningByCell(viewer, packet.personId).map((l) => ({ id: l.id, item: l.item, cell: l.cell }));
  const own = data.role === "author";
  const name = packet.personName;
  const audience = own ? CASE_AUDIENCE : caseAudienceFor(name);
  // The timeline, the decision and the endorsements: the packet's readers and the committee.
  const wider = readersAndCommittee(own ? null : name);
  const managerOf = new Map((manager?.cells ?? []).map((c) => [c.cell, c]));
  const context = (withFeedback: boolean) =>
    Object.fromEntries(
      cells.map((c) => {
        const feedback = withFeedback ? managerOf.get(c.id) : undefined;
        const earlier = data.reopenedFrom?.missing[c.id];
        return [
          c.id,
          <div key={c.id} className="space-y-4">
            {c.missing ? <MissingNote text={c.missing} earlier={false} /> : earlier ? <MissingNote text={earlier} earlier /> : null}
            {feedback && (feedback.rating || feedback.comment) ? (
              <div className={`rounded-md border px-3 py-2 ${feedback.rating === "not-yet" || feedback.justification ? "border-amber-300 bg-amber-50" : "border-stone-200 bg-stone-50"}`} data-testid="cell-feedback">
                <ManagerView cell={feedback} by={manager?.author ?? null} heading="Feedback" />
              </div>
            ) : null}
            <CellContext cellId={c.id} target={c.target} current={c.current} fromLabel={data.from.label} targetLabel={data.target.label} review={review} learning={learning} />
          </div>,
        ];
      }),
    );
  const editorCells = cells.map((c) => ({ id: c.id, anchor: c.anchor, name: c.name }));

  return (
    <>
      <PageHeader
        title={own ? `My promotion packet: ${data.target.label}` : `${name}'s promotion packet: ${data.target.label}`}
        description={
          <>
            From {data.from.label} to {data.target.label}
            {packet.kind === "track-move" ? `, a move to the ${data.target.trackName ?? "other"} track` : ""}. Written against framework version {data.frameworkVersion.number} ({data.frameworkVersion.name}); started by {data.startedBy ?? "someone"} on {formatDate(packet.createdAt)}.{" "}
            <Badge tone={STATUS_TONE[packet.status]}>{PACKET_STATUS_LABEL[packet.status]}</Badge>
          </>
        }
        actions={
          <>
            {can.openCommitteeView ? (
              <ButtonLink href={`/committee/${packet.id}`} variant="secondary" prefetch={false}>
                Committee view
              </ButtonLink>
            ) : null}
            <Link href="/packets" className="self-center text-sm font-medium text-brand-700 underline">
              All packets
            </Link>
            <ButtonLink href={`/packets/${packet.id}/print`} variant="secondary">
              Print view
            </ButtonLink>
            <a href={`/packets/${packet.id}/pdf`} download className={buttonClass("secondary")}>
              Download PDF
            </a>
          </>
        }
      />
      <div className="space-y-6">
        {data.decision ? (
          <DecisionPanel personName={name} own={own} targetLabel={data.target.label} decision={data.decision} cells={editorCells} audience={wider} reopen={can.reopen ? <ReopenForm packetId={packet.id} /> : null} reopenedAs={data.reopenedAs} />
        ) : null}
        {data.returned && own ? <ReturnedBanner by={data.returned.actorName} at={data.returned.at} note={data.returned.note} /> : null}
        {data.reopenedFrom ? <ReopenedFromBanner from={data.reopenedFrom} /> : null}
        {data.readiness && !can.writeReview ? <ReadinessMeter readiness={data.readiness} /> : null}

        {can.writeCase ? (
          <CaseForm
            packetId={packet.id}
            version={packet.caseVersion}
            savedAt={packet.caseSavedAt ? clockIn(orgTimeZone(), packet.caseSavedAt) : null}
            targetLabel={data.target.label}
            managerName={data.authorManager}
            audience={audience}
            cells={editorCells}
            initial={{ summary: packet.summary, cells: cells.map((c) => ({ cell: c.id, text: c.text, citations: c.citations })) }}
            context={context(true)}
            entries={listEvidence(viewer, viewer.id).map((e) => ({ id: e.id, title: e.title, occurredOn: e.occurredOn, cells: e.cells.map(cellId) }))}
          />
        ) : can.writeReview && manager && data.readiness ? (
          <>
            <section aria-labelledby="summary-title" className="rounded-lg border border-stone-200 bg-white px-5 py-4 shadow-xs">
              <h2 id="summary-title" className="text-base font-semibold text-stone-900">
                {name}&apos;s summary
              </h2>
              {packet.summary ? <Markdown className="mt-2 break-words text-sm text-stone-900">{packet.summary}</Markdown> : <p className="mt-2 text-sm text-stone-600">No summary.</p>}
            </section>
            <ReviewForm
              packetId={packet.id}
              version={packet.managerVersion}
              authorName={name}
              targetLabel={data.target.label}
              audience={managerPartAudience(name)}
              cells={editorCells}
              caseContent={Object.fromEntries(
                cells.map((c) => [
                  c.id,
                  <div key={c.id} className="space-y-4">
                    <div>
                      <p className="mb-1 text-sm font-medium text-stone-800">{name}&apos;s case</p>
                      <CaseView text={c.text} citations={c.citations} cited={data.cited} />
                    </div>
                    <CellContext cellId={c.id} target={c.target} current={c.current} fromLabel={data.from.label} targetLabel={data.target.label} review={review} learning={learning} />
                  </div>,
                ]),
              )}
              initial={manager.cells}
              readiness={data.readiness}
            />
          </>
        ) : (
          <PacketCells
            summary={packet.summary}
            audience={audience}
            cells={cells}
            cited={data.cited}
            manager={manager}
            managerNote={
              own && packet.status === "submitted"
                ? `With ${data.authorManager ?? "your manager"} since ${formatDateTime(packet.submittedAt)}. You see their ratings and comments when they return or endorse it.`
                : manager
                  ? `The manager's ratings, comments and justifications are visible to: ${own ? "you, your managers and admins" : `${name}'s managers and admins, and ${name} once the packet is returned or endorsed`}.`
                  : null
            }
            context={context(false)}
          />
        )}

        <Timeline events={data.events} audience={wider} />

        <EndorsementsPanel
          packetId={packet.id}
          own={own}
          endorsements={data.endorsements}
          ask={can.askEndorsements ? { colleagues: endorsementCandidates(viewer, id), cells: editorCells } : null}
          audience={wider}
        />

        {notes ? <PacketNotesSection packetId={packet.id} name={name} notes={notes} /> : null}

        {can.withdraw ? <WithdrawForm packetId={packet.id} audience={audience} /> : null}
      </div>
    </>
  );
}
