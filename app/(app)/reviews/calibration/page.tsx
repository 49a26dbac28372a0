import type { Metadata } from "next";
import Link from "next/link";
import { RATING_SHADE } from "@/components/reviews/review-heatmap";
import { Button, ButtonLink } from "@/components/ui/button";
import { Field, Select } from "@/components/ui/field";
import { Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { DataTable, TableHead } from "@/components/ui/table";
import { getCalibration } from "@/lib/dal/review-team";
import { RATINGS } from "@/lib/domain/enums";
import { orNotFound, requireViewerWho } from "@/lib/page-guards";
import { canSeeTeamReviews } from "@/lib/policies/reviews";
import { differsBy, differsLabel } from "@/lib/reviews/manager-review";
import { ratingLabel } from "@/lib/reviews/self-assessment";
import { isAdmin } from "@/lib/policies/core";

export const metadata: Metadata = { title: "Calibration" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const one = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : undefined);

export default async function CalibrationPage({ searchParams }: Props) {
  const viewer = await requireViewerWho((v) => canSeeTeamReviews(v, v.hasReports), "calibration");
  const params = await searchParams;
  const filters = { cycleId: one(params.cycle), team: one(params.team), levelKey: one(params.level), managerId: one(params.manager) };
  const data = orNotFound(viewer, () => getCalibration(viewer, filters));
  if (!data) {
    return (
      <>
        <PageHeader title="Calibration" />
        <Card>
          <EmptyState title="No review cycles yet" />
        </Card>
      </>
    );
  }
  const query = new URLSearchParams(Object.entries({ cycle: data.cycle.id, team: filters.team, level: filters.levelKey, manager: filters.managerId }).filter((e): e is [string, string] => Boolean(e[1]))).toString();
  const count = (counts: Record<string, number> | undefined) => RATINGS.map((r) => `${ratingLabel(r)} ${counts?.[r] ?? 0}`).join(", ");
  return (
    <>
      <PageHeader
        title="Calibration"
        description={isAdmin(viewer) ? "Everyone's ratings in a cycle, manager ratings with the submitted self rating beside them." : "Your org's ratings in a cycle, manager ratings with the submitted self rating beside them."}
        actions={<ButtonLink href={`/reviews/calibration/export?${query}`} variant="secondary">Download CSV</ButtonLink>}
      />
      <Card className="mb-6">
        <form method="get" className="grid gap-3 px-5 py-4 sm:grid-cols-2 lg:grid-cols-5 lg:items-end" aria-label="Filter calibration">
          <Field id="cycle" label="Cycle">
            {(aria) => (
              <Select {...aria} name="cycle" defaultValue={data.cycle.id}>
                {data.cycles.map((c) => <option key={c.id} value={c.id}>{c.name}{c.status === "closed" ? " (closed)" : ""}</option>)}
              </Select>
            )}
          </Field>
          <Field id="team" label="Team">
            {(aria) => (
              <Select {...aria} name="team" defaultValue={filters.team ?? ""}>
                <option value="">All teams</option>
                {data.options.teams.map((t) => <option key={t} value={t}>{t}</option>)}
              </Select>
            )}
          </Field>
          <Field id="level" label="Level">
            {(aria) => (
              <Select {...aria} name="level" defaultValue={filters.levelKey ?? ""}>
                <option value="">All levels</option>
                {data.options.levels.map((l) => <option key={l.key} value={l.key}>{l.label}</option>)}
              </Select>
            )}
          </Field>
          <Field id="manager" label="Manager">
            {(aria) => (
              <Select {...aria} name="manager" defaultValue={filters.managerId ?? ""}>
                <option value="">All managers</option>
                {data.options.managers.map((m) => <option key={m.id} value={m.id}>{m.name}</option>)}
              </Select>
            )}
          </Field>
          <Button type="submit" variant="secondary">Show</Button>
        </form>
      </Card>
      <div className="space-y-6">
        <Card>
          <CardHeader id="calibration-grid" title={`${data.cycle.name}: people by cell`} description={`${data.people.length} ${data.people.length === 1 ? "person" : "people"}. Each cell: manager rating, then the self rating once submitted.`} />
          {data.people.length === 0 ? (
            <EmptyState title="Nobody matches these filters" />
          ) : (
            <DataTable caption={`Calibration heatmap, ${data.cycle.name}`}>
              <TableHead columns={["Person", ...data.frameworkCells.map((c) => ({ label: `${c.competencyName} · ${c.themeName}`, key: c.id }))]} />
              <tbody className="divide-y divide-stone-200" data-testid="calibration-heatmap">
                {data.people.map((p) => (
                  <tr key={p.reviewId}>
                    <th scope="row" className="px-5 py-2 text-left align-top font-medium">
                      <Link href={`/reviews/${p.reviewId}`} className="text-brand-700 hover:underline">{p.name}</Link>
                      <span className="block text-xs font-normal text-stone-600">{p.levelLabel} · {p.team}</span>
                    </th>
                    {data.frameworkCells.map((c, i) => {
                      const r = p.cells[c.id];
                      const steps = differsBy(r?.self, r?.manager);
                      return (
                        <td key={c.id} className={`${i === data.frameworkCells.length - 1 ? "px-5" : "px-3"} py-2 align-top text-xs ${r?.manager ? RATING_SHADE[r.manager] : ""}`}>
                          <span className="block font-medium">{ratingLabel(r?.manager)}</span>
                          <span className="block text-stone-700">Self: {r?.self ? ratingLabel(r.self) : "—"}</span>
                          {steps ? <strong className="block text-amber-900">{differsLabel(steps)}</strong> : null}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </DataTable>
          )}
        </Card>
        <Card>
          <CardHeader id="calibration-counts" title="Manager ratings per cell" description="How many people got each rating, across everyone shown and per level." />
          <DataTable caption="Counts per rating per cell">
            <TableHead columns={["Cell", "Everyone", ...data.options.levels.filter((l) => data.counts.byLevel.has(l.key)).map((l) => ({ label: l.label, key: l.key }))]} />
            <tbody className="divide-y divide-stone-200" data-testid="calibration-counts">
              {data.frameworkCells.map((c) => (
                <tr key={c.id}>
                  <th scope="row" className="px-5 py-2 text-left font-medium">{c.competencyName} · {c.themeName}</th>
                  <td className="px-3 py-2">{count(data.counts.byCell.get(c.id))}</td>
                  {data.options.levels.filter((l) => data.counts.byLevel.has(l.key)).map((l, i, all) => (
                    <td key={l.key} className={`${i === all.length - 1 ? "px-5" : "px-3"} py-2`}>{count(data.counts.byLevel.get(l.key)?.get(c.id))}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </DataTable>
        </Card>
      </div>
    </>
  );
}
