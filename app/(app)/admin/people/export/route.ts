import { currentSession } from "@/lib/auth/viewer";
import { toCsv } from "@/lib/csv";
import { exportPeopleRows } from "@/lib/dal/people-csv";
import { NotFoundError } from "@/lib/errors";
import { logRefusal } from "@/lib/log";
import { orgToday } from "@/lib/dal/org-settings";

/* GET /admin/people/export: everyone as CSV, in the import's columns, formula-safe. Admins only. */
export async function GET() {
  const session = await currentSession();
  const notFound = () => new Response("Not found", { status: 404 });
  if (!session) return notFound();
  try {
    const csv = toCsv(exportPeopleRows(session.viewer));
    return new Response("\uFEFF" + csv, {
      headers: {
        "Content-Type": "text/csv; charset=utf-8",
        "Content-Disposition": `attachment; filename="trellis-people-${orgToday()}.csv"`,
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
