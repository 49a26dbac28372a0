import type { NextRequest } from "next/server";
import { currentSession } from "@/lib/auth/viewer";
import { calibrationCsv } from "@/lib/dal/review-team";
import { NotFoundError } from "@/lib/errors";
import { logRefusal } from "@/lib/log";

/* GET /reviews/calibration/export: the calibration grid as CSV, with the page's filters. Managers (their org) and admins. */
export async function GET(request: NextRequest) {
  const session = await currentSession();
  const notFound = () => new Response("Not found", { status: 404 });
  if (!session) return notFound();
  const param = (name: string) => request.nextUrl.searchParams.get(name)?.slice(0, 200) || undefined;
  try {
    const { filename, body } = calibrationCsv(session.viewer, { cycleId: param("cycle"), team: param("team"), levelKey: param("level"), managerId: param("manager") });
    return new Response("\uFEFF" + body, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="${filename}"`,
        "Cache-Control": "private, no-store",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch (error) {
    if (error instanceof NotFoundError) {
      logRefusal(error, session.viewer.id);
      return notFound();
    }
    throw error;
  }
}
