import "server-only";
import { and, asc, desc, eq, inArray, isNull, or, sql } from "drizzle-orm";
import { db } from "@/db";
import { stipendClaims } from "@/db/schema";
import type { ActionItem } from "@/lib/domain/action-item";
import type { Viewer } from "@/lib/domain/viewer";
import { canAdministerStipend } from "@/lib/policies/stipend";
import { formatMoney } from "@/lib/stipend/money";
import { owner, ownerManager } from "./stipend-columns";
import { getYearSettings } from "./stipend-years";

/* Claims seen from above: what waits on a manager or admin ("Needs my action" and the approvals page), and the team view. */
const listColumns = {
  id: stipendClaims.id,
  personId: stipendClaims.personId,
  personName: owner.name,
  team: owner.team,
  year: stipendClaims.year,
  purchaseDate: stipendClaims.purchaseDate,
  item: stipendClaims.item,
  category: stipendClaims.category,
  amountChargedMinor: stipendClaims.amountChargedMinor,
  status: stipendClaims.status,
  overBalance: stipendClaims.overBalance,
  createdAt: stipendClaims.createdAt,
};

/* Claims waiting on this viewer: their direct reports' pending claims; for admins also the managerless' and those to reimburse. */
export function listClaimsAwaitingMe(viewer: Viewer) {
  const managerless = or(isNull(owner.managerId), eq(ownerManager.active, false));
  // For a manager, unary + keeps the status index out of the plan, so SQLite starts from their reports rather than every pending claim in the org.
  const pending = canAdministerStipend(viewer) ? eq(stipendClaims.status, "pending") : sql`+${stipendClaims.status} = 'pending'`;
  const toDecide = db()
    .select(listColumns)
    .from(stipendClaims)
    .innerJoin(owner, eq(owner.id, stipendClaims.personId))
    .leftJoin(ownerManager, eq(ownerManager.id, owner.managerId))
    .where(
      and(
        pending,
        sql`${stipendClaims.personId} <> ${viewer.id}`,
        canAdministerStipend(viewer) ? or(eq(owner.managerId, viewer.id), managerless) : eq(owner.managerId, viewer.id),
      ),
    )
    .orderBy(asc(stipendClaims.createdAt))
    .all();
  const toReimburse = canAdministerStipend(viewer)
    ? db()
        .select(listColumns)
        .from(stipendClaims)
        .innerJoin(owner, eq(owner.id, stipendClaims.personId))
        .where(and(eq(stipendClaims.status, "approved"), sql`${stipendClaims.personId} <> ${viewer.id}`))
        .orderBy(asc(stipendClaims.createdAt))
        .all()
    : [];
  const currencies = yearCurrencies([...toDecide, ...toReimburse].map((c) => c.year));
  const withCurrency = <T extends { year: number }>(c: T) => ({ ...c, currency: currencies.get(c.year)! });
  return { toDecide: toDecide.map(withCurrency), toReimburse: toReimburse.map(withCurrency) };
}

function yearCurrencies(years: number[]) {
  return new Map([...new Set(years)].map((y) => [y, getYearSettings(y).currency]));
}

export function stipendActionItems(viewer: Viewer): ActionItem[] {
  const { toDecide, toReimburse } = listClaimsAwaitingMe(viewer);
  return [
    ...toDecide.map((c) => ({
      id: `stipend-decide-${c.id}`,
      kind: "Stipend claim",
      title: `Approve or reject ${c.personName}'s claim: ${c.item}`,
      detail: `${formatMoney(c.amountChargedMinor, c.currency)} · ${c.category}${c.overBalance ? " · over balance" : ""}`,
      href: `/stipend/claims/${c.id}`,
      cta: "Review claim",
      dueAt: c.createdAt,
    })),
    ...toReimburse.map((c) => ({
      id: `stipend-reimburse-${c.id}`,
      kind: "Reimbursement",
      title: `Reimburse ${c.personName}: ${c.item}`,
      detail: `${formatMoney(c.amountChargedMinor, c.currency)} approved · ${c.category}`,
      href: `/stipend/claims/${c.id}`,
      cta: "Mark reimbursed",
      dueAt: c.createdAt,
    })),
  ];
}

/* Everyone below the viewer in the reporting line; for admins, everyone. */
function orgPersonIds(viewer: Viewer): string[] | "all" {
  if (canAdministerStipend(viewer)) return "all";
  const rows = db().all<{ id: string }>(sql`
    with recursive org(id, depth) as (
      select id, 1 from people where manager_id = ${viewer.id}
      union all
      select p.id, org.depth + 1 from people p join org on p.manager_id = org.id where org.depth < 64
    )
    select id from org`);
  return rows.map((r) => r.id);
}

/* Read-only list of the viewer's org's claims for a year (managers: their whole org; admins: everyone). */
export function listTeamClaims(viewer: Viewer, year: number) {
  const ids = orgPersonIds(viewer);
  if (ids !== "all" && ids.length === 0) return { claims: [], currency: getYearSettings(year).currency, hasOrg: false };
  const claims = db()
    .select(listColumns)
    .from(stipendClaims)
    .innerJoin(owner, eq(owner.id, stipendClaims.personId))
    .where(and(eq(stipendClaims.year, year), ids === "all" ? undefined : inArray(stipendClaims.personId, ids)))
    .orderBy(asc(owner.name), desc(stipendClaims.purchaseDate))
    .all();
  return { claims, currency: getYearSettings(year).currency, hasOrg: true };
}
