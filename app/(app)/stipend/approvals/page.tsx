import type { Metadata } from "next";
import { ButtonLink } from "@/components/ui/button";
import { Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { listClaimsAwaitingMe } from "@/lib/dal/stipend-approvals";
import { canAdministerStipend } from "@/lib/policies/stipend";
import { ClaimsTable } from "../_components/claims-table";

export const metadata: Metadata = { title: "Stipend approvals" };

export default async function ApprovalsPage() {
  const viewer = await requireViewer();
  const { toDecide, toReimburse } = listClaimsAwaitingMe(viewer);
  const admin = canAdministerStipend(viewer);
  return (
    <>
      <PageHeader
        title="Stipend approvals"
        description={admin ? "Claims from your direct reports and from people with no manager, and approved claims waiting to be reimbursed." : "Claims from your direct reports waiting on your decision."}
        actions={
          viewer.hasReports || admin ? (
            <ButtonLink href="/stipend/team" variant="secondary">
              All team claims
            </ButtonLink>
          ) : null
        }
      />
      <div className="space-y-6">
        <Card>
          <CardHeader id="to-decide" title="To approve or reject" description={toDecide.length ? `${toDecide.length} waiting` : undefined} />
          {toDecide.length ? (
            <ClaimsTable caption="Claims waiting on your decision" claims={toDecide} currencyFor={(c) => toDecide.find((d) => d.id === c.id)!.currency} />
          ) : (
            <EmptyState title="Nothing to decide">Claims your direct reports file appear here{admin ? ", with those of people who have no manager" : ""}.</EmptyState>
          )}
        </Card>
        {admin ? (
          <Card>
            <CardHeader id="to-reimburse" title="To reimburse" description={toReimburse.length ? `${toReimburse.length} approved and waiting` : undefined} />
            {toReimburse.length ? (
              <ClaimsTable caption="Approved claims waiting to be reimbursed" claims={toReimburse} currencyFor={(c) => toReimburse.find((d) => d.id === c.id)!.currency} />
            ) : (
              <EmptyState title="Nothing to reimburse">Approved claims appear here until they are marked reimbursed.</EmptyState>
            )}
          </Card>
        ) : null}
      </div>
    </>
  );
}
