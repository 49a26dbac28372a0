import type { Metadata } from "next";
import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { getOrgSettings } from "@/lib/dal/org-settings";
import { timeZones, todayIn } from "@/lib/domain/org-time";
import { formatDate } from "@/lib/format";
import { TimeZoneForm } from "./time-zone-form";
import { EmailStatus } from "./email-status";
import { getOutboxStatus } from "@/lib/dal/email-outbox";
import { config } from "@/lib/config";
import { requireViewerWho } from "@/lib/page-guards";
import { canAdministerOrgSettings } from "@/lib/policies/reviews";

export const metadata: Metadata = { title: "Organisation settings" };

export default async function SettingsPage() {
  const viewer = await requireViewerWho(canAdministerOrgSettings, "page");
  const settings = getOrgSettings(viewer);
  const mail = config().mail;
  const server = mail ? { host: new URL(mail.url).host, from: mail.from } : null;
  return (
    <>
      <PageHeader title="Organisation settings" description="Settings that apply to everyone in Trellis, and how its email stands." />
      <Card>
        <CardHeader id="time-zone" title="Time zone" description={`It is ${formatDate(todayIn(settings.timeZone))} in ${settings.timeZone}.`} />
        <div className="p-5">
          <TimeZoneForm current={settings.timeZone} version={settings.version} zones={timeZones()} />
        </div>
      </Card>
      <EmailStatus server={server} status={getOutboxStatus(viewer)} />
    </>
  );
}
