import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, CardHeader, EmptyState } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/field";
import { getDraftOverview } from "@/lib/dal/framework-drafts";
import { exportHref, levelHref } from "@/lib/framework/urls";
import { orNotFound } from "@/lib/page-guards";
import { DetailsForm } from "../_components/details-form";
import { DiscardForm } from "../_components/discard-form";
import { DraftHeader } from "../_components/draft-header";
import { draftPageViewer } from "../_components/draft-page";

export const metadata: Metadata = { title: "Framework draft" };

type Props = { params: Promise<{ version: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

/* A draft's front page: its details, and every level with how much of it is written and changed, one click from its cells. */
export default async function DraftOverviewPage({ params, searchParams }: Props) {
  const { viewer, number } = await draftPageViewer(params);
  const { draft, structure, current, basedOn, stats, structureChanges } = orNotFound(viewer, () => getDraftOverview(viewer, number));
  const imported = (await searchParams).imported;
  const toWrite = Object.values(stats).reduce((n, s) => n + s.empty, 0);
  const changed = Object.values(stats).reduce((n, s) => n + s.changed, 0);
  return (
    <>
      <DraftHeader
        draft={draft}
        basedOn={basedOn}
        title={`Draft version ${draft.number}`}
        description={`${structure.competencies.length} competencies × ${structure.themes.length} themes. ${changed} ${changed === 1 ? "cell differs" : "cells differ"} from ${current ? `version ${current.number}` : "nothing published yet"}; ${toWrite} still to write; ${structureChanges} ${structureChanges === 1 ? "change" : "changes"} to the structure. Nobody but admins sees a draft until it is published.`}
        actions={
          <>
            <a href={levelHref({ level: "", version: draft.number })} className="inline-flex items-center rounded-md px-3.5 py-2 text-sm font-medium text-brand-700 hover:bg-stone-200/60">
              Preview in the browser
            </a>
            <a href={exportHref(draft.number)} download className="inline-flex items-center rounded-md px-3.5 py-2 text-sm font-medium text-brand-700 hover:bg-stone-200/60">
              Export JSON
            </a>
            <DiscardForm number={draft.number} />
          </>
        }
      />
      {imported ? (
        <div className="mb-4">
          <FormMessage tone="success" message={`Imported as draft version ${draft.number}. Look it over, then review and publish it.`} />
        </div>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-[2fr_3fr]">
        <Card className="self-start">
          <CardHeader id="details-title" title="About this version" />
          <div className="px-5 py-4">
            <DetailsForm number={draft.number} revision={draft.revision} defaults={{ name: draft.name, description: draft.description, notes: draft.notes }} />
          </div>
        </Card>
        <Card>
          <CardHeader id="cells-title" title="Cells, level by level" description="Open a level to write its cells in place. Each cell saves itself as you type." />
          {structure.tracks.map((track) => (
            <section key={track.key} aria-labelledby={`track-${track.key}`} className="border-b border-stone-100 px-5 py-4 last:border-b-0">
              <h3 id={`track-${track.key}`} className="text-xs font-semibold uppercase tracking-wide text-stone-600">
                {track.name}
              </h3>
              {track.levels.length === 0 ? (
                <EmptyState title="No levels yet">
                  Add them under <Link href={`/admin/framework/${draft.number}/levels`} className="text-brand-700 underline">Tracks and levels</Link>.
                </EmptyState>
              ) : (
                <ul className="mt-2 divide-y divide-stone-100">
                  {track.levels.map((level) => {
                    const s = stats[level.key]!;
                    return (
                      <li key={level.key} className="flex flex-wrap items-center justify-between gap-2 py-2">
                        <Link href={`/admin/framework/${draft.number}/cells/${level.key}`} className="font-medium text-brand-700 hover:underline">
                          {level.code} · {level.name}
                        </Link>
                        <span className="flex flex-wrap gap-1.5">
                          {s.empty ? <Badge tone="red">{s.empty} to write</Badge> : null}
                          {s.isNew ? <Badge tone="brand">New level</Badge> : s.changed ? <Badge tone="blue">{s.changed} changed</Badge> : null}
                          {!s.empty && !s.changed && !s.isNew ? <Badge>{current ? "As published" : "Written"}</Badge> : null}
                        </span>
                      </li>
                    );
                  })}
                </ul>
              )}
            </section>
          ))}
        </Card>
      </div>
    </>
  );
}
