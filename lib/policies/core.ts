import type { Role } from "@/lib/domain/enums";

/*
 * Pure access rules: "may this viewer do X to this record". The data-access
 * layer works out the facts (who the viewer is, how they relate to the
 * record's owner) and asks these functions; nothing here touches the database.
 * One module per feature; this one holds what they share.
 */
export type PolicyViewer = { id: string; role: Role };

/* How the viewer stands to the person who owns a record. */
export type Relationship = "self" | "direct-report" | "indirect-report" | "none";

export const isAdmin = (viewer: PolicyViewer) => viewer.role === "admin";

/* Own records; managers see their whole org below them; admins see everyone. */
export function canSeeRecordsOf(viewer: PolicyViewer, relationship: Relationship): boolean {
  return isAdmin(viewer) || relationship !== "none";
}

/* Managers write (reviews, approvals) only for their direct reports. */
export function canActAsManagerOf(_viewer: PolicyViewer, relationship: Relationship): boolean {
  return relationship === "direct-report";
}
