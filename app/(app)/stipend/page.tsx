import type { Metadata } from "next";
import Link from "next/link";
import { ButtonLink } from "@/components/ui/button";
import { DataTable, TableHead } from "@/components/ui/table";
import { Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { FormMessage } from "@/components/ui/field";
import { requireViewer } from "@/lib/auth/viewer";
import { getStipendYear } from "@/lib/dal/stipend-claims";
import { listStipendYears } from "@/lib/dal/stipend-years";
import { orgYear } from "@/lib/dal/org-settings";
import { formatDate } from "@/lib/format";
import { BalanceSummary } from "./_components/balance-summary";
import { ClaimHistory } from "./_components/claim-history";
import { Money } from "./_components/money";
import { OverBalanceBadge, StatusBadge } from "./_components/status-badge";
import { TransitionButton } from "./_components/transition-form";
import { YearSwitcher, yearFrom } from "./_components/year-switcher";

export const metadata: Metadata = { title: "My stipend" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function StipendPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const params = await searchParams;
  const currentYear = orgYear();
  const year = yearFrom(params.year, currentYear);
  const { settings, summary, prorated, claims } = getStipendYear(viewer, viewer.id, year);
  const years = listStipendYears(viewer, currentYear);
  const newClaim = (
    <ButtonLink href="/stipend/new" className="no-print">
      New claim
    </ButtonLink>
  );

  return (
    <>
      <PageHeader
        title="My education stipend"
        description="Books, courses, conferences, webinars and coaching. Visible to you, your managers and admins."
        actions={
          <>
            {viewer.hasReports ? (
              <ButtonLink href="/stipend/team" variant="secondary">
                Team claims
              </ButtonLink>
            ) : null}
            {newClaim}
          </>
        }
      />
      {params.filed ? <div className="mb-4"><FormMessage tone="success" message="Claim filed. Your manager has been asked to approve it." /></div> : null}
      <div className="mb-4">
        <YearSwitcher years={years} current={year} hrefFor={(y) => `/stipend?year=${y}`} />
      </div>
      <div className="space-y-6">
        <Card>
          <CardHeader id="balance" title={`${year} balance`} description={`Remaining is the allowance minus pending, approved and reimbursed claims, in ${settings.currency}.`} />
          <BalanceSummary summary={summary} currency={settings.currency} year={year} prorated={prorated} />
        </Card>
        <Card>
          <CardHeader id="claims" title="Claims" description={claims.length ? `${claims.length} claim${claims.length === 1 ? "" : "s"} in ${year}` : undefined} />
          {claims.length === 0 ? (
            <EmptyState title={`No claims yet in ${year}`} action={year >= currentYear - 1 ? newClaim : undefined}>
              Bought a book or booked a course? File it here with the receipt and your manager approves it.
            </EmptyState>
          ) : (
            <DataTable caption={`Your stipend claims in ${year}`}>
                <TableHead columns={["Purchased", "Item", "Category", { label: "Charged", align: "right" }, "Status", { label: <span className="sr-only">Actions</span>, align: "right", key: "actions" }]} />
                <tbody className="divide-y divide-stone-200">
                  {claims.map((c) => (
                    <tr key={c.id} className="align-top">
                      <td className="whitespace-nowrap px-5 py-3 text-stone-700">{formatDate(c.purchaseDate)}</td>
                      <td className="px-3 py-3">
                        <Link href={`/stipend/claims/${c.id}`} className="font-medium text-brand-700 hover:underline">
                          {c.item}
                        </Link>
                        <p className="text-xs text-stone-600">{c.vendor}</p>
                        <details className="mt-1">
                          <summary className="cursor-pointer text-xs font-medium text-stone-700 hover:text-stone-900">History</summary>
                          <div className="mt-2">
                            <ClaimHistory events={c.events} />
                          </div>
                        </details>
                      </td>
                      <td className="px-3 py-3 text-stone-700">{c.category}</td>
                      <td className="whitespace-nowrap px-3 py-3 text-right">
                        <Money minor={c.amountChargedMinor} currency={settings.currency} />
                        {c.currencyPaid !== settings.currency ? (
                          <p className="text-xs text-stone-600">
                            paid <Money minor={c.amountPaidMinor} currency={c.currencyPaid} />
                          </p>
                        ) : null}
                      </td>
                      <td className="px-3 py-3">
                        <div className="flex flex-col items-start gap-1">
                          <StatusBadge status={c.status} />
                          {c.overBalance ? <OverBalanceBadge /> : null}
                          {c.decisionReason && c.status === "rejected" ? <p className="max-w-xs text-xs text-stone-700">“{c.decisionReason}”</p> : null}
                        </div>
                      </td>
                      <td className="px-5 py-3 text-right">
                        {c.actions.includes("withdraw") ? <TransitionButton claimId={c.id} version={c.version} action="withdraw" label="Withdraw" /> : null}
                      </td>
                    </tr>
                  ))}
                </tbody>
            </DataTable>
          )}
        </Card>
        <p className="text-xs text-stone-600">
          {year}: categories {settings.categories.join(", ")}. Claims over the remaining balance are {settings.overBalance === "refuse" ? "refused" : "flagged for an exception"}.
          {settings.prorateNewStarters ? " People who start during the year get the allowance for the months left, counting their start month." : ""}
        </p>
      </div>
    </>
  );
}
