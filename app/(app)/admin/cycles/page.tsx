import type { Metadata } from "next";
import { Badge, Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable, TableHead } from "@/components/ui/table";
import { listCycles } from "@/lib/dal/review-cycles";
import { formatDate } from "@/lib/format";
import { CloseCycleForm } from "./close-cycle-form";
import { OpenCycleForm } from "./open-cycle-form";
import { requireViewerWho } from "@/lib/page-guards";
import { canAdministerCycles } from "@/lib/policies/reviews";

export const metadata: Metadata = { title: "Review cycles" };

export default async function CyclesPage() {
  const viewer = await requireViewerWho(canAdministerCycles, "page");
  const cycles = listCycles(viewer);
  return (
    <>
      <PageHeader
        title="Review cycles"
        description="Opening a cycle gives every active person a self-assessment against their current level and the published framework. People who join or come back while it is open get one too."
      />
      <div className="space-y-6">
        <Card>
          <CardHeader id="open-cycle" title="Open a cycle" />
          <div className="p-5">
            <OpenCycleForm />
          </div>
        </Card>
        <Card>
          <CardHeader id="cycles" title="Cycles" />
          {cycles.length === 0 ? (
            <EmptyState title="No cycles yet">Open the first one above.</EmptyState>
          ) : (
            <DataTable caption="Review cycles">
              <TableHead columns={["Cycle", "Self-assessments due", "Manager reviews due", "Submitted", "Status", { label: <span className="sr-only">Actions</span>, key: "actions", align: "right" }]} />
              <tbody className="divide-y divide-stone-200">
                {cycles.map((c) => (
                  <tr key={c.id}>
                    <td className="px-5 py-3 font-medium text-stone-900">{c.name}</td>
                    <td className="whitespace-nowrap px-3 py-3">{formatDate(c.selfDueOn)}</td>
                    <td className="whitespace-nowrap px-3 py-3">{formatDate(c.managerDueOn)}</td>
                    <td className="px-3 py-3">
                      {c.submitted} of {c.total}
                    </td>
                    <td className="px-3 py-3">{c.status === "open" ? <Badge tone="brand">Open</Badge> : <Badge>Closed {formatDate(c.closedAt)}</Badge>}</td>
                    <td className="px-5 py-3 text-right">
                      {c.status === "open" ? (
                        <CloseCycleForm cycleId={c.id} version={c.version} name={c.name} />
                      ) : null}
                    </td>
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
        </Card>
      </div>
    </>
  );
}
