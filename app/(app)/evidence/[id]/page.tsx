import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, CardHeader, PageHeader } from "@/components/ui/card";
import { ButtonLink } from "@/components/ui/button";
import { requireViewer } from "@/lib/auth/viewer";
import { orNotFound } from "@/lib/page-guards";
import { getEvidenceEntry } from "@/lib/dal/evidence";
import { getFrameworkStructure } from "@/lib/dal/framework";
import { orgToday } from "@/lib/dal/org-settings";
import { cellId } from "@/lib/domain/cell-ref";
import { cellOptions, matrixOf } from "../_components/cell-options";
import { EvidenceCard } from "../_components/evidence-card";
import { EvidenceForm } from "../_components/evidence-form";
import { DeleteEvidenceForm } from "./delete-form";

export const metadata: Metadata = { title: "Evidence entry" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };


export default async function EvidenceEntryPage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const id = (await params).id;
  const entry = orNotFound(viewer, () => getEvidenceEntry(viewer, id));
  const confirming = (await searchParams).confirm === "delete";
  const structure = getFrameworkStructure(viewer);
  const options = cellOptions(structure);
  const names = new Map(options.map((o) => [o.id, o.name]));
  const back = entry.personId === viewer.id ? "/evidence" : `/evidence?person=${entry.personId}`;
  return (
    <>
      <PageHeader
        title={entry.title}
        description={
          <>
            <Link href={back} className="text-brand-700 hover:underline">
              Back to the log
            </Link>
            {entry.removedAt ? (
              <>
                {" "}
                · <Badge tone="amber">Removed from the log</Badge> Kept because a submitted self-assessment or promotion packet cites it.
              </>
            ) : null}
          </>
        }
        actions={entry.canEdit && !confirming ? <ButtonLink href={`/evidence/${entry.id}?confirm=delete`} variant="danger">Delete</ButtonLink> : undefined}
      />
      {confirming && entry.canEdit ? (
        <Card className="mb-6 border-red-200">
          <CardHeader id="confirm-delete" title="Delete this entry?" description={entry.citedBySubmitted ? "A submitted self-assessment or promotion packet cites it: it leaves your log but stays readable there, marked as removed." : "It is deleted for good. Draft self-assessments and packets that cite it stop citing it."} />
          <div className="flex flex-wrap gap-3 p-5">
            <DeleteEvidenceForm entryId={entry.id} />
            <ButtonLink href={`/evidence/${entry.id}`} variant="secondary">
              Keep it
            </ButtonLink>
          </div>
        </Card>
      ) : null}
      <Card>
        {entry.canEdit && entry.citedBySubmitted ? (
          <p className="border-b border-stone-200 px-5 py-3 text-sm text-stone-700">A submitted self-assessment or promotion packet cites this entry, so it stays as it was written. Log a new entry for what changed.</p>
        ) : null}
        {entry.canEdit && !entry.citedBySubmitted ? (
          <div className="p-5">
            <EvidenceForm
              today={orgToday()}
              matrix={matrixOf(structure)}
              defaults={{ entryId: entry.id, version: entry.version, title: entry.title, occurredOn: entry.occurredOn, description: entry.description, links: entry.links.join("\n"), cells: entry.cells.map(cellId) }}
            />
          </div>
        ) : (
          <EvidenceCard entry={entry} cellNames={names} />
        )}
      </Card>
    </>
  );
}
