import type { FrameworkVersionStatus } from "@/lib/domain/enums";
import { isAdmin, type PolicyViewer } from "./core";

/* Published framework versions are for everyone signed in; drafts are the admins' workbench. */
export function canViewFrameworkVersion(viewer: PolicyViewer, version: { status: FrameworkVersionStatus }): boolean {
  return version.status === "published" || isAdmin(viewer);
}
