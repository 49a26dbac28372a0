import { Markdown } from "@/components/markdown";
import { Badge, Card, CardHeader } from "@/components/ui/card";
import type { CommitteeVote } from "@/lib/domain/enums";
import { formatDateTime } from "@/lib/format";
import { tallyInWords, VOTE_LABEL, type VoteTally } from "@/lib/packets/committee";

type Vote = { memberId: string; memberName: string; vote: CommitteeVote; comment: string; updatedAt: Date };

/* The committee's votes: blind until the viewer has voted (members) or always (admins recording the decision). */
export function VotesPanel(props: { votes: Vote[] | null; myVote: Vote | null; tally: VoteTally | null; votedCount: number; eligibleCount: number; audience: string; children?: React.ReactNode }) {
  const { votes, tally } = props;
  return (
    <Card>
      <section aria-labelledby="votes-title" id="votes" className="scroll-mt-20" data-testid="votes">
        <CardHeader id="votes-title" title="Committee votes" description={`Visible to: ${props.audience}.`} />
        <div className="space-y-4 px-5 py-4">
          <p className="text-sm font-medium text-stone-900" data-testid="tally">
            {tally ? tallyInWords(tally) : `${props.votedCount} of ${props.eligibleCount} ${props.eligibleCount === 1 ? "member has" : "members have"} voted. The votes show once you have voted.`}
          </p>
          {props.myVote ? <VoteItem vote={props.myVote} who="Your vote" /> : null}
          {votes?.length ? (
            <ul className="space-y-3" aria-label="Other members' votes">
              {votes.map((v) => (
                <li key={v.memberId}>
                  <VoteItem vote={v} who={v.memberName} />
                </li>
              ))}
            </ul>
          ) : null}
          {props.children}
        </div>
      </section>
    </Card>
  );
}

function VoteItem({ vote, who }: { vote: Vote; who: string }) {
  return (
    <div className="rounded-md border border-stone-200 bg-stone-50 px-3 py-2 text-sm" data-testid="vote">
      <p className="font-medium text-stone-900">
        {who}: <Badge tone={vote.vote === "approve" ? "brand" : "amber"}>{VOTE_LABEL[vote.vote]}</Badge> <span className="font-normal text-stone-600">· {formatDateTime(vote.updatedAt)}</span>
      </p>
      <Markdown className="mt-1 break-words text-stone-900">{vote.comment}</Markdown>
    </div>
  );
}
