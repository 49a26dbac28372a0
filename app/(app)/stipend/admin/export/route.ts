import { toCsv } from "@/lib/csv";
import { getStipendReport } from "@/lib/dal/stipend-reports";
import { NotFoundError } from "@/lib/errors";
import { csvDownload, routeAs } from "@/lib/page-guards";
import { STATUS_LABELS } from "@/lib/stipend/claim-rules";
import { minorToDecimal } from "@/lib/stipend/money";

/* GET /stipend/admin/export?year=YYYY: every claim of the year, one row each, for a spreadsheet. Admins only. */
export function GET(request: Request) {
  const year = new URL(request.url).searchParams.get("year") ?? "";
  return routeAs((viewer) => {
    if (!/^\d{4}$/.test(year)) throw new NotFoundError("stipend report");
    const report = getStipendReport(viewer, Number(year));
    const currency = report.settings.currency;
    const rows = [
      ["Claim", "Person", "Email", "Team", "Purchase date", "Item", "Vendor", "Category", "Amount paid", "Currency paid", `Charged (${currency})`, "Status", "Over balance", "Decided by", "Reason", "Reimbursed on"],
      ...report.claims.map((c) => [
        c.id,
        c.personName,
        c.email,
        c.team,
        c.purchaseDate,
        c.item,
        c.vendor,
        c.category,
        minorToDecimal(c.amountPaidMinor, c.currencyPaid),
        c.currencyPaid,
        minorToDecimal(c.amountChargedMinor, currency),
        STATUS_LABELS[c.status],
        c.overBalance ? "yes" : "no",
        c.decidedByName,
        c.decisionReason,
        c.reimbursedAt ? c.reimbursedAt.toISOString().slice(0, 10) : null,
      ]),
    ];
    return csvDownload(`trellis-stipend-${year}.csv`, toCsv(rows));
  });
}
