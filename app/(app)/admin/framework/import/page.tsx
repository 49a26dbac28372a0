import type { Metadata } from "next";
import Link from "next/link";
import { PageHeader } from "@/components/ui/card";
import { listFrameworkVersions } from "@/lib/dal/framework-drafts";
import { orNotFound, requireViewerWho } from "@/lib/page-guards";
import { canUseFrameworkEditor } from "@/lib/policies/framework";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import a framework" };

/* Import a framework file as a new draft: checked whole first, written only when valid. */
export default async function ImportFrameworkPage() {
  const viewer = await requireViewerWho(canUseFrameworkEditor, "framework editor");
  const { draft } = orNotFound(viewer, () => listFrameworkVersions(viewer));
  return (
    <>
      <p className="mb-2 text-sm">
        <Link href="/admin/framework" className="text-brand-700 underline">
          Framework versions
        </Link>
      </p>
      <PageHeader
        title="Import a framework"
        description={
          <>
            A file in the format <strong>Export JSON</strong> produces (described in <code>docs/framework-format.md</code>) becomes a new draft, of any shape: 1 to 20 competencies and 1 to 20 themes, up to 10 tracks of levels. You then look it over and publish it. Levels keep their keys, so people stay on theirs.
          </>
        }
      />
      {draft ? (
        <p role="note" className="mb-4 rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm text-amber-900">
          Version {draft.number} is a draft in progress. A file can be checked now, but it is imported only once that draft is{" "}
          <Link href={`/admin/framework/${draft.number}/publish`} className="underline">
            published
          </Link>{" "}
          or discarded.
        </p>
      ) : null}
      <ImportForm />
    </>
  );
}
