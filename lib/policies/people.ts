import { canSeeRecordsOf, isAdmin, type PolicyViewer, type Relationship } from "./core";

/* A person's profile: themselves, their managers up the line, admins. */
export const canViewPerson = canSeeRecordsOf;

export function canAdministerPeople(viewer: PolicyViewer): boolean {
  return isAdmin(viewer);
}

export function canViewAuditLog(viewer: PolicyViewer): boolean {
  return isAdmin(viewer);
}

/* A person's sessions: their own, or any person's for an admin. */
export function canEndSessionsOf(viewer: PolicyViewer, relationship: Relationship): boolean {
  return relationship === "self" || isAdmin(viewer);
}
