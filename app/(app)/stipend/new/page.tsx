import type { Metadata } from "next";
import { Card, PageHeader } from "@/components/ui/card";
import { requireViewer } from "@/lib/auth/viewer";
import { getFrameworkStructure } from "@/lib/dal/framework";
import { getStipendYear } from "@/lib/dal/stipend-claims";
import { getYearSettings } from "@/lib/dal/stipend-years";
import { orgToday } from "@/lib/dal/org-settings";
import { COMMON_CURRENCIES, formatMoney } from "@/lib/stipend/money";
import { ClaimForm } from "./claim-form";
import { cellId } from "@/lib/domain/cell-ref";
import { yearOf } from "@/lib/domain/org-time";

export const metadata: Metadata = { title: "New stipend claim" };

export default async function NewClaimPage() {
  const viewer = await requireViewer();
  const today = orgToday();
  const year = yearOf(today);
  const settings = getYearSettings(year);
  const { summary } = getStipendYear(viewer, viewer.id, year);
  const structure = getFrameworkStructure(viewer);
  const cells = structure
    ? structure.competencies.flatMap((c) => structure.themes.map((t) => ({ value: cellId({ competencyKey: c.key, themeKey: t.key }), label: `${c.name} · ${t.name}`, group: c.name })))
    : [];
  // Purchases from last year can still be claimed, under last year's settings.
  const lastYear = getYearSettings(year - 1);
  const yearSettings = {
    [year]: { currency: settings.currency, categories: settings.categories },
    [year - 1]: { currency: lastYear.currency, categories: lastYear.categories },
  };
  const currencies = [...new Set([settings.currency, lastYear.currency, ...COMMON_CURRENCIES])];
  return (
    <>
      <PageHeader
        title="New stipend claim"
        description={`You have ${formatMoney(summary.remainingMinor, settings.currency)} left for ${year}. Your manager approves the claim; an admin then reimburses you.`}
      />
      <Card className="max-w-3xl">
        <div className="px-5 py-6">
          <ClaimForm today={today} yearSettings={yearSettings} currencies={currencies} cells={cells} />
        </div>
      </Card>
    </>
  );
}
