import { progressSegments, type BalanceSummary as Summary } from "@/lib/stipend/balance";
import { formatMoney } from "@/lib/stipend/money";
import { Money } from "./money";

/* Allowance, what is held by status, and what is left, with a bar split the same way. */
export function BalanceSummary({ summary, currency, year, prorated }: { summary: Summary; currency: string; year: number; prorated: boolean }) {
  const bar = progressSegments(summary);
  const figures = [
    { label: "Allowance", minor: summary.allowanceMinor, note: prorated ? "Prorated from your start date" : `For ${year}` },
    { label: "Pending", minor: summary.pendingMinor, swatch: "bg-amber-400" },
    { label: "Approved", minor: summary.approvedMinor, swatch: "bg-sky-600" },
    { label: "Reimbursed", minor: summary.reimbursedMinor, swatch: "bg-brand-600" },
    { label: "Remaining", minor: summary.remainingMinor, strong: true },
  ];
  const used = summary.allowanceMinor - summary.remainingMinor;
  return (
    <div className="px-5 py-5">
      <dl className="grid grid-cols-2 gap-4 sm:grid-cols-5">
        {figures.map((f) => (
          <div key={f.label}>
            <dt className="flex items-center gap-1.5 text-xs font-medium uppercase tracking-wide text-stone-600">
              {f.swatch ? <span aria-hidden="true" className={`inline-block size-2.5 rounded-sm ${f.swatch}`} /> : null}
              {f.label}
            </dt>
            <dd className="mt-1">
              <span className={`block ${f.strong ? "text-2xl font-semibold text-brand-800" : "text-xl font-medium text-stone-900"}`} data-testid={`balance-${f.label.toLowerCase()}`}>
                <Money minor={f.minor} currency={currency} />
              </span>
              {f.note ? <span className="block text-xs text-stone-600">{f.note}</span> : null}
            </dd>
          </div>
        ))}
      </dl>
      <div
        role="img"
        aria-label={`${formatMoney(Math.max(0, used), currency)} of ${formatMoney(summary.allowanceMinor, currency)} used or held; ${formatMoney(summary.remainingMinor, currency)} remaining`}
        className="mt-5 flex h-3 overflow-hidden rounded-full bg-stone-200"
      >
        <span className="bg-brand-600" style={{ width: `${bar.reimbursed}%` }} />
        <span className="bg-sky-600" style={{ width: `${bar.approved}%` }} />
        <span className="bg-amber-400" style={{ width: `${bar.pending}%` }} />
      </div>
      {summary.overMinor > 0 ? (
        <p className="mt-3 text-sm font-medium text-red-800">{formatMoney(summary.overMinor, currency)} over the allowance through flagged exceptions.</p>
      ) : null}
    </div>
  );
}
