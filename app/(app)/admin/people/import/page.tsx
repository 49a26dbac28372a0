import type { Metadata } from "next";
import { PageHeader } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { assertAdmin } from "@/lib/dal/admin-guard";
import { IMPORT_COLUMNS } from "@/lib/people/csv-import";
import { ImportForm } from "./import-form";

export const metadata: Metadata = { title: "Import people" };

export default async function ImportPage() {
  assertAdmin(await requireViewer());
  return (
    <>
      <PageHeader title="Import people" description="Check a CSV first: every problem is listed by line, and nothing is imported until all rows are valid." />
      <ImportForm columns={IMPORT_COLUMNS} />
    </>
  );
}
