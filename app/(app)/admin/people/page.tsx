import type { Metadata } from "next";
import Link from "next/link";
import { Button, ButtonLink } from "@/components/ui/button";
import { Badge, Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { DataTable, TableHead } from "@/components/ui/table";
import { listPeople, listTeams } from "@/lib/dal/people-admin";
import { ROLE_LABELS } from "@/lib/format";
import { levelLabel } from "@/lib/domain/level-label";
import { requireViewerWho } from "@/lib/page-guards";
import { canAdministerPeople } from "@/lib/policies/people";

export const metadata: Metadata = { title: "People" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function PeoplePage({ searchParams }: Props) {
  const viewer = await requireViewerWho(canAdministerPeople, "page");
  const params = await searchParams;
  const q = typeof params.q === "string" ? params.q.trim().slice(0, 100) : "";
  const team = typeof params.team === "string" ? params.team : "";
  const status = params.status === "inactive" || params.status === "all" ? params.status : "active";
  const people = listPeople(viewer, { q, team, status });
  const teams = listTeams(viewer);

  return (
    <>
      <PageHeader
        title="People"
        description="Everyone in Trellis: their level, manager and team. Admins only."
        actions={
          <>
            <ButtonLink href="/admin/people/new">Add person</ButtonLink>
            <ButtonLink href="/admin/people/import" variant="secondary">
              Import CSV
            </ButtonLink>
            <a href="/admin/people/export" download className="inline-flex items-center rounded-md px-3.5 py-2 text-sm font-medium text-brand-700 hover:bg-stone-200/60">
              Export CSV
            </a>
          </>
        }
      />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" role="search" aria-label="Filter people">
        <div className="w-64">
          <Field id="q" label="Name or email">
            {(aria) => <Input {...aria} name="q" defaultValue={q} type="search" />}
          </Field>
        </div>
        <div className="w-48">
          <Field id="team" label="Team">
            {(aria) => (
              <Select {...aria} name="team" defaultValue={team}>
                <option value="">All teams</option>
                {teams.map((t) => (
                  <option key={t}>{t}</option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <div className="w-40">
          <Field id="status" label="Status">
            {(aria) => (
              <Select {...aria} name="status" defaultValue={status}>
                <option value="active">Active</option>
                <option value="inactive">Deactivated</option>
                <option value="all">Everyone</option>
              </Select>
            )}
          </Field>
        </div>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      <Card>
        {people.length === 0 ? (
          <EmptyState title="Nobody matches these filters" action={<ButtonLink href="/admin/people" variant="secondary">Clear filters</ButtonLink>} />
        ) : (
          <DataTable caption={`People (${people.length})`}>
              <TableHead columns={["Name", "Level", "Role", "Manager", "Team", "Sign-in"]} />
              <tbody className="divide-y divide-stone-200">
                {people.map((p) => (
                  <tr key={p.id}>
                    <td className="px-3 py-2.5">
                      <Link href={`/admin/people/${p.id}`} className="font-medium text-brand-700 hover:underline">
                        {p.name}
                      </Link>
                      <span className="block text-xs text-stone-600">{p.email}</span>
                    </td>
                    <td className="px-3 py-2.5">{levelLabel({ code: p.levelCode, name: p.levelName })}</td>
                    <td className="px-3 py-2.5">{ROLE_LABELS[p.role]}</td>
                    <td className="px-3 py-2.5">{p.managerName ?? "—"}</td>
                    <td className="px-3 py-2.5">{p.team || "—"}</td>
                    <td className="px-3 py-2.5">
                      {!p.active ? <Badge tone="red">Deactivated</Badge> : p.hasPassword ? <Badge tone="brand">Password set</Badge> : <Badge tone="amber">Not yet invited</Badge>}
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
