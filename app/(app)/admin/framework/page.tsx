import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { Badge, Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/field";
import { DataTable, TableHead } from "@/components/ui/table";
import { listFrameworkVersions } from "@/lib/dal/framework-drafts";
import { formatDate, formatDateTime } from "@/lib/format";
import { diffHref, exportHref, levelHref } from "@/lib/framework/urls";
import { orNotFound, requireViewerWho } from "@/lib/page-guards";
import { canUseFrameworkEditor } from "@/lib/policies/framework";
import { StartDraftForm } from "./_components/start-draft-form";

export const metadata: Metadata = { title: "Framework versions" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const shape = (v: { competencies: number; themes: number; levels: number; tracks: number }) =>
  `${v.competencies} ${v.competencies === 1 ? "competency" : "competencies"} × ${v.themes} ${v.themes === 1 ? "theme" : "themes"}, ${v.levels} levels on ${v.tracks} ${v.tracks === 1 ? "track" : "tracks"}`;

/* The editor's front page: the draft in progress, every published version, and the way in to start, import or compare. */
export default async function FrameworkVersionsPage({ searchParams }: Props) {
  const viewer = await requireViewerWho(canUseFrameworkEditor, "framework editor");
  const params = await searchParams;
  const { versions, draft } = orNotFound(viewer, () => listFrameworkVersions(viewer));
  const published = versions.filter((v) => v.status === "published");
  return (
    <>
      <PageHeader
        title="Framework versions"
        description="Edit the framework on a draft, look over every change, then publish it. Published versions are frozen and stay readable: each review is pinned to the version it was written against."
        actions={
          <>
            {draft ? <ButtonLink href={`/admin/framework/${draft.number}`}>Continue the draft</ButtonLink> : <StartDraftForm />}
            <ButtonLink href="/admin/framework/import" variant="secondary">
              Import a file
            </ButtonLink>
          </>
        }
      />
      {params.published ? (
        <div className="mb-4">
          <FormMessage tone="success" message={`Published version ${params.published}. Everyone now sees it; earlier versions stay readable.`} />
        </div>
      ) : null}
      {params.discarded ? (
        <div className="mb-4">
          <FormMessage tone="success" message="Discarded the draft. Published versions are unchanged." />
        </div>
      ) : null}
      <div className="space-y-6">
        <Card>
          <CardHeader id="draft-title" title="Draft in progress" />
          {draft ? (
            <div className="flex flex-wrap items-start justify-between gap-4 px-5 py-4" data-testid="draft-card">
              <div className="min-w-0">
                <p className="font-medium text-stone-900">
                  Version {draft.number}: {draft.name} <Badge tone="amber">Draft</Badge>
                </p>
                <p className="mt-1 text-sm text-stone-600">
                  Started {formatDateTime(draft.createdAt)}
                  {draft.createdBy ? ` by ${draft.createdBy}` : ""}. {shape(draft)}.
                </p>
                {draft.notes ? <p className="mt-1 break-words text-sm text-stone-700">{draft.notes}</p> : null}
              </div>
              <div className="flex flex-wrap gap-2">
                <ButtonLink href={`/admin/framework/${draft.number}`} variant="secondary">
                  Edit
                </ButtonLink>
                <ButtonLink href={`/admin/framework/${draft.number}/publish`}>Review and publish</ButtonLink>
              </div>
            </div>
          ) : (
            <EmptyState title="No draft in progress">Start one from the current version, or import a framework file. Nobody sees a draft until it is published.</EmptyState>
          )}
        </Card>
        <Card>
          <CardHeader id="published-title" title="Published versions" description="The newest is the one everyone sees." />
          <DataTable caption="Published framework versions">
            <TableHead columns={["Version", "Published", "Shape", { label: "Open", key: "open" }]} />
            <tbody className="divide-y divide-stone-200">
              {published.map((v, i) => {
                const previous = published[i + 1];
                return (
                  <tr key={v.number}>
                    <td className="px-5 py-3 align-top">
                      <span className="font-medium text-stone-900">
                        {v.number}: {v.name}
                      </span>{" "}
                      {v.current ? <Badge tone="brand">Current</Badge> : null}
                    </td>
                    <td className="px-3 py-3 align-top text-stone-700">
                      {v.publishedAt ? formatDate(v.publishedAt) : "—"}
                      {v.publishedBy ? <span className="block text-xs text-stone-600">by {v.publishedBy}</span> : null}
                    </td>
                    <td className="px-3 py-3 align-top text-stone-700">{shape(v)}</td>
                    <td className="px-5 py-3 align-top">
                      <span className="flex flex-wrap gap-x-3 gap-y-1">
                        <Link href={levelHref({ level: "", version: v.number })} className="text-brand-700 underline">
                          Read<span className="sr-only"> version {v.number}</span>
                        </Link>
                        <a href={exportHref(v.number)} download className="text-brand-700 underline">
                          Export JSON<span className="sr-only"> of version {v.number}</span>
                        </a>
                        {previous ? (
                          <Link href={diffHref({ from: previous.number, to: v.number })} className="text-brand-700 underline">
                            Changes from v{previous.number}
                            <span className="sr-only"> to version {v.number}</span>
                          </Link>
                        ) : null}
                      </span>
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </DataTable>
        </Card>
      </div>
    </>
  );
}
