import { formatMoney } from "@/lib/stipend/money";

/* Money in tables and summaries: right-aligned by its cell, digits in even columns. */
export function Money({ minor, currency, className = "" }: { minor: number; currency: string; className?: string }) {
  return <span className={`tabular-nums ${className}`}>{formatMoney(minor, currency)}</span>;
}
