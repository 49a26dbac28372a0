import type { Metadata } from "next";
import { Card, CardHeader, EmptyState, PageHeader } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { listTeamClaims } from "@/lib/dal/stipend-approvals";
import { orgYear } from "@/lib/dal/org-settings";
import { yearsAround } from "@/lib/domain/org-time";
import { ClaimsTable } from "../_components/claims-table";
import { YearSwitcher, yearFrom } from "../_components/year-switcher";
import { isAdmin } from "@/lib/policies/core";

export const metadata: Metadata = { title: "Team stipend claims" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function TeamClaimsPage({ searchParams }: Props) {
  const viewer = await requireViewer();
  const currentYear = orgYear();
  const year = yearFrom((await searchParams).year, currentYear);
  const { claims, currency, hasOrg } = listTeamClaims(viewer, year);
  return (
    <>
      <PageHeader
        title="Team stipend claims"
        description={isAdmin(viewer) ? "Every claim in the organisation. Read-only here: decisions are made on each claim." : "Claims by everyone in your org. You decide only your direct reports' claims."}
      />
      <div className="mb-4">
        <YearSwitcher years={yearsAround(currentYear)} current={year} hrefFor={(y) => `/stipend/team?year=${y}`} />
      </div>
      <Card>
        <CardHeader id="team-claims" title={`${year} claims`} description={claims.length ? `${claims.length} claims` : undefined} />
        {claims.length ? (
          <ClaimsTable caption={`Stipend claims in your org, ${year}`} claims={claims} currencyFor={() => currency} />
        ) : (
          <EmptyState title={hasOrg ? `No claims in ${year}` : "Nobody reports to you"}>{hasOrg ? "Claims filed by people in your org appear here." : "Claims of the people you manage appear here."}</EmptyState>
        )}
      </Card>
    </>
  );
}
