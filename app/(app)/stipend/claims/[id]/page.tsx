import { Markdown } from "@/components/markdown";
import type { Metadata } from "next";
import Link from "next/link";
import { Card, CardHeader, PageHeader } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { getFrameworkStructure } from "@/lib/dal/framework";
import { getClaim } from "@/lib/dal/stipend-claims";
import { formatDate } from "@/lib/format";
import { ClaimHistory } from "../../_components/claim-history";
import { Money } from "../../_components/money";
import { OverBalanceBadge, StatusBadge } from "../../_components/status-badge";
import { DecisionForm, TransitionButton } from "../../_components/transition-form";
import { orNotFound } from "@/lib/page-guards";

export const metadata: Metadata = { title: "Stipend claim" };

type Props = { params: Promise<{ id: string }> };

export default async function ClaimPage({ params }: Props) {
  const viewer = await requireViewer();
  const { id } = await params;
  const { claim, settings, relationship, events, actions, approverLabel } = orNotFound(viewer, () => getClaim(viewer, id));
  const structure = claim.competencyKey ? getFrameworkStructure(viewer) : null;
  const cellName = structure
    ? `${structure.competencies.find((c) => c.key === claim.competencyKey)?.name ?? claim.competencyKey} · ${structure.themes.find((t) => t.key === claim.themeKey)?.name ?? claim.themeKey}`
    : null;
  const mine = relationship === "self";
  const canDecide = actions.includes("approve");
  const firstName = claim.ownerName.split(" ")[0]!;

  return (
    <>
      <PageHeader
        title={claim.item}
        description={
          <>
            {mine ? "Your claim" : `${claim.ownerName}'s claim`} · {claim.ownerTeam || "No team"} · {claim.year} stipend. Visible to {mine ? "you" : firstName}, {mine ? "your" : "their"} managers and admins.
          </>
        }
        actions={
          <Link href={mine ? `/stipend?year=${claim.year}` : "/stipend/approvals"} className="text-sm font-medium text-brand-700 hover:underline">
            {mine ? "Back to my stipend" : "Back to approvals"}
          </Link>
        }
      />
      <div className="grid gap-6 lg:grid-cols-3">
        <Card className="lg:col-span-2">
          <CardHeader
            title="Details"
            action={
              <div className="flex flex-wrap items-center gap-2">
                <StatusBadge status={claim.status} />
                {claim.overBalance ? <OverBalanceBadge /> : null}
              </div>
            }
          />
          {claim.overBalance ? (
            <p className="border-b border-red-200 bg-red-50 px-5 py-3 text-sm text-red-900">
              This claim was more than the remaining {claim.year} balance when it was filed. The {claim.year} settings flag such claims: approving it grants an exception beyond the allowance.
            </p>
          ) : null}
          <dl className="grid grid-cols-1 gap-x-4 gap-y-3 px-5 py-5 text-sm sm:grid-cols-3">
            <dt className="text-stone-600">Charged to the allowance</dt>
            <dd className="text-lg font-semibold sm:col-span-2">
              <Money minor={claim.amountChargedMinor} currency={settings.currency} />
            </dd>
            <dt className="text-stone-600">Paid</dt>
            <dd className="sm:col-span-2">
              <Money minor={claim.amountPaidMinor} currency={claim.currencyPaid} /> {claim.currencyPaid !== settings.currency ? <span className="text-stone-600">({claim.currencyPaid})</span> : null}
            </dd>
            <dt className="text-stone-600">Purchase date</dt>
            <dd className="sm:col-span-2">{formatDate(claim.purchaseDate)}</dd>
            <dt className="text-stone-600">Vendor</dt>
            <dd className="sm:col-span-2">{claim.vendor}</dd>
            <dt className="text-stone-600">Category</dt>
            <dd className="sm:col-span-2">{claim.category}</dd>
            <dt className="text-stone-600">Receipt</dt>
            <dd className="space-y-1 sm:col-span-2">
              {claim.receiptId && claim.receiptRemovedAt ? (
                <p className="text-stone-700" data-testid="receipt-removed">
                  The receipt file ({claim.receiptName}) was removed on {formatDate(claim.receiptRemovedAt)} under the retention rule:{" "}
                  {claim.status === "withdrawn" ? "files of withdrawn claims are deleted at once." : "files of rejected claims are deleted after a set time."}
                </p>
              ) : claim.receiptId ? (
                <p>
                  <a className="font-medium text-brand-700 hover:underline" href={`/stipend/receipts/${claim.receiptId}`} download>
                    Download {claim.receiptName}
                  </a>{" "}
                  <span className="text-stone-600">({Math.max(1, Math.round((claim.receiptSize ?? 0) / 1024))} KB)</span>
                </p>
              ) : null}
              {claim.receiptUrl ? (
                <p>
                  <a className="break-all font-medium text-brand-700 hover:underline" href={claim.receiptUrl} rel="noopener noreferrer nofollow" target="_blank">
                    {claim.receiptUrl}
                  </a>
                </p>
              ) : null}
            </dd>
            {cellName ? (
              <>
                <dt className="text-stone-600">Develops</dt>
                <dd className="sm:col-span-2">{cellName}</dd>
              </>
            ) : null}
            {claim.note ? (
              <>
                <dt className="text-stone-600">Note</dt>
                <dd className="sm:col-span-2">
                  <Markdown>{claim.note}</Markdown>
                </dd>
              </>
            ) : null}
          </dl>
        </Card>
        <div className="space-y-6">
          {canDecide ? (
            <Card>
              <CardHeader title="Your decision" description={`You approve ${firstName}'s claims as ${relationship === "direct-report" ? "their manager" : "an admin, since they have no manager"}.`} />
              <div className="px-5 py-5">
                <DecisionForm claimId={claim.id} version={claim.version} ownerFirstName={firstName} />
              </div>
            </Card>
          ) : null}
          {actions.includes("reimburse") ? (
            <Card>
              <CardHeader title="Reimbursement" description={`Mark it reimbursed once ${firstName} has been paid.`} />
              <div className="px-5 py-5">
                <TransitionButton claimId={claim.id} version={claim.version} action="reimburse" label="Mark reimbursed" variant="primary" />
              </div>
            </Card>
          ) : null}
          {actions.includes("withdraw") ? (
            <Card>
              <CardHeader title="Changed your mind?" description={`Withdrawing gives the money back to your balance${claim.receiptId ? " and deletes the receipt file" : ""}.`} />
              <div className="px-5 py-5">
                <TransitionButton claimId={claim.id} version={claim.version} action="withdraw" label="Withdraw claim" />
              </div>
            </Card>
          ) : null}
          <Card>
            <CardHeader id="history" title="History" description={claim.status === "pending" ? `Waiting on ${approverLabel}.` : undefined} />
            <div className="px-5 py-4">
              <ClaimHistory events={events} />
            </div>
          </Card>
        </div>
      </div>
    </>
  );
}
