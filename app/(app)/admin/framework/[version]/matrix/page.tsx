import type { Metadata } from "next";
import { MatrixGrid } from "@/components/framework/matrix-grid";
import { Card, CardHeader } from "@/components/ui/card";
import { getDraftOverview } from "@/lib/dal/framework-drafts";
import { SHAPE_LIMITS } from "@/lib/framework/format";
import { orNotFound } from "@/lib/page-guards";
import { DraftHeader } from "../../_components/draft-header";
import { draftPageViewer } from "../../_components/draft-page";
import { MoveButtons, NameSummaryForm, RemoveButton } from "../../_components/structure-forms";
import { addMatrixItemAction, moveMatrixItemAction, removeMatrixItemAction, updateMatrixItemAction } from "../structure-actions";

export const metadata: Metadata = { title: "Competencies and themes" };

type Props = { params: Promise<{ version: string }> };

const PARTS = {
  competency: { title: "Competencies (rows)", one: "competency", limit: SHAPE_LIMITS.competencies, hint: "What is assessed: Values, Technical, Leadership…" },
  theme: { title: "Themes (columns)", one: "theme", limit: SHAPE_LIMITS.themes, hint: "How each competency grows with seniority: complexity, influence…" },
} as const;

/* The matrix's shape: its rows and columns, named, described, ordered; from one to twenty of each. */
export default async function DraftMatrixPage({ params }: Props) {
  const { viewer, number } = await draftPageViewer(params);
  const { draft, structure, basedOn } = orNotFound(viewer, () => getDraftOverview(viewer, number));
  const base = { number: draft.number, revision: draft.revision };
  return (
    <>
      <DraftHeader
        draft={draft}
        basedOn={basedOn}
        title="Competencies and themes"
        description={`The matrix is ${structure.competencies.length} × ${structure.themes.length}: every level has a cell for each competency and theme. Renaming keeps each one's stable key, so evidence and reviews stay attached.`}
      />
      <div className="space-y-6">
        <MatrixGrid variant="tiles" caption="The shape of this draft" captionVisible competencies={structure.competencies} themes={structure.themes} renderCell={() => <span aria-hidden="true" className="block h-4" />} cellProps={() => ({ className: "bg-stone-50 ring-1 ring-stone-200" })} />
        <div className="grid gap-6 xl:grid-cols-2">
          {(["competency", "theme"] as const).map((part) => {
            const items = part === "competency" ? structure.competencies : structure.themes;
            const words = PARTS[part];
            return (
              <Card key={part}>
                <CardHeader id={`${part}-title`} title={words.title} description={`${items.length} of at most ${words.limit}. ${words.hint}`} />
                <ol aria-labelledby={`${part}-title`} className="divide-y divide-stone-100">
                  {items.map((item, i) => (
                    <li key={item.key} className="space-y-3 px-5 py-4" data-testid={`${part}-${item.key}`}>
                      <p className="text-xs text-stone-600">
                        {i + 1}. Key <code>{item.key}</code>
                      </p>
                      <NameSummaryForm
                        action={updateMatrixItemAction}
                        hidden={{ ...base, part, key: item.key }}
                        idPrefix={`${part}-${item.key}`}
                        defaults={item}
                        nameLabel={`Name of ${words.one} ${i + 1}`}
                        summaryLabel={`Summary of ${words.one} ${i + 1}`}
                        submitLabel="Save"
                      />
                      <div className="flex flex-wrap items-start justify-between gap-2">
                        <MoveButtons action={moveMatrixItemAction} hidden={{ ...base, part, key: item.key }} label={item.name} first={i === 0} last={i === items.length - 1} />
                        <RemoveButton action={removeMatrixItemAction} hidden={{ ...base, part, key: item.key }} label={item.name} warning="Its cells on every level leave this draft too; earlier versions keep theirs." />
                      </div>
                    </li>
                  ))}
                </ol>
                {items.length < words.limit ? (
                  <div className="border-t border-stone-200 bg-stone-50 px-5 py-4">
                    <h3 className="mb-2 text-sm font-semibold text-stone-900">Add a {words.one}</h3>
                    <NameSummaryForm action={addMatrixItemAction} hidden={{ ...base, part }} idPrefix={`new-${part}`} defaults={{ name: "", summary: "" }} nameLabel={`New ${words.one}'s name`} summaryLabel={`New ${words.one}'s summary`} submitLabel={`Add ${words.one}`} />
                  </div>
                ) : null}
              </Card>
            );
          })}
        </div>
      </div>
    </>
  );
}
