import "server-only";
import { notFound } from "next/navigation";
import type { Viewer } from "@/lib/auth/viewer";
import { requireViewerWho } from "@/lib/page-guards";
import { canUseFrameworkEditor } from "@/lib/policies/framework";

/*
 * Every draft page starts here: an admin (everyone else gets the 404 page)
 * and a well-formed version number. The DAL then checks that the version is
 * a draft the viewer may edit.
 */
export async function draftPageViewer(params: Promise<{ version: string }>): Promise<{ viewer: Viewer; number: number }> {
  const viewer = await requireViewerWho(canUseFrameworkEditor, "framework editor");
  const value = (await params).version;
  if (!/^\d{1,6}$/.test(value)) notFound();
  return { viewer, number: Number(value) };
}
