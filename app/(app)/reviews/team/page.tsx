import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { Badge, Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable, TableHead } from "@/components/ui/table";
import { listTeamReviews, type TeamSort, type TeamStatus } from "@/lib/dal/review-team";
import { MANAGER_STATUSES, type SelfStatus } from "@/lib/domain/enums";
import { formatDate } from "@/lib/format";
import { orNotFound, requireViewerWho } from "@/lib/page-guards";
import { canSeeTeamReviews } from "@/lib/policies/reviews";
import { MANAGER_STATUS_LABEL } from "@/lib/reviews/manager-review";

export const metadata: Metadata = { title: "Team reviews" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : undefined);
const SORTS: { value: TeamSort; label: string }[] = [
  { value: "name", label: "Name" },
  { value: "team", label: "Team" },
  { value: "status", label: "Manager review status" },
  { value: "due", label: "Overdue first" },
];
const STATUSES: TeamStatus[] = [...MANAGER_STATUSES, "overdue"];
const statusLabel = (s: TeamStatus) => (s === "overdue" ? "Overdue" : MANAGER_STATUS_LABEL[s]);
const SELF_LABEL: Record<SelfStatus, string> = { "not-started": "Not started", draft: "Draft", submitted: "Submitted" };

export default async function TeamReviewsPage({ searchParams }: Props) {
  const viewer = await requireViewerWho((v) => canSeeTeamReviews(v, v.hasReports), "team reviews");
  const params = await searchParams;
  const status = STATUSES.find((s) => s === one(params.status));
  const sort = SORTS.find((s) => s.value === one(params.sort))?.value ?? "name";
  const filters = { cycleId: one(params.cycle), team: one(params.team), status, sort };
  const data = orNotFound(viewer, () => listTeamReviews(viewer, filters));
  return (
    <>
      <PageHeader title="Team reviews" description="Your direct reports, whose reviews you write, then the rest of your org below them, read-only. Overdue reviews are marked." />
      <Card className="mb-6">
        <form method="get" className="grid gap-3 px-5 py-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end" aria-label="Filter and sort">
          <Field id="cycle" label="Cycle">
            {(aria) => (
              <Select {...aria} name="cycle" defaultValue={data.cycle?.id ?? ""}>
                {data.cycles.map((c) => (
                  <option key={c.id} value={c.id}>{c.name}{c.status === "closed" ? " (closed)" : ""}</option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="team" label="Team">
            {(aria) => (
              <Select {...aria} name="team" defaultValue={filters.team ?? ""}>
                <option value="">All teams</option>
                {data.teams.map((t) => (
                  <option key={t} value={t}>{t}</option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="status" label="Status">
            {(aria) => (
              <Select {...aria} name="status" defaultValue={status ?? ""}>
                <option value="">Any status</option>
                {STATUSES.map((s) => (
                  <option key={s} value={s}>{statusLabel(s)}</option>
                ))}
              </Select>
            )}
          </Field>
          <Field id="sort" label="Sort by">
            {(aria) => (
              <Select {...aria} name="sort" defaultValue={sort}>
                {SORTS.map((s) => (
                  <option key={s.value} value={s.value}>{s.label}</option>
                ))}
              </Select>
            )}
          </Field>
          <Button type="submit" variant="secondary">Show</Button>
        </form>
      </Card>
      <Card>
        <CardHeader id="team-reviews" title={data.cycle ? `${data.cycle.name}` : "No review cycles yet"} description={data.cycle ? `${data.rows.length} ${data.rows.length === 1 ? "person" : "people"} · self-assessments due ${formatDate(data.rows[0]?.selfDueOn)}, manager reviews due ${formatDate(data.rows[0]?.managerDueOn)}` : undefined} />
        {data.rows.length === 0 ? (
          <EmptyState title="Nobody matches">Change the filters, or wait for a cycle to open.</EmptyState>
        ) : (
          <DataTable caption={`Reviews in ${data.cycle?.name ?? ""}`}>
            <TableHead columns={["Person", "Team", "Manager", "Self-assessment", "Manager review", "Due", "History"]} />
            <tbody className="divide-y divide-stone-200">
              {data.rows.map((r) => (
                <tr key={r.id} className={r.overdue ? "bg-red-50" : ""} data-testid="team-row">
                  <td className="px-5 py-2">
                    <Link href={`/reviews/${r.id}`} className="font-medium text-brand-700 hover:underline">{r.name}</Link>
                    <span className="block text-xs text-stone-600">{r.direct ? "Direct report: you write this review" : "In your org: read-only"}</span>
                  </td>
                  <td className="px-3 py-2">{r.team}</td>
                  <td className="px-3 py-2">{r.managerName ?? "—"}</td>
                  <td className="px-3 py-2">{r.selfOverdue ? <Badge tone="red">Overdue · {SELF_LABEL[r.selfStatus]}</Badge> : <Badge tone={r.selfStatus === "submitted" ? "brand" : "neutral"}>{SELF_LABEL[r.selfStatus]}</Badge>}</td>
                  <td className="px-3 py-2">{r.managerOverdue ? <Badge tone="red">Overdue · {MANAGER_STATUS_LABEL[r.managerStatus]}</Badge> : <Badge tone={r.managerStatus === "shared" || r.managerStatus === "acknowledged" ? "brand" : "neutral"}>{MANAGER_STATUS_LABEL[r.managerStatus]}</Badge>}</td>
                  <td className="px-3 py-2 whitespace-nowrap">Self {formatDate(r.selfDueOn)}<br />Manager {formatDate(r.managerDueOn)}</td>
                  <td className="px-5 py-2">
                    <Link href={`/reviews/history/${r.personId}`} className="text-brand-700 underline">History<span className="sr-only"> of {r.name}</span></Link>
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        )}
      </Card>
    </>
  );
}
