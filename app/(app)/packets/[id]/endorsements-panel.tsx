import { EndorsementList, type EndorsementView } from "@/components/packets/endorsement-list";
import { Card, CardHeader, EmptyState } from "@/components/ui/card";
import { CancelRequestForm } from "./cancel-request-form";
import { RequestEndorsementsForm } from "./request-endorsements-form";

/*
 * The packet's endorsements: each request with its status and answers, for
 * everyone who reads the packet; the author also asks (while the packet is a
 * draft or with the manager) and cancels a request still waiting.
 */
export function EndorsementsPanel(props: {
  packetId: string;
  own: boolean;
  endorsements: EndorsementView[];
  ask: { colleagues: { id: string; name: string; team: string }[]; cells: { id: string; name: string }[] } | null;
  audience: string;
}) {
  const { endorsements, own } = props;
  return (
    <Card>
      <section aria-labelledby="endorsements-title" id="endorsements" className="scroll-mt-20">
        <CardHeader id="endorsements-title" title="Endorsements" description={`Colleagues endorse or question specific claims. Requests and answers are visible to: ${props.audience}.`} />
        {endorsements.length === 0 ? (
          <EmptyState title="No endorsements asked for yet">{own && props.ask ? "Ask colleagues who saw the work to endorse the cells they can speak to." : "None were asked for this packet."}</EmptyState>
        ) : (
          <EndorsementList endorsements={endorsements} actions={own ? (e) => (e.state === "pending" ? <CancelRequestForm requestId={e.id} packetId={props.packetId} endorserName={e.endorserName} /> : null) : undefined} />
        )}
        {props.ask ? (
          <div className="border-t border-stone-200">
            <RequestEndorsementsForm packetId={props.packetId} colleagues={props.ask.colleagues} cells={props.ask.cells} audience={props.audience} />
          </div>
        ) : null}
      </section>
    </Card>
  );
}
