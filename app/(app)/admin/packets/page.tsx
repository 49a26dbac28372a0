import type { Metadata } from "next";
import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { getPacketSettings } from "@/lib/dal/packet-settings";
import { formatDateTime } from "@/lib/format";
import { requireViewerWho } from "@/lib/page-guards";
import { canAdministerPacketSettings } from "@/lib/policies/packets";
import { ReadinessForm } from "./readiness-form";

export const metadata: Metadata = { title: "Promotion packet settings" };

export default async function PacketSettingsPage() {
  const viewer = await requireViewerWho(canAdministerPacketSettings, "page");
  const settings = getPacketSettings(viewer);
  return (
    <>
      <PageHeader title="Promotion packets" description="The readiness rule every packet's meter applies, stated in these words on each packet." />
      <Card>
        <CardHeader
          id="readiness-rule"
          title="Readiness rule"
          description={settings.updatedBy ? `Last changed by ${settings.updatedBy}, ${formatDateTime(settings.updatedAt)}.` : "The default: no admin has changed it yet."}
        />
        <div className="space-y-5 p-5">
          <p className="rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-brand-900" data-testid="rule-in-words">
            {settings.words}
          </p>
          <ReadinessForm rule={settings.rule} version={settings.version} />
        </div>
      </Card>
    </>
  );
}
