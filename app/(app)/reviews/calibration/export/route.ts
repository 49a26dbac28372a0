import type { NextRequest } from "next/server";
import { calibrationCsv } from "@/lib/dal/review-team";
import { csvDownload, routeAs } from "@/lib/page-guards";

/* GET /reviews/calibration/export: the calibration grid as CSV, with the page's filters. Managers (their org) and admins. */
export function GET(request: NextRequest) {
  const param = (name: string) => request.nextUrl.searchParams.get(name)?.slice(0, 200) || undefined;
  return routeAs((viewer) => {
    const { filename, body } = calibrationCsv(viewer, { cycleId: param("cycle"), team: param("team"), levelKey: param("level"), managerId: param("manager") });
    return csvDownload(filename, body);
  });
}
