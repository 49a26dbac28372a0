import "server-only";
import { notFound } from "next/navigation";
import { getFrameworkStructure } from "@/lib/dal/framework";
import type { Viewer } from "@/lib/domain/viewer";
import { parseVersion } from "@/lib/framework/urls";

/*
 * The framework version a page shows: `?version=N`, or the latest published.
 * A malformed, missing or forbidden version is a 404. `version` is null when
 * the URL did not pin one, so links keep following the latest.
 */
export function loadStructure(viewer: Viewer, versionValue: string | string[] | undefined) {
  const versionParam = parseVersion(versionValue);
  if (versionParam === null) notFound();
  const structure = getFrameworkStructure(viewer, versionParam);
  if (!structure) notFound();
  return { structure, version: versionParam === undefined ? null : structure.version.number };
}
