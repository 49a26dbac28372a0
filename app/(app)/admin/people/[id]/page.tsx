import type { Metadata } from "next";
import Link from "next/link";
import { Badge, Card, CardHeader, PageHeader } from "@/components/ui/card";
import { getPersonForAdmin, listPeopleOptions, listTeams } from "@/lib/dal/people-admin";
import { formatDateTime } from "@/lib/format";
import { requestLinkOrigin } from "@/lib/people/request-link-origin";
import { updatePersonAction } from "../actions";
import { levelGroups } from "../level-groups";
import { PersonForm } from "../person-form";
import { LinkOriginNote } from "./link-origin-note";
import { AccountLinkForm, ActiveForm, ChangeLevelForm, EndSessionsForm } from "./person-admin-forms";
import { levelLabel } from "@/lib/domain/level-label";
import { orNotFound, requireViewerWho } from "@/lib/page-guards";
import { canAdministerPeople } from "@/lib/policies/people";
import { orgToday } from "@/lib/dal/org-settings";
import { config } from "@/lib/config";

export const metadata: Metadata = { title: "Edit person" };

type Props = { params: Promise<{ id: string }>; searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AdminPersonPage({ params, searchParams }: Props) {
  const viewer = await requireViewerWho(canAdministerPeople, "page");
  const { id } = await params;
  const created = (await searchParams).created === "1";
  const person = orNotFound(viewer, () => getPersonForAdmin(viewer, id));
  const groups = levelGroups(viewer);
  const level = groups.flatMap((g) => g.levels).find((l) => l.key === person.levelKey);
  const linkOrigin = await requestLinkOrigin();
  const emailTo = config().mail ? person.email : null;

  return (
    <>
      <PageHeader
        title={person.name}
        description={
          <>
            {levelLabel(level, person.levelKey)} · {person.email}{" "}
            {person.active ? null : <Badge tone="red">Deactivated</Badge>}
          </>
        }
        actions={
          <Link href={`/people/${person.id}`} className="inline-flex items-center rounded-md px-3.5 py-2 text-sm font-medium text-brand-700 hover:bg-stone-200/60">
            View profile and level history
          </Link>
        }
      />
      {created ? (
        <p role="status" className="mb-6 rounded-md border border-brand-200 bg-brand-50 px-3 py-2 text-sm text-brand-900">
          {person.name} was added. Create an invitation link below and send it to them so they can set a password.
        </p>
      ) : null}
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader title="Details" description="Name, email, role, manager, team and start date." />
          <div className="p-5">
            <PersonForm
              action={updatePersonAction}
              defaults={{ id: person.id, version: String(person.version), name: person.name, email: person.email, role: person.role, managerId: person.managerId ?? "", team: person.team, startDate: person.startDate }}
              managers={listPeopleOptions(viewer)}
              teams={listTeams(viewer)}
              submitLabel="Save changes"
            />
          </div>
        </Card>
        <div className="space-y-6">
          <Card>
            <CardHeader title="Sign-in" />
            <div className="space-y-4 p-5 text-sm">
              <p className="text-stone-700">
                {person.hasPassword ? "Has a password." : "Has not set a password yet."}
                {person.openLink ? ` An ${person.openLink.purpose === "invite" ? "invitation" : "reset"} link is open until ${formatDateTime(person.openLink.expiresAt)}.` : null}
              </p>
              {person.active ? <LinkOriginNote chosen={linkOrigin} /> : null}
              {person.active ? (
                <p className="text-stone-700">{emailTo ? `A new link is emailed to ${person.email} and shown here to copy.` : "Trellis sends no email (SMTP_URL is not set): copy the link and send it yourself."}</p>
              ) : null}
              {person.active ? (
                person.hasPassword ? (
                  <AccountLinkForm personId={person.id} purpose="reset" label="Create password reset link" emailTo={emailTo} />
                ) : (
                  <AccountLinkForm personId={person.id} purpose="invite" label={person.openLink ? "Create a new invitation link" : "Create invitation link"} emailTo={emailTo} />
                )
              ) : (
                <p className="text-stone-600">Reactivate them to issue a link.</p>
              )}
              {person.active ? <EndSessionsForm personId={person.id} /> : null}
            </div>
          </Card>
          <Card>
            <CardHeader title={person.active ? "Deactivate" : "Reactivate"} />
            <div className="space-y-3 p-5 text-sm text-stone-700">
              <p>{person.active ? "Deactivating signs them out everywhere at once. Their reviews, packets and claims stay." : "They can sign in again with their password or SSO."}</p>
              {person.active && person.activeReports > 0 ? (
                <p className="text-amber-900">
                  They manage {person.activeReports} active {person.activeReports === 1 ? "person" : "people"}; move them to another manager first.
                </p>
              ) : null}
              <ActiveForm personId={person.id} active={person.active} name={person.name} />
            </div>
          </Card>
        </div>
        <Card className="lg:col-span-2">
          <CardHeader title="Change level" description="For changes outside a promotion (calibration, hiring corrections, track moves). Recorded in their level history with the date and reason." />
          <div className="p-5">
            <ChangeLevelForm personId={person.id} current={`${person.trackKey}:${person.levelKey}`} levelGroups={groups} today={orgToday()} />
          </div>
        </Card>
      </div>
    </>
  );
}
