import type { Metadata } from "next";
import Link from "next/link";
import { HistoryChart } from "@/components/reviews/history-chart";
import { Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable, TableHead } from "@/components/ui/table";
import { requireViewer } from "@/lib/auth/viewer";
import { getRatingHistory } from "@/lib/dal/review-history";
import { orNotFound } from "@/lib/page-guards";
import { ratingLabel } from "@/lib/reviews/self-assessment";

export const metadata: Metadata = { title: "Rating history" };

type Props = { params: Promise<{ personId: string }> };

export default async function RatingHistoryPage({ params }: Props) {
  const viewer = await requireViewer();
  const { personId } = await params;
  const history = orNotFound(viewer, () => getRatingHistory(viewer, personId));
  const own = history.person.id === viewer.id;
  const cycleNames = history.cycles.map((c) => c.cycleName);
  return (
    <>
      <PageHeader
        title={own ? "My rating history" : `${history.person.name}'s rating history`}
        description="Ratings per cell across review cycles. A self-assessment shows once submitted; a manager review reaches the person reviewed once shared."
      />
      {history.cycles.length === 0 ? (
        <Card>
          <EmptyState title="No reviews yet" />
        </Card>
      ) : (
        <div className="space-y-6">
          <Card>
            <CardHeader id="history-charts" title="Manager ratings per cell" />
            <ul aria-labelledby="history-charts" className="grid gap-4 px-5 py-4 sm:grid-cols-2 lg:grid-cols-3">
              {history.frameworkCells.map((fc) => (
                <li key={fc.id} className="min-w-0">
                  <p className="text-sm font-medium text-stone-800">
                    {fc.competencyName} · {fc.themeName}
                  </p>
                  <HistoryChart title={`${fc.competencyName} · ${fc.themeName}, manager ratings`} cycles={cycleNames} series={{ id: fc.id, label: fc.id, points: history.cycles.map((c) => ({ cycleName: c.cycleName, value: c.cells[fc.id]?.manager ?? null })) }} />
                </li>
              ))}
            </ul>
          </Card>
          <Card>
            <CardHeader id="history-table" title="Every rating" />
            <DataTable caption="Self and manager ratings per cell and cycle">
              <TableHead columns={["Cell", ...history.cycles.map((c) => ({ label: c.cycleName, key: c.reviewId }))]} />
              <tbody className="divide-y divide-stone-200">
                {history.frameworkCells.map((fc) => (
                  <tr key={fc.id}>
                    <th scope="row" className="px-5 py-2 text-left font-medium">
                      {fc.competencyName} · {fc.themeName}
                    </th>
                    {history.cycles.map((c, i) => (
                      <td key={c.reviewId} className={`${i === history.cycles.length - 1 ? "px-5" : "px-3"} py-2`}>
                        {fc.id in c.cells ? (
                          <>
                            <span className="block">Self: {c.selfShown ? ratingLabel(c.cells[fc.id]?.self) : "not submitted"}</span>
                            <span className="block">Manager: {c.managerShown ? ratingLabel(c.cells[fc.id]?.manager) : "not shared"}</span>
                          </>
                        ) : (
                          <span className="text-stone-600">Not in this cycle&apos;s framework</span>
                        )}
                      </td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </DataTable>
            <ul className="flex flex-wrap gap-3 px-5 py-3 text-sm">
              {history.cycles.map((c) => (
                <li key={c.reviewId}>
                  <Link href={`/reviews/${c.reviewId}`} className="text-brand-700 underline">
                    Open the {c.cycleName} review
                  </Link>
                </li>
              ))}
            </ul>
          </Card>
        </div>
      )}
    </>
  );
}
