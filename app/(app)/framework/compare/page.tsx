import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { DiffText } from "@/components/framework/diff-text";
import { Button } from "@/components/ui/button";
import { Badge, PageHeader } from "@/components/ui/card";
import { Select } from "@/components/ui/field";
import { PrintButton } from "@/components/ui/print-button";
import { requireViewer } from "@/lib/auth/viewer";
import { loadStructure } from "../load-structure";
import { getCells, type FrameworkLevel, type FrameworkStructure } from "@/lib/dal/framework";
import { cellAnchor, cellId, levelCellId } from "@/lib/domain/cell-ref";
import { levelHref } from "@/lib/framework/urls";
import { changeRatio, wordDiff } from "@/lib/framework/word-diff";
import { levelLabel } from "@/lib/domain/level-label";

export const metadata: Metadata = { title: "Compare levels" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function LevelSelect({ id, name, label, structure, value }: { id: string; name: string; label: string; structure: FrameworkStructure; value: string }) {
  return (
    <div className="space-y-1.5">
      <label htmlFor={id} className="block text-sm font-medium text-stone-800">
        {label}
      </label>
      <Select id={id} name={name} defaultValue={value}>
        {structure.tracks.map((track) => (
          <optgroup key={track.key} label={track.name}>
            {track.levels.map((l) => (
              <option key={l.key} value={l.key}>
                {levelLabel(l)}
              </option>
            ))}
          </optgroup>
        ))}
      </Select>
    </div>
  );
}

function OpenCellLink({ level, competencyKey, themeKey, version }: { level: FrameworkLevel; competencyKey: string; themeKey: string; version: number | null }) {
  return (
    <Link
      className="no-print mt-2 inline-block text-xs text-stone-600 hover:underline"
      href={levelHref({ level: level.key, cell: cellId({ competencyKey, themeKey }), version }, cellAnchor({ competencyKey, themeKey }))}
    >
      Open in {level.code}
    </Link>
  );
}

function changeLabel(ratio: number) {
  if (ratio === 0) return { text: "Unchanged", tone: "neutral" as const };
  if (ratio < 0.5) return { text: "Some changes", tone: "blue" as const };
  return { text: "Mostly new", tone: "brand" as const };
}

export default async function ComparePage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const { structure, version } = loadStructure(viewer, params.version);

  const find = (key: unknown) => (typeof key === "string" ? structure.levels.find((l) => l.key === key) : undefined);
  const own = find(viewer.levelKey) ?? structure.levels[0]!;
  const from = params.from === undefined ? own : find(params.from);
  const defaultTo = structure.levels.find((l) => l.trackKey === own.trackKey && l.position === own.position + 1) ?? own;
  const to = params.to === undefined ? defaultTo : find(params.to);
  if (!from || !to) notFound();

  const cells = getCells(structure, [from.key, to.key]);
  const same = from.key === to.key;

  return (
    <>
      <PageHeader
        title="Compare levels"
        description={
          <>
            What changes from <strong>{from.name}</strong> ({from.code}) to <strong>{to.name}</strong> ({to.code}). Words that are new at {to.code} are{" "}
            <ins className="rounded-sm bg-brand-100 px-0.5 text-brand-900 no-underline">highlighted</ins>; words they replace at {from.code} are{" "}
            <del className="rounded-sm bg-amber-100 px-0.5 text-amber-950">struck through</del>.
          </>
        }
        actions={<PrintButton />}
      />
      <form method="get" action="/framework/compare" className="no-print mb-6 grid gap-4 rounded-lg border border-stone-200 bg-white p-4 shadow-xs sm:grid-cols-[1fr_1fr_auto] sm:items-end">
        {version ? <input type="hidden" name="version" value={version} /> : null}
        <LevelSelect id="from" name="from" label="From level" structure={structure} value={from.key} />
        <LevelSelect id="to" name="to" label="To level" structure={structure} value={to.key} />
        <Button type="submit">Compare</Button>
      </form>
      {same ? (
        <p role="status" className="mb-6 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Both sides are {from.name}. Pick a different level to see what changes.
        </p>
      ) : null}
      <div className="space-y-8">
        {structure.competencies.map((competency) => (
          <section key={competency.key} aria-labelledby={`compare-${competency.key}`} className="break-inside-avoid-page">
            <h2 id={`compare-${competency.key}`} className="mb-3 text-lg font-semibold text-stone-900">
              {competency.name}
            </h2>
            <div className="relative overflow-x-auto rounded-lg border border-stone-200 bg-white shadow-xs">
              <table className="w-full min-w-[44rem] table-fixed border-collapse text-sm">
                <caption className="sr-only">
                  {competency.name}: {from.name} compared with {to.name}
                </caption>
                <thead>
                  <tr className="bg-stone-50 text-left">
                    <th scope="col" className="w-44 px-4 py-2.5 font-semibold">
                      Theme
                    </th>
                    <th scope="col" className="border-l border-stone-200 px-4 py-2.5 font-semibold">
                      {levelLabel(from)}
                    </th>
                    <th scope="col" className="border-l border-stone-200 px-4 py-2.5 font-semibold">
                      {levelLabel(to)}
                    </th>
                  </tr>
                </thead>
                <tbody>
                  {structure.themes.map((theme) => {
                    const a = cells.get(levelCellId({ levelKey: from.key, competencyKey: competency.key, themeKey: theme.key }))!;
                    const b = cells.get(levelCellId({ levelKey: to.key, competencyKey: competency.key, themeKey: theme.key }))!;
                    const expectation = wordDiff(a.expectation, b.expectation);
                    const description = wordDiff(a.description, b.description);
                    const label = changeLabel(changeRatio(expectation));
                    return (
                      <tr key={theme.key} data-testid={`compare-${competency.key}-${theme.key}`} className="border-t border-stone-200 align-top">
                        <th scope="row" className="px-4 py-4 text-left font-medium">
                          <span className="block">{theme.name}</span>
                          <span className="mt-1 inline-block">
                            <Badge tone={label.tone}>{label.text}</Badge>
                          </span>
                        </th>
                        <td className="border-l border-stone-200 px-4 py-4">
                          <p className="font-medium">
                            <DiffText parts={expectation} side="from" />
                          </p>
                          <details className="mt-2 text-stone-700">
                            <summary className="cursor-pointer text-xs font-semibold text-brand-700">Description</summary>
                            <p className="mt-1">
                              <DiffText parts={description} side="from" />
                            </p>
                          </details>
                          <OpenCellLink level={from} competencyKey={competency.key} themeKey={theme.key} version={version} />
                        </td>
                        <td className="border-l border-stone-200 px-4 py-4">
                          <p className="font-medium">
                            <DiffText parts={expectation} side="to" />
                          </p>
                          <details className="mt-2 text-stone-700">
                            <summary className="cursor-pointer text-xs font-semibold text-brand-700">Description and examples</summary>
                            <p className="mt-1">
                              <DiffText parts={description} side="to" />
                            </p>
                            <ul className="mt-2 list-disc space-y-1 pl-5">
                              {b.examples.map((example) => (
                                <li key={example}>{example}</li>
                              ))}
                            </ul>
                          </details>
                          <OpenCellLink level={to} competencyKey={competency.key} themeKey={theme.key} version={version} />
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
            </div>
          </section>
        ))}
      </div>
    </>
  );
}
