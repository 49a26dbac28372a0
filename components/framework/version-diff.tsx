import { Badge, Card, CardHeader, EmptyState } from "@/components/ui/card";
import type { CellChange, FrameworkDiff, StructureChange } from "@/lib/framework/version-diff";
import { DiffText } from "./diff-text";

/*
 * What changes between two versions: the shape first (competencies, themes,
 * tracks and levels added, removed, renamed or moved), then each level's
 * changed cells with the words that change marked inline. Shared by the
 * publish preview and the shareable diff of two published versions.
 */
const KIND: Record<StructureChange["kind"], { label: string; tone: "brand" | "red" | "blue" | "neutral" }> = {
  added: { label: "New", tone: "brand" },
  removed: { label: "Removed", tone: "red" },
  changed: { label: "Changed", tone: "blue" },
  moved: { label: "Moved", tone: "neutral" },
};
const WHAT: Record<StructureChange["what"], string> = { version: "Version", competency: "Competency", theme: "Theme", track: "Track", level: "Level" };
const FIELD: Record<CellChange["fields"][number]["field"], string> = { expectation: "Expectation", description: "Description", examples: "Examples" };

function CellDiff({ change }: { change: CellChange }) {
  return (
    <li className="py-4" data-testid={`diff-${change.competencyKey}-${change.themeKey}`}>
      <h3 className="flex flex-wrap items-center gap-2 font-medium text-stone-900">
        {change.competencyName} · {change.themeName} <Badge tone={KIND[change.kind].tone}>{KIND[change.kind].label}</Badge>
      </h3>
      {change.fields.length === 0 ? <p className="mt-1 text-sm text-stone-600">Not written yet.</p> : null}
      <dl className="mt-2 space-y-2 text-sm">
        {change.fields.map((f) => (
          <div key={f.field}>
            <dt className="text-xs font-semibold uppercase tracking-wide text-stone-600">{FIELD[f.field]}</dt>
            <dd className="mt-0.5 break-words text-stone-800">
              {f.field === "examples" ? (
                <ul className="list-disc space-y-0.5 pl-5">
                  {f.parts.map((p, i) => (
                    <li key={i}>
                      <DiffText parts={[p]} side="both" />
                    </li>
                  ))}
                </ul>
              ) : (
                <DiffText parts={f.parts} side="both" />
              )}
            </dd>
          </div>
        ))}
      </dl>
    </li>
  );
}

export function VersionDiffView({ diff, fromLabel, toLabel }: { diff: FrameworkDiff; fromLabel: string; toLabel: string }) {
  const { cellsChanged, cellsAdded, cellsRemoved } = diff.counts;
  if (diff.structure.length === 0 && diff.levels.length === 0) {
    return (
      <Card>
        <EmptyState title="No differences">
          {toLabel} says exactly what {fromLabel} says.
        </EmptyState>
      </Card>
    );
  }
  return (
    <div className="space-y-6">
      <p className="text-sm text-stone-700" data-testid="diff-summary">
        From {fromLabel} to {toLabel}: {cellsChanged} {cellsChanged === 1 ? "cell" : "cells"} reworded, {cellsAdded} new, {cellsRemoved} removed; {diff.structure.length} {diff.structure.length === 1 ? "change" : "changes"} to the structure. New words are{" "}
        <ins className="rounded-sm bg-brand-100 px-0.5 text-brand-900 no-underline">highlighted</ins>, removed words <del className="rounded-sm bg-amber-100 px-0.5 text-amber-950">struck through</del>.
      </p>
      {diff.structure.length ? (
        <Card>
          <CardHeader id="diff-structure" title="Structure" description="Competencies, themes, tracks and levels, by their stable keys." />
          <ul aria-labelledby="diff-structure" className="divide-y divide-stone-100 px-5">
            {diff.structure.map((s, i) => (
              <li key={`${s.what}-${s.key}-${i}`} className="flex flex-wrap items-baseline gap-x-2 gap-y-1 py-2 text-sm">
                <Badge tone={KIND[s.kind].tone}>{KIND[s.kind].label}</Badge>
                <span className="font-medium text-stone-900">
                  {WHAT[s.what]}: {s.label}
                </span>
                <span className="text-stone-700">{s.detail}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}
      {diff.levels.map((level) => (
        <Card key={level.levelKey}>
          <CardHeader
            id={`diff-level-${level.levelKey}`}
            title={
              <>
                {level.label} <span className="font-normal text-stone-600">({level.trackName})</span>
              </>
            }
            description={`${level.cells.length} ${level.cells.length === 1 ? "cell" : "cells"}${level.kind === "added" ? ", a new level" : level.kind === "removed" ? ", a level that goes" : ""}`}
          />
          <ul aria-labelledby={`diff-level-${level.levelKey}`} className="divide-y divide-stone-100 px-5">
            {level.cells.map((c) => (
              <CellDiff key={`${c.competencyKey}.${c.themeKey}`} change={c} />
            ))}
          </ul>
        </Card>
      ))}
    </div>
  );
}
