import type { ClaimStatus } from "@/lib/domain/enums";
import { TRANSITIONS, type ClaimAction } from "@/lib/stipend/claim-rules";
import { canActAsManagerOf, canSeeRecordsOf, isAdmin, type PolicyViewer, type Relationship } from "./core";

/*
 * Who may see and move a stipend claim. Nobody decides or reimburses their own
 * claim, admins included.
 */
export type ClaimFacts = {
  status: ClaimStatus;
  /* How the viewer stands to the claim's owner. */
  relationship: Relationship;
  /* The owner has an active manager; if not, an admin decides their claims. */
  ownerHasManager: boolean;
};

/* Who decides a claim: the owner's direct manager, or any admin when the owner has none. */
export function isApproverOf(viewer: PolicyViewer, facts: Omit<ClaimFacts, "status">): boolean {
  if (facts.relationship === "self") return false;
  if (canActAsManagerOf(viewer, facts.relationship)) return true;
  return !facts.ownerHasManager && isAdmin(viewer);
}

/* A claim: its owner, their managers up the line, admins. */
export const canViewClaim = canSeeRecordsOf;

export function canActOnClaim(viewer: PolicyViewer, action: ClaimAction, facts: ClaimFacts): boolean {
  if (facts.status !== TRANSITIONS[action].from) return false;
  switch (action) {
    case "withdraw":
      return facts.relationship === "self";
    case "approve":
    case "reject":
      return isApproverOf(viewer, facts);
    case "reimburse":
      return isAdmin(viewer) && facts.relationship !== "self";
  }
}

export function allowedActions(viewer: PolicyViewer, facts: ClaimFacts): ClaimAction[] {
  return (Object.keys(TRANSITIONS) as ClaimAction[]).filter((action) => canActOnClaim(viewer, action, facts));
}

export function canAdministerStipend(viewer: PolicyViewer): boolean {
  return isAdmin(viewer);
}

/* The approvals page: managers with reports, and admins (who decide for people without a manager). */
export function canSeeStipendApprovals(viewer: PolicyViewer & { hasReports: boolean }): boolean {
  return viewer.hasReports || isAdmin(viewer);
}
