import { DataTable, TableHead } from "@/components/ui/table";
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { after } from "next/server";
import { Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { getStipendReport } from "@/lib/dal/stipend-reports";
import { getYearSettings } from "@/lib/dal/stipend-years";
import { getReceiptRetention, purgeExpiredReceiptsIfDue } from "@/lib/dal/stipend-receipts";
import { canAdministerStipend } from "@/lib/policies/stipend";
import { orgYear } from "@/lib/dal/org-settings";
import { yearsAround } from "@/lib/domain/org-time";
import { COMMON_CURRENCIES, minorToDecimal } from "@/lib/stipend/money";
import { Money } from "../_components/money";
import { YearSwitcher, yearFrom } from "../_components/year-switcher";
import { YearSettingsForm } from "./year-settings-form";
import { RetentionForm } from "./retention-form";

export const metadata: Metadata = { title: "Stipend admin" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };
/* `key` identifies the row (a person id, team or category); `label` is shown when it differs. */
type Totals = { key: string; label?: string; pendingMinor: number; approvedMinor: number; reimbursedMinor: number; claims: number; allowanceMinor?: number; team?: string };

function TotalsTable({ caption, heading, rows, currency, showAllowance = false }: { caption: string; heading: string; rows: Totals[]; currency: string; showAllowance?: boolean }) {
  return (
    <DataTable caption={caption}>
        <TableHead
          columns={[
            heading,
            ...(showAllowance ? [{ label: "Allowance", align: "right" as const }] : []),
            { label: "Pending", align: "right" },
            { label: "Approved", align: "right" },
            { label: "Reimbursed", align: "right" },
            { label: "Spend", align: "right" },
          ]}
        />
        <tbody className="divide-y divide-stone-200">
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row" className="px-5 py-2.5 text-left font-medium text-stone-900">
                {r.label ?? r.key}
                {r.team ? <span className="block text-xs font-normal text-stone-600">{r.team}</span> : null}
              </th>
              {showAllowance ? <td className="px-3 py-2.5 text-right"><Money minor={r.allowanceMinor ?? 0} currency={currency} /></td> : null}
              <td className="px-3 py-2.5 text-right"><Money minor={r.pendingMinor} currency={currency} /></td>
              <td className="px-3 py-2.5 text-right"><Money minor={r.approvedMinor} currency={currency} /></td>
              <td className="px-3 py-2.5 text-right"><Money minor={r.reimbursedMinor} currency={currency} /></td>
              <td className="px-5 py-2.5 text-right font-medium"><Money minor={r.approvedMinor + r.reimbursedMinor} currency={currency} /></td>
            </tr>
          ))}
        </tbody>
    </DataTable>
  );
}

export default async function StipendAdminPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  if (!canAdministerStipend(viewer)) notFound();
  const currentYear = orgYear();
  const year = yearFrom((await searchParams).year, currentYear);
  const settings = getYearSettings(year);
  const report = getStipendReport(viewer, year);
  const { currency } = report.settings;
  const years = yearsAround(currentYear, { ahead: 1, back: 2 });
  const retention = getReceiptRetention(viewer);
  // The retention rule's opportunistic run, after the response and at most hourly.
  after(() => purgeExpiredReceiptsIfDue());

  return (
    <>
      <PageHeader
        title="Stipend admin"
        description="The settings of each calendar year and what was spent. Each year keeps its own settings: changing next year's never moves this year's balances."
        actions={
          <a href={`/stipend/admin/export?year=${year}`} download className="inline-flex items-center rounded-md border border-stone-300 bg-white px-3.5 py-2 text-sm font-medium text-stone-800 hover:bg-stone-100">
            Download {year} CSV
          </a>
        }
      />
      <div className="mb-4">
        <YearSwitcher years={years} current={year} hrefFor={(y) => `/stipend/admin?year=${y}`} />
      </div>
      <div className="grid gap-6 xl:grid-cols-3">
        <div className="min-w-0 space-y-6 xl:col-span-1">
          <Card>
            <CardHeader title={`${year} settings`} description={settings.saved ? "Saved for this year." : "Not saved yet: these are the defaults, written down with the year's first claim."} />
            <div className="px-5 py-5">
              <YearSettingsForm
                key={year}
                year={year}
                version={settings.version}
                hasClaims={report.claims.length > 0}
                currencies={[...new Set([settings.currency, ...COMMON_CURRENCIES])]}
                initial={{ allowance: minorToDecimal(settings.allowanceMinor, settings.currency), currency: settings.currency, categories: settings.categories.join("\n"), overBalance: settings.overBalance, prorateNewStarters: settings.prorateNewStarters ? "on" : undefined }}
              />
            </div>
          </Card>
          <Card>
            <CardHeader title="Receipt retention" description="For every year. Receipts of withdrawn claims are deleted at once; those of rejected claims after this period." />
            <div className="px-5 py-5">
              <RetentionForm days={retention.days} version={retention.version} />
            </div>
          </Card>
        </div>
        <div className="min-w-0 space-y-6 xl:col-span-2">
          <Card>
            <CardHeader
              title={`${year} spend`}
              description={
                <>
                  Spend is approved plus reimbursed. {report.total.claims} claims hold <Money minor={report.total.pendingMinor + report.total.approvedMinor + report.total.reimbursedMinor} currency={currency} />, of which{" "}
                  <Money minor={report.total.reimbursedMinor} currency={currency} /> is reimbursed.
                </>
              }
            />
            {report.claims.length === 0 ? <EmptyState title={`No claims in ${year}`}>Claims appear here as people file them.</EmptyState> : null}
          </Card>
          {report.claims.length ? (
            <>
              <Card>
                <CardHeader id="by-team" title="By team" />
                <TotalsTable caption={`Stipend spend by team, ${year}`} heading="Team" rows={report.byTeam.map((t) => ({ ...t, key: t.key || "No team" }))} currency={currency} />
              </Card>
              <Card>
                <CardHeader id="by-category" title="By category" />
                <TotalsTable caption={`Stipend spend by category, ${year}`} heading="Category" rows={report.byCategory} currency={currency} />
              </Card>
              <Card>
                <CardHeader id="by-person" title="By person" />
                <TotalsTable caption={`Stipend spend by person, ${year}`} heading="Person" rows={report.byPerson.map((p) => ({ ...p, key: p.personId, label: p.name }))} currency={currency} showAllowance />
              </Card>
            </>
          ) : null}
        </div>
      </div>
    </>
  );
}
