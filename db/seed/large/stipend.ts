import type { ClaimStatus } from "@/lib/domain/enums";
import { defaultYearSettings } from "@/lib/stipend/balance";
import { inserter, type SeedContext } from "./context";
import { LARGE_ACCOUNTS } from "./org";
import { at, addDays } from "./random";

/*
 * Stipend claims over several years: each year's settings row, claims in
 * every state (pending only in the current year), decided by the person's
 * manager (or an admin for the managerless), each with its history. Receipts
 * are links, so no files are written. No one's claims go over the allowance.
 */
const ITEMS: [string, string, string, number, number][] = [
  ["Books", "O'Reilly", "Designing Data-Intensive Applications", 3000, 6000],
  ["Books", "Bookshop", "Staff Engineer", 2500, 4500],
  ["Courses", "Frontend Masters", "Advanced TypeScript", 20000, 45000],
  ["Courses", "Egghead", "Kubernetes fundamentals", 8000, 25000],
  ["Conferences", "PlatformCon", "Conference ticket", 30000, 90000],
  ["Webinars", "Honeycomb", "Observability webinar", 1500, 5000],
  ["Coaching", "Coach & Co", "Career coaching", 20000, 60000],
];

export function seedStipend(ctx: SeedContext, years: number) {
  const { rng, today, people } = ctx;
  const admin = ctx.byEmail.get(LARGE_ACCOUNTS.admin)!;
  const currentYear = Number(today.slice(0, 4));
  const setting = inserter(ctx, "stipend_policies", ["year", "allowance_minor", "currency", "categories", "over_balance", "prorate_new_starters", "version", "updated_by_id", "updated_at"]);
  const claim = inserter(ctx, "stipend_claims", ["id", "person_id", "year", "purchase_date", "item", "vendor", "category", "amount_paid_minor", "currency_paid", "amount_charged_minor", "receipt_url", "note", "competency_key", "theme_key", "status", "over_balance", "decided_by_id", "decided_at", "decision_reason", "reimbursed_by_id", "reimbursed_at", "version", "created_at", "updated_at"]);
  const event = inserter(ctx, "stipend_claim_events", ["claim_id", "at", "actor_id", "from_status", "to_status", "reason"]);

  for (let year = currentYear - years + 1; year <= currentYear; year++) {
    const settings = defaultYearSettings(year);
    setting(year, settings.allowanceMinor, settings.currency, JSON.stringify(settings.categories), settings.overBalance, settings.prorateNewStarters ? 1 : 0, 1, admin.id, at(`${year}-01-01`));
    const current = year === currentYear;
    const lastDay = current ? today : `${year}-12-31`;
    for (const p of people) {
      const from = p.startDate > `${year}-01-01` ? p.startDate : `${year}-01-01`;
      if (from > lastDay) continue;
      const span = Math.round((Date.parse(lastDay) - Date.parse(from)) / 86_400_000);
      const special = current && p.email === LARGE_ACCOUNTS.engineer;
      const n = special ? 5 : Number(rng.weighted({ 0: 3, 1: 3, 2: 3, 3: 2, 4: 1 }));
      let held = 0;
      for (let i = 0; i < n; i++) {
        const [category, vendor, item, min, max] = rng.pick(ITEMS);
        const amount = rng.int(min, max);
        const status: ClaimStatus = special
          ? (["reimbursed", "approved", "rejected", "withdrawn", "pending"] as const)[i]!
          : current
            ? rng.weighted({ pending: 25, approved: 25, reimbursed: 30, rejected: 10, withdrawn: 10 })
            : rng.weighted({ reimbursed: 70, approved: 5, rejected: 13, withdrawn: 12 });
        const holds = status === "pending" || status === "approved" || status === "reimbursed";
        if (holds && held + amount > settings.allowanceMinor) continue;
        // A decided claim was bought at least a fortnight before today, so every step happened in the past.
        const settled = status !== "pending" && current ? 15 : 0;
        if (span < settled) continue;
        if (holds) held += amount;
        const bought = addDays(from, rng.int(0, span - settled));
        const filed = at(bought, 12);
        const decider = p.managerIndex !== null && people[p.managerIndex]!.active ? people[p.managerIndex]! : admin;
        const decided = status === "approved" || status === "rejected" || status === "reimbursed";
        const decidedAt = filed + rng.int(1, 5) * 86_400_000;
        const reimbursedAt = decidedAt + rng.int(2, 10) * 86_400_000;
        const cell = rng.chance(0.4) ? rng.pick(ctx.cellKeys) : null;
        const reason = status === "rejected" ? "Not covered by the stipend; ask your manager about the team budget." : decided ? "" : null;
        const id = rng.uuid();
        const version = status === "pending" ? 1 : status === "reimbursed" ? 3 : 2;
        const updated = status === "reimbursed" ? reimbursedAt : decided || status === "withdrawn" ? decidedAt : filed;
        claim(id, p.id, year, bought, item, vendor, category, amount, "USD", amount, `https://receipts.example.com/${id.slice(0, 8)}`, "", cell?.competencyKey ?? null, cell?.themeKey ?? null, status, 0, decided ? decider.id : null, decided ? decidedAt : null, reason, status === "reimbursed" ? admin.id : null, status === "reimbursed" ? reimbursedAt : null, version, filed, updated);
        event(id, filed, p.id, null, "pending", "");
        if (status === "withdrawn") event(id, decidedAt, p.id, "pending", "withdrawn", "");
        if (decided) event(id, decidedAt, decider.id, "pending", status === "rejected" ? "rejected" : "approved", reason ?? "");
        if (status === "reimbursed") event(id, reimbursedAt, admin.id, "approved", "reimbursed", "");
      }
    }
  }
}
