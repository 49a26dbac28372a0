import type { CycleStatus, SelfStatus } from "@/lib/domain/enums";
import { isAdmin, type PolicyViewer, type Relationship } from "./core";

/*
 * Reviews. A review is the person's own; their managers (the whole chain above
 * them, as the org stands now) and admins may read it. The self part is the
 * person's to write while the cycle is open and it is not submitted; others
 * see it once it is submitted, so a draft stays a draft.
 */
export type ReviewFacts = { selfStatus: SelfStatus; cycleStatus: CycleStatus };

const isManagerOf = (relationship: Relationship) => relationship === "direct-report" || relationship === "indirect-report";

export function canReadReview(viewer: PolicyViewer, relationship: Relationship): boolean {
  return relationship === "self" || isManagerOf(relationship) || isAdmin(viewer);
}

export function canReadSelfPart(viewer: PolicyViewer, relationship: Relationship, review: ReviewFacts): boolean {
  if (relationship === "self") return true;
  return review.selfStatus === "submitted" && canReadReview(viewer, relationship);
}

export function canWriteSelf(_viewer: PolicyViewer, relationship: Relationship, review: ReviewFacts): boolean {
  return relationship === "self" && review.cycleStatus === "open" && review.selfStatus !== "submitted";
}

/* The manager's part (next): only the direct manager writes it. */
export function canWriteManagerPart(_viewer: PolicyViewer, relationship: Relationship, review: ReviewFacts): boolean {
  return relationship === "direct-report" && review.cycleStatus === "open";
}

export function canAdministerCycles(viewer: PolicyViewer): boolean {
  return isAdmin(viewer);
}

export function canAdministerOrgSettings(viewer: PolicyViewer): boolean {
  return isAdmin(viewer);
}

/* What each field of the self part tells its reader about who can see it. */
export const SELF_PART_AUDIENCE = "You; your managers and admins once you submit";
