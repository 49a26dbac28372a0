import type { FrameworkVersionStatus } from "@/lib/domain/enums";
import { isAdmin, type PolicyViewer } from "./core";

/* Published framework versions are for everyone signed in; drafts are the admins' workbench. */
export function canViewFrameworkVersion(viewer: PolicyViewer, version: { status: FrameworkVersionStatus }): boolean {
  return version.status === "published" || isAdmin(viewer);
}

/* Starting, editing, importing, publishing and discarding drafts: admins only, and only while the version is a draft. */
export function canEditFrameworkVersion(viewer: PolicyViewer, version: { status: FrameworkVersionStatus }): boolean {
  return isAdmin(viewer) && version.status === "draft";
}

/* The editor's pages and the actions that make a new draft (start one, import a file). */
export function canUseFrameworkEditor(viewer: PolicyViewer): boolean {
  return isAdmin(viewer);
}
