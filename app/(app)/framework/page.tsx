import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { LevelPicker } from "@/components/framework/level-picker";
import { Matrix } from "@/components/framework/matrix";
import { ButtonLink } from "@/components/ui/button";
import { Badge, PageHeader } from "@/components/ui/card";
import { PrintButton } from "@/components/ui/print-button";
import { requireViewer } from "@/lib/auth/viewer";
import { loadStructure } from "./load-structure";
import { getCells, listVisibleVersions } from "@/lib/dal/framework";
import { cellId, parseCellId } from "@/lib/domain/cell-ref";
import { formatDate } from "@/lib/format";
import { compareHref, exportHref, levelHref } from "@/lib/framework/urls";
import { VersionNotice } from "./version-notice";

export const metadata: Metadata = { title: "Framework" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function FrameworkPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const { structure, version } = loadStructure(viewer, params.version);

  const requested = typeof params.level === "string" ? params.level : undefined;
  const level = structure.levels.find((l) => l.key === (requested ?? viewer.levelKey)) ?? (requested ? undefined : structure.levels[0]);
  if (!level) notFound();
  const track = structure.tracks.find((t) => t.key === level.trackKey)!;
  const next = track.levels.find((l) => l.position === level.position + 1);
  const equivalent = level.equivalentLevelKey ? structure.levels.find((l) => l.key === level.equivalentLevelKey) : undefined;
  const open = parseCellId(params.cell);
  const openCell = open ? cellId(open) : null;
  const cells = getCells(structure, [level.key]);
  const versions = listVisibleVersions(viewer);

  return (
    <>
      <PageHeader
        title={
          <>
            {level.name} <span className="font-normal text-stone-500">({level.code})</span>
          </>
        }
        description={
          <>
            {track.name} track{level.key === viewer.levelKey ? " · your level" : ""}. {level.summary}
          </>
        }
        actions={
          <>
            {next ? (
              <ButtonLink variant="primary" href={compareHref({ from: level.key, to: next.key, version })}>
                What changes at {next.code}
              </ButtonLink>
            ) : null}
            <ButtonLink variant="secondary" href={compareHref({ from: level.key, to: next?.key ?? equivalent?.key ?? level.key, version })}>
              Compare levels
            </ButtonLink>
            <PrintButton />
            <a className="inline-flex items-center rounded-md px-3.5 py-2 text-sm font-medium text-brand-700 hover:bg-stone-200/60" href={exportHref(structure.version.number)} download>
              Export JSON
            </a>
          </>
        }
      />
      <VersionNotice structure={structure} versions={versions} hrefFor={(n) => levelHref({ level: level.key, version: n })} />
      <div className="mb-6 rounded-lg border border-stone-200 bg-white p-4 shadow-xs">
        <LevelPicker structure={structure} currentLevelKey={level.key} ownLevelKey={viewer.levelKey} hrefFor={(key) => levelHref({ level: key, version })} />
        {equivalent ? (
          <p className="no-print mt-3 text-sm text-stone-700">
            <Badge tone="blue">Track switch</Badge> {level.name} is equivalent to{" "}
            <a className="font-medium text-brand-700 hover:underline" href={levelHref({ level: equivalent.key, version })}>
              {equivalent.name} ({equivalent.code})
            </a>{" "}
            on the {structure.tracks.find((t) => t.key === equivalent.trackKey)?.name.toLowerCase()} track.
          </p>
        ) : null}
      </div>
      <Matrix structure={structure} level={level} cells={cells} openCell={openCell} hrefForCell={(cell, anchor) => levelHref({ level: level.key, cell, version }, anchor)} />
      <p className="mt-4 text-xs text-stone-600">
        {structure.version.name}, version {structure.version.number}
        {structure.version.publishedAt ? `, published ${formatDate(structure.version.publishedAt)}` : " (draft)"}. {structure.version.description}
      </p>
    </>
  );
}
