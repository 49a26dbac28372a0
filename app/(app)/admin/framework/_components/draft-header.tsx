import Link from "next/link";
import type { ReactNode } from "react";
import { Badge, PageHeader } from "@/components/ui/card";
import { DraftTabs } from "./draft-tabs";

/* The top of every draft page: which draft, what it started from, and the draft's tabs. */
export function DraftHeader({ draft, current, basedOn, title, description, actions }: { draft: { number: number; name: string }; current: { number: number } | null; basedOn: number | null; title: string; description?: ReactNode; actions?: ReactNode }) {
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/framework" className="text-brand-700 underline">
          Framework versions
        </Link>{" "}
        <span aria-hidden="true">›</span> Version {draft.number}: {draft.name} <Badge tone="amber">Draft</Badge>
      </p>
      <PageHeader title={title} description={description} actions={actions} />
      {current && basedOn !== null && basedOn !== current.number ? (
        <p role="note" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          This draft started from version {basedOn}; version {current.number} has been published since. Changes are shown against version {current.number}, the current one.
        </p>
      ) : null}
      <DraftTabs number={draft.number} />
    </>
  );
}
