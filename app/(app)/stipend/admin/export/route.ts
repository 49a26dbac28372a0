import { currentSession } from "@/lib/auth/viewer";
import { toCsv } from "@/lib/csv";
import { getStipendReport } from "@/lib/dal/stipend-reports";
import { NotFoundError } from "@/lib/errors";
import { logRefusal } from "@/lib/log";
import { STATUS_LABELS } from "@/lib/stipend/claim-rules";
import { minorToDecimal } from "@/lib/stipend/money";

/* GET /stipend/admin/export?year=YYYY: every claim of the year, one row each, for a spreadsheet. Admins only. */
export async function GET(request: Request) {
  const notFound = () => new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  const session = await currentSession();
  if (!session) return notFound();
  const year = new URL(request.url).searchParams.get("year") ?? "";
  if (!/^\d{4}$/.test(year)) return notFound();
  let report;
  try {
    report = getStipendReport(session.viewer, Number(year));
  } catch (error) {
    if (error instanceof NotFoundError) {
      logRefusal(error, session.viewer.id);
      return notFound();
    }
    throw error;
  }
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
  // The byte-order mark tells spreadsheet apps the file is UTF-8, so names with accents open intact.
  return new Response("\uFEFF" + toCsv(rows), {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": `attachment; filename="trellis-stipend-${year}.csv"`,
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
