import { Markdown } from "@/components/markdown";
import { Card, CardHeader } from "@/components/ui/card";
import type { PacketStatus } from "@/lib/domain/enums";
import { formatDateTime } from "@/lib/format";
import { PACKET_EVENT_LABEL, PACKET_STATUS_LABEL } from "@/lib/packets/flow";

type Event = { id: number; at: Date; step: string; fromStatus: PacketStatus | null; toStatus: PacketStatus; note: string; actorName: string | null };

/* Every step the packet has taken: who, when, from what to what, and why. */
export function Timeline({ events, audience }: { events: Event[]; audience: string }) {
  return (
    <Card>
      <CardHeader id="timeline-title" title="Timeline" description={`Every step, with who took it, when and why. Visible to: ${audience}.`} />
      <ol aria-labelledby="timeline-title" className="divide-y divide-stone-200" data-testid="timeline">
        {events.map((e) => (
          <li key={e.id} className="px-5 py-3">
            <p className="text-sm text-stone-900">
              <span className="font-semibold">{PACKET_EVENT_LABEL[e.step as keyof typeof PACKET_EVENT_LABEL] ?? e.step}</span> by {e.actorName ?? "someone no longer here"}
            </p>
            <p className="text-xs text-stone-600">
              {formatDateTime(e.at)} · {e.fromStatus && e.fromStatus !== e.toStatus ? `${PACKET_STATUS_LABEL[e.fromStatus]} → ` : ""}
              {PACKET_STATUS_LABEL[e.toStatus]}
            </p>
            {e.note ? <Markdown className="mt-1 break-words text-sm text-stone-800">{e.note}</Markdown> : null}
          </li>
        ))}
      </ol>
    </Card>
  );
}
