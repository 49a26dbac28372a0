import { exportMyData } from "@/lib/dal/data-export";
import { orgToday } from "@/lib/dal/org-settings";
import { fileNamePart } from "@/lib/format";
import { fileDownload, routeAs } from "@/lib/page-guards";

/*
 * GET /account/export: the signed-in person's own data as JSON
 * (docs/export-format.md). It takes no person: nobody can ask for anyone
 * else's. Signed out, it answers 404 like every other download.
 */
export function GET() {
  return routeAs((viewer) => fileDownload(`trellis-data-${fileNamePart(viewer.name)}-${orgToday()}.json`, JSON.stringify(exportMyData(viewer), null, 2), "application/json; charset=utf-8"));
}
