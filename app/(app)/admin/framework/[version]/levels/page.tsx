import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, CardHeader, EmptyState } from "@/components/ui/card";
import { getDraftOverview } from "@/lib/dal/framework-drafts";
import { levelLabel } from "@/lib/domain/level-label";
import { SHAPE_LIMITS } from "@/lib/framework/format";
import { orNotFound } from "@/lib/page-guards";
import { DraftHeader } from "../../_components/draft-header";
import { draftPageViewer } from "../../_components/draft-page";
import { LevelForm } from "../../_components/level-form";
import { MoveButtons, NameSummaryForm, RemoveButton } from "../../_components/structure-forms";
import { addLevelAction, addTrackAction, moveLevelAction, removeLevelAction, removeTrackAction, updateLevelAction, updateTrackAction } from "../structure-actions";

export const metadata: Metadata = { title: "Tracks and levels" };

type Props = { params: Promise<{ version: string }> };

/* Tracks and their levels, most junior first: add, rename, reorder and remove levels, pair equivalents across tracks, add a track. */
export default async function DraftLevelsPage({ params }: Props) {
  const { viewer, number } = await draftPageViewer(params);
  const { draft, structure, basedOn } = orNotFound(viewer, () => getDraftOverview(viewer, number));
  const base = { number: draft.number, revision: draft.revision };
  const equivalentsFor = (trackKey: string) =>
    structure.tracks.filter((t) => t.key !== trackKey).map((t) => ({ trackName: t.name, levels: t.levels.map((l) => ({ key: l.key, label: levelLabel(l) })) }));
  return (
    <>
      <DraftHeader
        draft={draft}
        basedOn={basedOn}
        title="Tracks and levels"
        description="Each level keeps its key for good, so people stay on their level when it is renamed or moved. A level or track that people or open reviews use cannot be removed."
      />
      <div className="space-y-6">
        {structure.tracks.map((track) => (
          <Card key={track.key}>
            <CardHeader id={`track-${track.key}`} title={`${track.name} track`} description={`${track.levels.length} of at most ${SHAPE_LIMITS.levelsPerTrack} levels, most junior first. Key ${track.key}.`} />
            <div className="grid gap-4 border-b border-stone-200 px-5 py-4 md:grid-cols-[1fr_auto]">
              <NameSummaryForm action={updateTrackAction} hidden={{ ...base, trackKey: track.key }} idPrefix={`track-${track.key}`} defaults={track} nameLabel="Track name" summaryLabel="Track summary" submitLabel="Save track" />
              {structure.tracks.length > 1 ? <RemoveButton action={removeTrackAction} hidden={{ ...base, trackKey: track.key }} label={`the ${track.name} track`} warning="Its levels and their cells leave this draft too." /> : null}
            </div>
            {track.levels.length === 0 ? <EmptyState title="No levels yet">Add the first level below. A track needs at least one level before the draft can be published.</EmptyState> : null}
            <ol aria-labelledby={`track-${track.key}`} className="divide-y divide-stone-100">
              {track.levels.map((level, i) => (
                <li key={level.key} className="space-y-3 px-5 py-4" data-testid={`level-${level.key}`}>
                  <div className="flex flex-wrap items-center justify-between gap-2">
                    <h3 className="font-semibold text-stone-900">
                      {levelLabel(level)} <span className="text-xs font-normal text-stone-600">key {level.key}</span>
                    </h3>
                    <span className="flex flex-wrap items-center gap-2">
                      {level.equivalentLevelKey ? <Badge tone="blue">Equivalent: {levelLabel(structure.levels.find((l) => l.key === level.equivalentLevelKey))}</Badge> : null}
                      <Link href={`/admin/framework/${draft.number}/cells/${level.key}`} className="text-sm font-medium text-brand-700 underline">
                        Write its cells<span className="sr-only"> ({level.code})</span>
                      </Link>
                    </span>
                  </div>
                  {level.summary ? <p className="text-sm text-stone-700">{level.summary}</p> : null}
                  <details className="rounded-md border border-stone-200 px-3 py-2">
                    <summary className="cursor-pointer text-sm font-medium text-brand-700">
                      Edit {level.code}: code, name, summary and equivalent
                    </summary>
                    <div className="pt-3">
                      <LevelForm action={updateLevelAction} hidden={{ ...base, levelKey: level.key }} idPrefix={`level-${level.key}`} defaults={level} equivalents={equivalentsFor(track.key)} submitLabel={`Save ${level.code}`} />
                    </div>
                  </details>
                  <div className="flex flex-wrap items-start justify-between gap-2">
                    <MoveButtons action={moveLevelAction} hidden={{ ...base, levelKey: level.key }} label={level.code} first={i === 0} last={i === track.levels.length - 1} upLabel="More junior" downLabel="More senior" />
                    <RemoveButton action={removeLevelAction} hidden={{ ...base, levelKey: level.key }} label={level.code} warning="Its cells leave this draft too; earlier versions keep theirs." />
                  </div>
                </li>
              ))}
            </ol>
            {track.levels.length < SHAPE_LIMITS.levelsPerTrack ? (
              <div className="border-t border-stone-200 bg-stone-50 px-5 py-4">
                <h3 className="mb-2 text-sm font-semibold text-stone-900">Add a level to {track.name}</h3>
                <p className="mb-3 text-xs text-stone-600">It goes on top of the track and starts with a copy of the text of the level below it, to rewrite.</p>
                <LevelForm action={addLevelAction} hidden={{ ...base, trackKey: track.key }} idPrefix={`new-level-${track.key}`} defaults={{ code: "", name: "", summary: "" }} submitLabel="Add level" />
              </div>
            ) : null}
          </Card>
        ))}
        {structure.tracks.length < SHAPE_LIMITS.tracks ? (
          <Card>
            <CardHeader id="new-track" title="Add a track" description="For example a staff-plus or a design track. Add its levels once it exists." />
            <div className="px-5 py-4">
              <NameSummaryForm action={addTrackAction} hidden={base} idPrefix="new-track" defaults={{ name: "", summary: "" }} nameLabel="New track's name" summaryLabel="New track's summary" submitLabel="Add track" />
            </div>
          </Card>
        ) : null}
      </div>
    </>
  );
}
