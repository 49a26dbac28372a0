import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { listPeopleOptions, listTeams } from "@/lib/dal/people-admin";
import { createPersonAction } from "../actions";
import { levelGroups } from "../level-groups";
import { PersonForm } from "../person-form";
import { requireViewerWho } from "@/lib/page-guards";
import { canAdministerPeople } from "@/lib/policies/people";
import { orgToday } from "@/lib/dal/org-settings";

export const metadata: Metadata = { title: "Add a person" };

export default async function NewPersonPage() {
  const viewer = await requireViewerWho(canAdministerPeople, "page");
  return (
    <>
      <PageHeader title="Add a person" description="After saving, copy their invitation link so they can set a password (or they sign in with company SSO)." />
      <Card className="p-5">
        <PersonForm
          action={createPersonAction}
          defaults={{ name: "", email: "", role: "engineer", managerId: "", team: "", startDate: orgToday(), level: "" }}
          managers={listPeopleOptions(viewer)}
          teams={listTeams(viewer)}
          levelGroups={levelGroups(viewer)}
          submitLabel="Add person"
        />
      </Card>
    </>
  );
}
