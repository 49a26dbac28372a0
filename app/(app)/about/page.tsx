import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { version } from "@/package.json";

export const metadata: Metadata = { title: "About Trellis" };

/*
 * Static text in the signed-in shell. It is also the page benchmark's baseline
 * (npm run bench:pages): the cost every signed-in page pays (proxy, session
 * check, viewer, layout) with nothing of its own on top.
 */
export default async function AboutPage() {
  await requireViewer();
  return (
    <>
      <PageHeader title="About Trellis" description="A self-hosted home for your engineering organisation's career framework and the work people do against it." />
      <Card>
        <dl className="grid gap-x-6 gap-y-3 px-5 py-4 text-sm sm:grid-cols-[12rem_1fr]">
          <dt className="font-medium text-stone-900">Version</dt>
          <dd className="text-stone-700">Trellis {version}</dd>
          <dt className="font-medium text-stone-900">Your level or a review</dt>
          <dd className="text-stone-700">Ask your manager.</dd>
          <dt className="font-medium text-stone-900">Your account or access</dt>
          <dd className="text-stone-700">Ask an admin of your organisation.</dd>
        </dl>
      </Card>
    </>
  );
}
