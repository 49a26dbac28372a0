import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { getFrameworkStructure } from "@/lib/dal/framework";
import { orgToday } from "@/lib/dal/org-settings";
import { parseCellId, cellId } from "@/lib/domain/cell-ref";
import { matrixOf } from "../_components/cell-options";
import { EvidenceForm } from "../_components/evidence-form";

export const metadata: Metadata = { title: "Log a win" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function NewEvidencePage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const preset = parseCellId((await searchParams).cell);
  const today = orgToday();
  return (
    <>
      <PageHeader title="Log a win" description="Write it down while you remember the details. Your self-assessments and promotion packets draw on this log." />
      <Card className="max-w-3xl">
        <div className="p-5">
          <EvidenceForm today={today} matrix={matrixOf(getFrameworkStructure(viewer))} defaults={{ title: "", occurredOn: today, description: "", links: "", cells: preset ? [cellId(preset)] : [] }} />
        </div>
      </Card>
    </>
  );
}
