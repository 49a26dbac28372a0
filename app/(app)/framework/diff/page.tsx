import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { VersionDiffView } from "@/components/framework/version-diff";
import { Button } from "@/components/ui/button";
import { Card, EmptyState, PageHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { PrintButton } from "@/components/ui/print-button";
import { requireViewer } from "@/lib/auth/viewer";
import { listVisibleVersions } from "@/lib/dal/framework";
import { getVersionDiff } from "@/lib/dal/framework-document";
import { formatDate } from "@/lib/format";
import { parseVersion } from "@/lib/framework/urls";

export const metadata: Metadata = { title: "What changed between versions" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

/*
 * The difference between any two published versions, cell by cell, at a URL
 * anyone signed in can open and share (/framework/diff?from=1&to=2). Without
 * a choice it shows what the current version changed from the one before.
 */
export default async function VersionDiffPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const published = listVisibleVersions(viewer).filter((v) => v.status === "published");
  const [fromParam, toParam] = [parseVersion(params.from), parseVersion(params.to)];
  if (fromParam === null || toParam === null) notFound();
  if (published.length < 2) {
    return (
      <>
        <PageHeader title="What changed between versions" />
        <Card>
          <EmptyState title="Only one version is published">Once a second version is published, this page shows what changed, cell by cell.</EmptyState>
        </Card>
      </>
    );
  }
  const to = toParam ?? published[0]!.number;
  const from = fromParam ?? published.find((v) => v.number < to)?.number ?? published.at(-1)!.number;
  const result = getVersionDiff(viewer, from, to);
  if (!result) notFound();
  const sameName = result.from.name === result.to.name;
  const label = (v: { number: number; name: string }) => (sameName ? `version ${v.number}` : `version ${v.number} (${v.name})`);
  const options = published.map((v) => (
    <option key={v.number} value={v.number}>
      Version {v.number}: {v.name}
      {v.publishedAt ? `, ${formatDate(v.publishedAt)}` : ""}
    </option>
  ));
  return (
    <>
      <PageHeader
        title="What changed between versions"
        description="Every published version stays readable. Pick two to see, cell by cell, the words that changed. The address of this page can be shared."
        actions={<PrintButton />}
      />
      <form method="get" action="/framework/diff" className="no-print mb-6 grid gap-4 rounded-lg border border-stone-200 bg-white p-4 shadow-xs sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        <div className="space-y-1.5">
          <label htmlFor="from" className="block text-sm font-medium text-stone-800">
            From version
          </label>
          <Select id="from" name="from" defaultValue={from}>
            {options}
          </Select>
        </div>
        <div className="space-y-1.5">
          <label htmlFor="to" className="block text-sm font-medium text-stone-800">
            To version
          </label>
          <Select id="to" name="to" defaultValue={to}>
            {options}
          </Select>
        </div>
        <Button type="submit">Show changes</Button>
      </form>
      {from === to ? (
        <p role="status" className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Both sides are version {from}. Pick two different versions to see what changed.
        </p>
      ) : null}
      <VersionDiffView diff={result.diff} fromLabel={label(result.from)} toLabel={label(result.to)} />
    </>
  );
}
