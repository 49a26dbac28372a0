import type { Metadata } from "next";
import { Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { listCommittee } from "@/lib/dal/committee";
import { listPeopleOptions } from "@/lib/dal/people-admin";
import { formatDate } from "@/lib/format";
import { AddMemberForm, RemoveMemberForm } from "./committee-forms";
import { requireViewerWho } from "@/lib/page-guards";
import { canAdministerPeople } from "@/lib/policies/people";

export const metadata: Metadata = { title: "Promotion committee" };

export default async function CommitteePage() {
  const viewer = await requireViewerWho(canAdministerPeople, "page");
  const members = listCommittee(viewer);
  const candidates = listPeopleOptions(viewer).filter((p) => !members.some((m) => m.id === p.id));
  return (
    <>
      <PageHeader title="Promotion committee" description="The people who review and decide promotion packets, with recorded reasons." />
      <Card>
        <CardHeader id="committee" title={`Members (${members.length})`} />
        {members.length === 0 ? (
          <EmptyState title="No committee yet">Add the people who will decide promotion packets.</EmptyState>
        ) : (
          <ul aria-labelledby="committee" className="divide-y divide-stone-200">
            {members.map((m) => (
              <li key={m.id} className="flex flex-wrap items-center justify-between gap-3 px-5 py-3 text-sm">
                <span>
                  <span className="font-medium">{m.name}</span>{" "}
                  <span className="text-stone-600">
                    {m.levelCode ? `${m.levelCode} · ` : ""}
                    {m.team} · since {formatDate(m.addedAt)}
                  </span>
                </span>
                <RemoveMemberForm personId={m.id} name={m.name} />
              </li>
            ))}
          </ul>
        )}
        <div className="border-t border-stone-200 p-5">
          <AddMemberForm candidates={candidates} />
        </div>
      </Card>
    </>
  );
}
