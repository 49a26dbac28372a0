import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, CardHeader, PageHeader } from "@/components/ui/card";
import { getOrgChartPeople } from "@/lib/dal/org-chart";
import { buildOrgTree, type OrgNode } from "@/lib/people/org-rules";
import { MoveForm } from "./move-form";
import { levelLabel } from "@/lib/domain/level-label";
import { requireViewerWho } from "@/lib/page-guards";
import { canAdministerPeople } from "@/lib/policies/people";

export const metadata: Metadata = { title: "Org chart" };

type Person = ReturnType<typeof getOrgChartPeople>[number];

function Branch({ nodes }: { nodes: OrgNode<Person>[] }) {
  return (
    <ul className="space-y-1 border-l border-stone-200 pl-4">
      {nodes.map((node) => (
        <li key={node.id}>
          <div className="flex flex-wrap items-center gap-2 py-1 text-sm">
            <Link href={`/admin/people/${node.id}`} className="font-medium text-brand-700 hover:underline">
              {node.name}
            </Link>
            <span className="text-stone-600">{node.levelCode ? levelLabel({ code: node.levelCode, name: node.levelName }) : null}</span>
            {node.team ? <Badge>{node.team}</Badge> : null}
            {node.reports.length ? <span className="text-xs text-stone-500">{node.reports.length} direct</span> : null}
          </div>
          {node.reports.length ? <Branch nodes={node.reports} /> : null}
        </li>
      ))}
    </ul>
  );
}

export default async function OrgChartPage() {
  const viewer = await requireViewerWho(canAdministerPeople, "page");
  const people = getOrgChartPeople(viewer);
  const roots = buildOrgTree(people);
  const teams = [...new Set(people.map((p) => p.team || "No team"))].sort();
  return (
    <>
      <PageHeader title="Org chart" description="Who reports to whom, with each person's level and team. Active people only." />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="Reporting lines" />
          <nav aria-label="Reporting lines" className="p-5 [&>ul]:border-l-0 [&>ul]:pl-0">
            <Branch nodes={roots} />
          </nav>
        </Card>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Move someone" description="Changes who they report to. A move that would create a loop is refused." />
            <div className="p-5">
              <MoveForm people={people.map((p) => ({ id: p.id, name: p.name }))} />
            </div>
          </Card>
          <Card>
            <CardHeader id="by-team" title="By team" />
            <ul aria-labelledby="by-team" className="divide-y divide-stone-200 text-sm">
              {teams.map((team) => {
                const members = people.filter((p) => (p.team || "No team") === team).sort((a, b) => a.name.localeCompare(b.name));
                return (
                  <li key={team} className="px-5 py-3">
                    <p className="font-semibold text-stone-900">
                      {team} <span className="font-normal text-stone-600">({members.length})</span>
                    </p>
                    <p className="text-stone-700">{members.map((m) => `${m.name}${m.levelCode ? ` (${m.levelCode})` : ""}`).join(", ")}</p>
                  </li>
                );
              })}
            </ul>
          </Card>
        </div>
      </div>
    </>
  );
}
