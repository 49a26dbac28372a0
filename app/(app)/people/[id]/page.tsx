import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Markdown } from "@/components/markdown";
import { Badge, Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { getPersonProfile } from "@/lib/dal/people";
import { formatDate, ROLE_LABELS } from "@/lib/format";
import { orNotFound } from "@/lib/page-guards";

export const metadata: Metadata = { title: "Profile" };

type Props = { params: Promise<{ id: string }> };

export default async function PersonPage({ params }: Props) {
  const viewer = await requireViewer();
  const { id } = await params;
  const { person, history, reports, relationship } = orNotFound(viewer, () => getPersonProfile(viewer, id));
  const visibility = relationship === "self" ? "You, your managers and admins can see this page." : "Visible to this person, their managers and admins.";

  return (
    <>
      <PageHeader
        title={person.name}
        description={
          <>
            {person.levelName ?? person.levelKey} {person.levelCode ? `(${person.levelCode})` : null} · {person.trackName ?? person.trackKey}
            {person.team ? ` · ${person.team}` : null}
          </>
        }
        actions={
          <ButtonLink variant="secondary" href={relationship === "self" ? "/evidence" : `/evidence?person=${person.id}`}>
            Evidence log
          </ButtonLink>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-1">
          <CardHeader title="Details" description={visibility} />
          <dl className="grid grid-cols-3 gap-x-3 gap-y-3 px-5 py-4 text-sm">
            <dt className="text-stone-600">Email</dt>
            <dd className="col-span-2 break-all">{person.email}</dd>
            <dt className="text-stone-600">Role</dt>
            <dd className="col-span-2">{ROLE_LABELS[person.role]}</dd>
            <dt className="text-stone-600">Manager</dt>
            <dd className="col-span-2">{person.managerId ? <Link className="text-brand-700 hover:underline" href={`/people/${person.managerId}`}>{person.managerName}</Link> : "—"}</dd>
            <dt className="text-stone-600">Team</dt>
            <dd className="col-span-2">{person.team || "—"}</dd>
            <dt className="text-stone-600">Started</dt>
            <dd className="col-span-2">{formatDate(person.startDate)}</dd>
            <dt className="text-stone-600">Status</dt>
            <dd className="col-span-2">{person.active ? <Badge tone="brand">Active</Badge> : <Badge tone="red">Deactivated</Badge>}</dd>
          </dl>
        </Card>
        <Card className="lg:col-span-2">
          <CardHeader id="level-history" title="Level history" description="Every level change with its effective date and reason." />
          {history.length === 0 ? (
            <EmptyState title="No level changes recorded yet" />
          ) : (
            <ol aria-labelledby="level-history" className="divide-y divide-stone-200">
              {history.map((entry) => (
                <li key={entry.id} className="px-5 py-3 text-sm">
                  <p className="font-medium text-stone-900">
                    {entry.levelName ?? entry.levelKey} {entry.levelCode ? `(${entry.levelCode})` : null}
                    <span className="font-normal text-stone-600"> · from {formatDate(entry.effectiveDate)}</span>
                  </p>
                  <Markdown className="text-stone-700">{entry.reason}</Markdown>
                  {entry.recordedByName ? <p className="text-xs text-stone-500">Recorded by {entry.recordedByName}</p> : null}
                </li>
              ))}
            </ol>
          )}
        </Card>
        {reports.length ? (
          <Card className="lg:col-span-3">
            <CardHeader id="reports" title="Direct reports" />
            <ul aria-labelledby="reports" className="divide-y divide-stone-200">
              {reports.map((r) => (
                <li key={r.id} className="flex items-center justify-between px-5 py-3 text-sm">
                  <Link className="font-medium text-brand-700 hover:underline" href={`/people/${r.id}`}>
                    {r.name}
                  </Link>
                  <span className="text-stone-600">
                    {r.levelName} {r.levelCode ? `(${r.levelCode})` : null} {r.team ? `· ${r.team}` : null}
                  </span>
                </li>
              ))}
            </ul>
          </Card>
        ) : null}
      </div>
    </>
  );
}
