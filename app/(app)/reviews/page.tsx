import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { orgToday } from "@/lib/dal/org-settings";
import { listMyReviews, listReportsReviews } from "@/lib/dal/reviews";
import type { CycleStatus, SelfStatus } from "@/lib/domain/enums";
import { dueState } from "@/lib/domain/org-time";
import { formatDate } from "@/lib/format";
import { MANAGER_STATUS_LABEL, isShared } from "@/lib/reviews/manager-review";

export const metadata: Metadata = { title: "Reviews" };

const STATUS_LABEL: Record<SelfStatus, string> = { "not-started": "Not started", draft: "Draft", submitted: "Submitted" };

function StatusBadge({ status, cycleStatus, dueOn, today }: { status: SelfStatus; cycleStatus: CycleStatus; dueOn: string; today: string }) {
  if (status !== "submitted" && cycleStatus === "open" && dueState(dueOn, today) === "overdue") return <Badge tone="red">Overdue · {STATUS_LABEL[status]}</Badge>;
  return <Badge tone={status === "submitted" ? "brand" : "amber"}>{STATUS_LABEL[status]}</Badge>;
}

export default async function ReviewsPage() {
  const viewer = await requireViewer();
  const today = orgToday();
  const mine = listMyReviews(viewer);
  const reports = viewer.hasReports ? listReportsReviews(viewer) : [];
  return (
    <>
      <PageHeader
        title="Reviews"
        description="Your self-assessment and your manager's review in each cycle. Past cycles stay readable, with the framework text they were written against."
        actions={
          <Link href={`/reviews/history/${viewer.id}`} className="text-sm font-medium text-brand-700 underline">
            My rating history
          </Link>
        }
      />
      <div className="space-y-6">
        <Card>
          <CardHeader id="my-reviews" title="My self-assessments" />
          {mine.length === 0 ? (
            <EmptyState title="No review cycles yet">When an admin opens a cycle, your self-assessment appears here and on Needs my action.</EmptyState>
          ) : (
            <ul aria-labelledby="my-reviews" className="divide-y divide-stone-200">
              {mine.map((r) => (
                <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3">
                  <div>
                    <Link href={`/reviews/${r.id}`} className="font-medium text-brand-700 hover:underline">
                      {r.cycleName}
                    </Link>
                    <p className="text-sm text-stone-600">{r.cycleStatus === "open" ? `Due ${formatDate(r.selfDueOn)}` : "Closed"}</p>
                  </div>
                  <span className="flex flex-wrap gap-2">
                    <StatusBadge status={r.selfStatus} cycleStatus={r.cycleStatus} dueOn={r.selfDueOn} today={today} />
                    {isShared(r.managerStatus) ? <Badge tone={r.managerStatus === "shared" ? "amber" : "brand"}>Manager review {MANAGER_STATUS_LABEL[r.managerStatus].toLowerCase()}</Badge> : null}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
        {viewer.hasReports ? (
          <Card>
            <CardHeader
              id="reports-reviews"
              title="My reports' reviews"
              description="Self-assessments are readable once submitted; you can start your review before that."
              action={
                <Link href="/reviews/team" className="text-sm font-medium text-brand-700 underline">
                  Team reviews
                </Link>
              }
            />
            {reports.length === 0 ? (
              <EmptyState title="Nothing yet" />
            ) : (
              <ul aria-labelledby="reports-reviews" className="divide-y divide-stone-200">
                {reports.map((r) => (
                  <li key={r.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3">
                    <div>
                      <Link href={`/reviews/${r.id}`} className="font-medium text-brand-700 hover:underline">
                        {r.personName}
                      </Link>
                      <p className="text-sm text-stone-600">{r.cycleName}</p>
                    </div>
                    <span className="flex flex-wrap gap-2">
                      <StatusBadge status={r.selfStatus} cycleStatus={r.cycleStatus} dueOn={r.selfDueOn} today={today} />
                      <Badge>Your review: {MANAGER_STATUS_LABEL[r.managerStatus]}</Badge>
                    </span>
                  </li>
                ))}
              </ul>
            )}
          </Card>
        ) : null}
      </div>
    </>
  );
}
