import type { Metadata } from "next";
import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { getOrgSettings } from "@/lib/dal/org-settings";
import { timeZones, todayIn } from "@/lib/domain/org-time";
import { formatDate } from "@/lib/format";
import { TimeZoneForm } from "./time-zone-form";
import { requireViewerWho } from "@/lib/page-guards";
import { canAdministerOrgSettings } from "@/lib/policies/reviews";

export const metadata: Metadata = { title: "Organisation settings" };

export default async function SettingsPage() {
  const viewer = await requireViewerWho(canAdministerOrgSettings, "page");
  const settings = getOrgSettings(viewer);
  return (
    <>
      <PageHeader title="Organisation settings" description="Settings that apply to everyone in Trellis." />
      <Card>
        <CardHeader id="time-zone" title="Time zone" description={`It is ${formatDate(todayIn(settings.timeZone))} in ${settings.timeZone}.`} />
        <div className="p-5">
          <TimeZoneForm current={settings.timeZone} version={settings.version} zones={timeZones()} />
        </div>
      </Card>
    </>
  );
}
