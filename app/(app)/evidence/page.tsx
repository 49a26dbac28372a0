import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink, Button } from "@/components/ui/button";
import { Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { FormMessage, Input, Select } from "@/components/ui/field";
import { requireViewer } from "@/lib/auth/viewer";
import { orNotFound } from "@/lib/page-guards";
import { listEvidence, listLearningByCell } from "@/lib/dal/evidence";
import { getFrameworkStructure } from "@/lib/dal/framework";
import { getPersonProfile } from "@/lib/dal/people";
import { cellId, parseCellId } from "@/lib/domain/cell-ref";
import { formatDate } from "@/lib/format";
import { EVIDENCE_AUDIENCE } from "@/lib/policies/evidence";
import { cellOptions } from "./_components/cell-options";
import { EvidenceCard } from "./_components/evidence-card";

export const metadata: Metadata = { title: "Evidence log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
const text = (v: string | string[] | undefined) => (typeof v === "string" && v ? v : undefined);
const date = (v: string | string[] | undefined) => (typeof v === "string" && /^\d{4}-\d{2}-\d{2}$/.test(v) ? v : undefined);

export default async function EvidencePage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const personId = text(params.person) ?? viewer.id;
  const own = personId === viewer.id;
  // Reading someone else's log goes through the same checks as their profile; refused looks missing.
  const personName = own ? null : orNotFound(viewer, () => getPersonProfile(viewer, personId).person.name);
  const cell = parseCellId(params.cell);
  const from = date(params.from);
  const to = date(params.to);
  const { entries, learning } = orNotFound(viewer, () => ({
    entries: listEvidence(viewer, personId, { cell, from, to }),
    learning: listLearningByCell(viewer, personId).filter((c) => !cell || c.cell === cellId(cell)),
  }));
  const options = cellOptions(getFrameworkStructure(viewer));
  const names = new Map(options.map((o) => [o.id, o.name]));
  const filtered = Boolean(cell || from || to);

  return (
    <>
      <PageHeader
        title={own ? "My evidence log" : `${personName}'s evidence log`}
        description={<>Wins recorded as they happen, each tagged to the cells it demonstrates. Visible to: {EVIDENCE_AUDIENCE}.</>}
        actions={own ? <ButtonLink href={cell ? `/evidence/new?cell=${cellId(cell)}` : "/evidence/new"}>Log a win</ButtonLink> : undefined}
      />
      {params.logged ? <div className="mb-4"><FormMessage tone="success" message="Added to your log." /></div> : null}
      {params.deleted ? <div className="mb-4"><FormMessage tone="success" message="Deleted." /></div> : null}
      {params.removed ? <div className="mb-4"><FormMessage tone="success" message="Removed from your log. A submitted self-assessment or promotion packet cites it, so it is kept there, marked as removed." /></div> : null}
      <form method="get" className="mb-6 grid gap-3 rounded-lg border border-stone-200 bg-white p-4 sm:grid-cols-4 sm:items-end" aria-label="Filter evidence">
        {own ? null : <input type="hidden" name="person" value={personId} />}
        <label className="block text-sm font-medium text-stone-800">
          Cell
          <Select name="cell" defaultValue={cell ? cellId(cell) : ""}>
            <option value="">All cells</option>
            {options.map((o) => (
              <option key={o.id} value={o.id}>
                {o.name}
              </option>
            ))}
          </Select>
        </label>
        <label className="block text-sm font-medium text-stone-800">
          From
          <Input type="date" name="from" defaultValue={from ?? ""} />
        </label>
        <label className="block text-sm font-medium text-stone-800">
          To
          <Input type="date" name="to" defaultValue={to ?? ""} />
        </label>
        <div className="flex gap-2">
          <Button type="submit" variant="secondary">
            Filter
          </Button>
          {filtered ? (
            <Link href={own ? "/evidence" : `/evidence?person=${personId}`} className="self-center text-sm font-medium text-brand-700 hover:underline">
              Clear
            </Link>
          ) : null}
        </div>
      </form>
      <div className="space-y-6">
        <Card>
          <CardHeader id="entries" title={filtered ? "Matching entries" : "Entries"} description={`${entries.length} ${entries.length === 1 ? "entry" : "entries"}`} />
          {entries.length === 0 ? (
            <EmptyState title={filtered ? "Nothing matches these filters" : "No evidence yet"}>
              {own ? "Shipped something, unblocked someone, led a review? Log it now and it will be there at review time." : "Nothing logged yet."}
            </EmptyState>
          ) : (
            <ul aria-labelledby="entries" className="divide-y divide-stone-200">
              {entries.map((e) => (
                <li key={e.id}>
                  <EvidenceCard entry={e} cellNames={names} href={`/evidence/${e.id}`} />
                </li>
              ))}
            </ul>
          )}
        </Card>
        <Card>
          <CardHeader id="learning" title="Learning for these cells" description="Stipend claims tagged to a cell: the learning done for it. Read-only; open a claim for details." />
          {learning.length === 0 ? (
            <EmptyState title="No stipend claims tagged to a cell">Tag a claim with a cell when filing it, and it shows here.</EmptyState>
          ) : (
            <ul aria-labelledby="learning" className="divide-y divide-stone-200">
              {learning.map((c) => (
                <li key={c.id} className="flex flex-wrap items-baseline justify-between gap-2 px-5 py-3 text-sm">
                  <Link href={`/stipend/claims/${c.id}`} className="font-medium text-brand-700 hover:underline">
                    {c.item}
                  </Link>
                  <span className="text-stone-600">
                    {names.get(c.cell) ?? c.cell} · {formatDate(c.purchaseDate)}
                  </span>
                </li>
              ))}
            </ul>
          )}
        </Card>
      </div>
    </>
  );
}
