import { currentSession } from "@/lib/auth/viewer";
import { exportFramework } from "@/lib/dal/framework-document";

/* GET /framework/export?version=N: the version as a JSON file in the documented format (docs/framework-format.md). */
export async function GET(request: Request) {
  const session = await currentSession();
  const notFound = () => Response.json({ error: "Not found" }, { status: 404 });
  if (!session) return notFound();
  const version = new URL(request.url).searchParams.get("version") ?? "";
  if (!/^\d{1,6}$/.test(version)) return notFound();
  const doc = exportFramework(session.viewer, Number(version));
  if (!doc) return notFound();
  return new Response(JSON.stringify(doc, null, 2) + "\n", {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Content-Disposition": `attachment; filename="trellis-framework-v${version}.json"`,
      "Cache-Control": "private, no-store",
    },
  });
}
