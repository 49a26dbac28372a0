import Link from "next/link";
import type { ReactNode } from "react";
import { Badge, PageHeader } from "@/components/ui/card";
import { DraftTabs } from "./draft-tabs";

/* The top of every draft page: which draft, what it started from, and the draft's tabs. One draft exists at a time, so what it started from is still the current version. */
export function DraftHeader({ draft, basedOn, title, description, actions }: { draft: { number: number; name: string }; basedOn: number | null; title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/framework" className="text-brand-700 underline">
          Framework versions
        </Link>{" "}
        <span aria-hidden="true">›</span> Version {draft.number}: {draft.name} <Badge tone="amber">Draft</Badge>
        {basedOn !== null ? <span className="text-stone-600"> · started from version {basedOn}</span> : null}
      </p>
      <PageHeader title={title} description={description} actions={actions} />
      <DraftTabs number={draft.number} />
    </>
  );
}
