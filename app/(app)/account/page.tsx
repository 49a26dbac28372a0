import type { Metadata } from "next";
import { Button, buttonClass } from "@/components/ui/button";
import { Badge, Card, CardHeader, PageHeader } from "@/components/ui/card";
import { currentSession, requireViewer } from "@/lib/auth/viewer";
import { config } from "@/lib/config";
import { listOpenSessions } from "@/lib/dal/sessions";
import { getEmailPreference } from "@/lib/dal/notification-settings";
import { formatDateTime } from "@/lib/format";
import { endOtherSessionsAction } from "./actions";
import { ChangePasswordForm } from "./change-password-form";
import { EmailPreferenceForm } from "./email-preference-form";

export const metadata: Metadata = { title: "Account" };

export default async function AccountPage() {
  const viewer = await requireViewer();
  const current = await currentSession();
  const openSessions = listOpenSessions(viewer, current?.sessionId);
  const { sessionIdleMs, sessionMaxMs, mail } = config();
  const preference = getEmailPreference(viewer);
  return (
    <>
      <PageHeader title="Account" description="Your password, how Trellis emails you, where you are signed in, and a copy of your data." />
      <div className="space-y-6">
        <Card>
          <CardHeader title="Password" description={viewer.hasPassword ? "Changing it signs you out everywhere else." : "You sign in with company SSO. You can also set a Trellis password."} />
          <div className="px-5 py-5">
            <ChangePasswordForm hasPassword={viewer.hasPassword} />
          </div>
        </Card>
        <Card>
          <CardHeader id="email" title="Email" description={`Notifications always appear under Notifications. Emails go to ${viewer.email}.`} />
          <div className="px-5 py-5">
            <EmailPreferenceForm current={preference.email} version={preference.version} mailOn={Boolean(mail)} />
          </div>
        </Card>
        <Card>
          <CardHeader
            id="sessions"
            title="Sessions"
            description={`A session ends after ${sessionIdleMs / 60_000} minutes without activity and ${sessionMaxMs / 3_600_000} hours after sign-in.`}
            action={
              openSessions.length > 1 ? (
                <form action={endOtherSessionsAction}>
                  <Button type="submit" variant="secondary">
                    Sign out other sessions
                  </Button>
                </form>
              ) : null
            }
          />
          <ul aria-labelledby="sessions" className="divide-y divide-stone-200">
            {openSessions.map((s) => (
              <li key={s.id} className="flex flex-wrap items-center justify-between gap-2 px-5 py-3 text-sm">
                <span>
                  Signed in {formatDateTime(s.createdAt)} with {s.provider === "credentials" ? "password" : "company SSO"}
                </span>
                <span className="flex items-center gap-2 text-stone-600">
                  Last active {formatDateTime(s.lastSeenAt)}
                  {s.current ? <Badge tone="brand">This session</Badge> : null}
                </span>
              </li>
            ))}
          </ul>
        </Card>
        <Card>
          <CardHeader
            id="my-data"
            title="Your data"
            description="One JSON file with everything Trellis holds about you, as you can see it in the app."
            action={
              <a href="/account/export" download className={buttonClass("secondary")}>
                Download my data
              </a>
            }
          />
          <div className="px-5 py-4 text-sm text-stone-700">
            <p>
              It holds your profile and level history, your evidence log (entries you removed but a review or packet still cites are marked), your reviews, your promotion packets and your stipend claims with their receipts&apos; names and sizes (not
              the files). Amounts are in minor units (cents) with their currency.
            </p>
            <p className="mt-2">
              Your manager&apos;s review is in it once they have shared it, and a packet&apos;s manager part once you can see it on the packet. Managers&apos; private notes are never in it. The format is documented in <code>docs/export-format.md</code>.
            </p>
          </div>
        </Card>
      </div>
    </>
  );
}
