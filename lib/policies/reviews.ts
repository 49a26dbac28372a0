import type { CycleStatus, ManagerStatus, SelfStatus } from "@/lib/domain/enums";
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

/*
 * The manager's part. Only the direct manager writes it (from before the self
 * part is submitted until it is shared); managers above and admins read it at
 * any stage; the engineer reads it once it is shared, then may respond and
 * acknowledge while the cycle is open.
 */
export type ManagerFacts = { managerStatus: ManagerStatus; cycleStatus: CycleStatus };
const sharedStatus = (status: ManagerStatus) => status === "shared" || status === "acknowledged";

export function canReadManagerPart(viewer: PolicyViewer, relationship: Relationship, review: ManagerFacts): boolean {
  if (relationship === "self") return sharedStatus(review.managerStatus);
  return isManagerOf(relationship) || isAdmin(viewer);
}

export function canWriteManagerPart(_viewer: PolicyViewer, relationship: Relationship, review: ManagerFacts): boolean {
  return relationship === "direct-report" && review.cycleStatus === "open" && !sharedStatus(review.managerStatus);
}

export function canRespondToReview(_viewer: PolicyViewer, relationship: Relationship, review: ManagerFacts): boolean {
  return relationship === "self" && review.cycleStatus === "open" && review.managerStatus === "shared";
}

/* Private notes: the manager chain and admins, never the engineer (not even an admin reading their own review). */
export function canReadPrivateNotes(viewer: PolicyViewer, relationship: Relationship): boolean {
  if (relationship === "self") return false;
  return isManagerOf(relationship) || isAdmin(viewer);
}

/* The direct manager keeps the notes; they stay writable after sharing (they were never shared). */
export function canWritePrivateNotes(_viewer: PolicyViewer, relationship: Relationship, review: Pick<ManagerFacts, "cycleStatus">): boolean {
  return relationship === "direct-report" && review.cycleStatus === "open";
}

/* Team and calibration views: managers (their org below them) and admins (everyone). */
export function canSeeTeamReviews(viewer: PolicyViewer, hasReports: boolean): boolean {
  return hasReports || isAdmin(viewer);
}

export function canAdministerCycles(viewer: PolicyViewer): boolean {
  return isAdmin(viewer);
}

export function canAdministerOrgSettings(viewer: PolicyViewer): boolean {
  return isAdmin(viewer);
}

/* What each field of the self part tells its reader about who can see it. */
export const SELF_PART_AUDIENCE = "You; your managers and admins once you submit";
