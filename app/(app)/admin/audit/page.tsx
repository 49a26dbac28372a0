import type { Metadata } from "next";
import Link from "next/link";
import { Button } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Field, Input, Select } from "@/components/ui/field";
import { DataTable, TableHead } from "@/components/ui/table";
import { listAudit } from "@/lib/dal/audit-log";
import { listPeopleOptions } from "@/lib/dal/people-admin";
import { formatDateTime } from "@/lib/format";
import { PersonOptions } from "../people/person-options";
import { requireViewerWho } from "@/lib/page-guards";
import { canAdministerPeople } from "@/lib/policies/people";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const str = (v: string | string[] | undefined) => (typeof v === "string" ? v : "");
const date = (v: string | string[] | undefined) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : "");

export default async function AuditPage({ searchParams }: Props) {
  const viewer = await requireViewerWho(canAdministerPeople, "page");
  const params = await searchParams;
  const filters = { personId: str(params.person), recordType: str(params.type), from: date(params.from), to: date(params.to) };
  const page = Math.max(1, Number.parseInt(str(params.page), 10) || 1);
  const { rows, total, pages, recordTypes } = listAudit(viewer, { ...filters, page });
  const people = listPeopleOptions(viewer);
  const hrefFor = (p: number) => `/admin/audit?${new URLSearchParams({ person: filters.personId, type: filters.recordType, from: filters.from, to: filters.to, page: String(p) })}`;

  return (
    <>
      <PageHeader title="Audit log" description="Every change, append-only: who, what, when and which record." />
      <form method="get" className="mb-4 flex flex-wrap items-end gap-3" aria-label="Filter the audit log">
        <div className="w-56">
          <Field id="person" label="Person (did it, or was changed)">
            {(aria) => (
              <Select {...aria} name="person" defaultValue={filters.personId}>
                <option value="">Anyone</option>
                <PersonOptions people={people} />
              </Select>
            )}
          </Field>
        </div>
        <div className="w-44">
          <Field id="type" label="Record type">
            {(aria) => (
              <Select {...aria} name="type" defaultValue={filters.recordType}>
                <option value="">Any</option>
                {recordTypes.map((t) => (
                  <option key={t}>{t}</option>
                ))}
              </Select>
            )}
          </Field>
        </div>
        <div className="w-40">
          <Field id="from" label="From">
            {(aria) => <Input {...aria} name="from" type="date" defaultValue={filters.from} />}
          </Field>
        </div>
        <div className="w-40">
          <Field id="to" label="To">
            {(aria) => <Input {...aria} name="to" type="date" defaultValue={filters.to} />}
          </Field>
        </div>
        <Button type="submit" variant="secondary">
          Filter
        </Button>
      </form>
      <Card>
        {rows.length === 0 ? (
          <EmptyState title="No entries match these filters" />
        ) : (
          <DataTable caption={`Audit entries, page ${page} of ${pages}`}>
              <TableHead columns={["When", "Who", "What", "Record", "Summary"]} />
              <tbody className="divide-y divide-stone-200">
                {rows.map((r) => (
                  <tr key={r.id}>
                    <td className="whitespace-nowrap px-3 py-2.5 text-stone-700">{formatDateTime(r.at)}</td>
                    <td className="px-3 py-2.5">{r.actorName ?? (r.actorId ? r.actorId : "System")}</td>
                    <td className="px-3 py-2.5 font-mono text-xs">{r.action}</td>
                    <td className="px-3 py-2.5 text-xs">
                      {r.recordType === "person" ? (
                        <Link className="text-brand-700 hover:underline" href={`/admin/people/${r.recordId}`}>
                          person
                        </Link>
                      ) : (
                        <span>
                          {r.recordType} <span className="font-mono text-stone-600">{r.recordId.slice(0, 8)}</span>
                        </span>
                      )}
                    </td>
                    <td className="px-3 py-2.5 text-stone-800">{r.summary}</td>
                  </tr>
                ))}
              </tbody>
          </DataTable>
        )}
        <nav aria-label="Pages" className="flex items-center justify-between border-t border-stone-200 px-5 py-3 text-sm">
          <span className="text-stone-600">
            {total} {total === 1 ? "entry" : "entries"} · page {page} of {pages}
          </span>
          <span className="flex gap-3">
            {page > 1 ? (
              <Link className="font-medium text-brand-700 hover:underline" href={hrefFor(page - 1)}>
                Newer
              </Link>
            ) : null}
            {page < pages ? (
              <Link className="font-medium text-brand-700 hover:underline" href={hrefFor(page + 1)}>
                Older
              </Link>
            ) : null}
          </span>
        </nav>
      </Card>
    </>
  );
}
