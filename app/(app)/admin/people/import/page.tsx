import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { IMPORT_COLUMNS } from "@/lib/people/csv-import";
import { ImportForm } from "./import-form";
import { requireViewerWho } from "@/lib/page-guards";
import { canAdministerPeople } from "@/lib/policies/people";

export const metadata: Metadata = { title: "Import people" };

export default async function ImportPage() {
  await requireViewerWho(canAdministerPeople, "page");
  return (
    <>
      <PageHeader title="Import people" description="Check a CSV first: every problem is listed by line, and nothing is imported until all rows are valid." />
      <ImportForm columns={IMPORT_COLUMNS} />
    </>
  );
}
