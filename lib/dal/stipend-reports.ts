import "server-only";
import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db } from "@/db";
import { people, stipendClaims } from "@/db/schema";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { canAdministerStipend } from "@/lib/policies/stipend";
import { allowanceFor } from "@/lib/stipend/balance";
import { claimColumns, owner } from "./stipend-columns";
import { getYearSettings } from "./stipend-years";

/* Every claim of a year with who it belongs to, for the report and its CSV. */
export function getStipendReport(viewer: Viewer, year: number) {
  if (!canAdministerStipend(viewer)) throw new NotFoundError("stipend report");
  const settings = getYearSettings(year);
  const decider = alias(people, "decider");
  const claims = db()
    .select({
      ...claimColumns,
      personName: owner.name,
      email: owner.email,
      team: owner.team,
      startDate: owner.startDate,
      decidedByName: decider.name,
      reimbursedAt: stipendClaims.reimbursedAt,
    })
    .from(stipendClaims)
    .innerJoin(owner, eq(owner.id, stipendClaims.personId))
    .leftJoin(decider, eq(decider.id, stipendClaims.decidedById))
    .where(eq(stipendClaims.year, year))
    .orderBy(asc(owner.team), asc(owner.name), asc(stipendClaims.purchaseDate))
    .all();

  type Totals = { pendingMinor: number; approvedMinor: number; reimbursedMinor: number; claims: number };
  const empty = (): Totals => ({ pendingMinor: 0, approvedMinor: 0, reimbursedMinor: 0, claims: 0 });
  const add = (t: Totals, c: (typeof claims)[number]) => {
    if (c.status === "pending") t.pendingMinor += c.amountChargedMinor;
    else if (c.status === "approved") t.approvedMinor += c.amountChargedMinor;
    else if (c.status === "reimbursed") t.reimbursedMinor += c.amountChargedMinor;
    else return;
    t.claims += 1;
  };
  const byPerson = new Map<string, Totals & { personId: string; name: string; team: string; allowanceMinor: number }>();
  const byTeam = new Map<string, Totals>();
  const byCategory = new Map<string, Totals>();
  for (const c of claims) {
    if (!byPerson.has(c.personId)) byPerson.set(c.personId, { ...empty(), personId: c.personId, name: c.personName, team: c.team, allowanceMinor: allowanceFor(settings, c.startDate) });
    if (!byTeam.has(c.team)) byTeam.set(c.team, empty());
    if (!byCategory.has(c.category)) byCategory.set(c.category, empty());
    add(byPerson.get(c.personId)!, c);
    add(byTeam.get(c.team)!, c);
    add(byCategory.get(c.category)!, c);
  }
  const sorted = <T>(m: Map<string, T>) => [...m.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([key, v]) => ({ key, ...v }));
  const total = empty();
  for (const c of claims) add(total, c);
  return { settings, claims, byPerson: [...byPerson.values()].sort((a, b) => a.name.localeCompare(b.name)), byTeam: sorted(byTeam), byCategory: sorted(byCategory), total };
}
