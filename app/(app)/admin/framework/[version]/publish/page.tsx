import type { Metadata } from "next";
import Link from "next/link";
import { VersionDiffView } from "@/components/framework/version-diff";
import { Card, CardHeader } from "@/components/ui/card";
import { getPublishPreview } from "@/lib/dal/framework-publish";
import { cellAnchor, parseCellId } from "@/lib/domain/cell-ref";
import { orNotFound } from "@/lib/page-guards";
import { DraftHeader } from "../../_components/draft-header";
import { draftPageViewer } from "../../_components/draft-page";
import { PublishForm } from "../../_components/publish-form";

export const metadata: Metadata = { title: "Review and publish" };

type Props = { params: Promise<{ version: string }> };

/* Before publishing: what is not ready, what is in use and left out, and every change against the current version, cell by cell. */
export default async function PublishDraftPage({ params }: Props) {
  const { viewer, number } = await draftPageViewer(params);
  const preview = orNotFound(viewer, () => getPublishPreview(viewer, number));
  const { draft, current, problems, inUse, diff } = preview;
  const ready = problems.length === 0 && inUse.length === 0;
  const shown = problems.slice(0, 200);
  // One line per cell ("the expectation is empty; the examples need…"), one per other problem.
  const groups: { id: string; place: string; levelKey: string | null; cell: string | null; items: string[] }[] = [];
  for (const p of shown) {
    const id = p.cell ? `${p.levelKey}|${p.cell}` : `${p.path}|${groups.length}`;
    const group = groups.find((g) => g.id === id);
    const item = p.cell ? `${p.field ?? ""} ${p.message}`.trim() : p.message;
    if (group) group.items.push(item);
    else groups.push({ id, place: p.cellPlace ?? p.where, levelKey: p.levelKey, cell: p.cell, items: [item] });
  }
  return (
    <>
      <DraftHeader
        draft={draft}
        basedOn={preview.basedOn}
        title={`Review and publish version ${draft.number}`}
        description={current ? `Everything below is what changes for everyone against version ${current.number}, the current one.` : "No version is published yet: this will be the first."}
      />
      <div className="space-y-6">
        {problems.length || inUse.length ? (
          <Card className="border-red-200">
            <CardHeader id="not-ready" title="Before this can be published" description={`${problems.length + inUse.length} ${problems.length + inUse.length === 1 ? "thing needs" : "things need"} fixing.`} />
            <ul aria-labelledby="not-ready" className="divide-y divide-stone-100 px-5 text-sm" data-testid="publish-problems">
              {inUse.map((u) => (
                <li key={`${u.part}-${u.key}`} className="py-2">
                  <p className="font-medium text-stone-900">
                    The {u.part} “{u.label}” is left out but still in use:
                  </p>
                  <ul className="mt-1 list-disc pl-5 text-stone-700">
                    {u.uses.map((use) => (
                      <li key={use.sentence}>{use.sentence}</li>
                    ))}
                  </ul>
                </li>
              ))}
              {groups.map((g) => {
                const cell = parseCellId(g.cell);
                return (
                  <li key={g.id} className="py-2">
                    {g.levelKey ? (
                      <Link href={`/admin/framework/${draft.number}/cells/${g.levelKey}${cell ? `#${cellAnchor(cell)}` : ""}`} className="font-medium text-brand-700 underline">
                        {g.place}
                      </Link>
                    ) : (
                      <span className="font-medium text-stone-900">{g.place}</span>
                    )}
                    {g.items.length === 1 && !g.cell ? ` ${g.items[0]}` : `: ${g.items.join("; ")}`}
                  </li>
                );
              })}
              {problems.length > shown.length ? <li className="py-2 text-stone-600">And {problems.length - shown.length} more.</li> : null}
            </ul>
          </Card>
        ) : null}
        <Card>
          <CardHeader id="publish-title" title="Publish" />
          <div className="px-5 py-4">
            <PublishForm number={draft.number} stamp={preview.stamp} ready={ready} replaces={current?.number ?? null} />
          </div>
        </Card>
        <section aria-labelledby="changes-title">
          <h2 id="changes-title" className="mb-3 text-lg font-semibold text-stone-900">
            What changes
          </h2>
          {diff && current ? <VersionDiffView diff={diff} fromLabel={`version ${current.number}`} toLabel={`this draft (version ${draft.number})`} /> : <p className="text-sm text-stone-600">Nothing is published yet, so everything in this draft is new.</p>}
        </section>
      </div>
    </>
  );
}
