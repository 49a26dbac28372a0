import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { listMyEndorsementRequests } from "@/lib/dal/endorsement-answers";
import { formatDate } from "@/lib/format";
import { requestState, REQUEST_STATE_LABEL } from "@/lib/packets/endorsements";

export const metadata: Metadata = { title: "Endorsement requests" };

/* The requests colleagues sent the viewer, newest first, each with its status. */
export default async function EndorsementsPage() {
  const viewer = await requireViewer();
  const requests = listMyEndorsementRequests(viewer);
  return (
    <>
      <PageHeader title="Endorsement requests" description="Colleagues ask you to endorse or question specific claims in their promotion packets. You see only the claims you are asked about." />
      <Card>
        <CardHeader id="requests-title" title="Asked of me" />
        {requests.length === 0 ? (
          <EmptyState title="Nobody has asked you yet">When a colleague asks you to endorse their promotion packet, the request appears here and on Needs my action.</EmptyState>
        ) : (
          <ul aria-labelledby="requests-title" className="divide-y divide-stone-200">
            {requests.map((r) => {
              const state = requestState(r.status, r.packetStatus);
              return (
                <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3" data-testid="endorsement-row">
                  <div className="min-w-0">
                    {/* Opening a request reads the author's claims, which is audited, so it is never prefetched. */}
                    <Link href={`/endorsements/${r.id}`} prefetch={false} className="font-medium text-brand-700 hover:underline">
                      {r.authorName}&apos;s promotion packet
                    </Link>
                    <p className="text-sm text-stone-600">
                      {r.cells} {r.cells === 1 ? "claim" : "claims"} · asked {formatDate(r.createdAt)}
                      {r.answeredAt ? ` · answered ${formatDate(r.answeredAt)}` : ""}
                    </p>
                  </div>
                  <Badge tone={state === "pending" ? "amber" : state === "answered" ? "brand" : "neutral"}>{REQUEST_STATE_LABEL[state]}</Badge>
                </li>
              );
            })}
          </ul>
        )}
      </Card>
    </>
  );
}
