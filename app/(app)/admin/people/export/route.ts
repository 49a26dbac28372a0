import { toCsv } from "@/lib/csv";
import { orgToday } from "@/lib/dal/org-settings";
import { exportPeopleRows } from "@/lib/dal/people-csv";
import { csvDownload, routeAs } from "@/lib/page-guards";

/* GET /admin/people/export: everyone as CSV, in the import's columns, formula-safe. Admins only. */
export function GET() {
  return routeAs((viewer) => csvDownload(`trellis-people-${orgToday()}.csv`, toCsv(exportPeopleRows(viewer))));
}
