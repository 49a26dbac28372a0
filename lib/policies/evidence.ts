import { isAdmin, type PolicyViewer, type Relationship } from "./core";

/* The evidence log is the person's own: they write it; their managers (the whole chain above) and admins read it. */
export function canReadEvidence(viewer: PolicyViewer, relationship: Relationship): boolean {
  return relationship === "self" || relationship === "direct-report" || relationship === "indirect-report" || isAdmin(viewer);
}

export function canWriteEvidence(_viewer: PolicyViewer, relationship: Relationship): boolean {
  return relationship === "self";
}

export const EVIDENCE_AUDIENCE = "You, your managers and admins";
