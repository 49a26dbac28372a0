import type { ClaimStatus } from "@/lib/domain/enums";
import { isAdmin, type PolicyViewer, type Relationship } from "@/lib/policies";

/*
 * The claim state machine and who may move a claim along it:
 *   pending -> approved | rejected | withdrawn;  approved -> reimbursed.
 * Nobody decides or reimburses their own claim, admins included.
 */
export type ClaimAction = "withdraw" | "approve" | "reject" | "reimburse";

export const TRANSITIONS: Record<ClaimAction, { from: ClaimStatus; to: ClaimStatus }> = {
  withdraw: { from: "pending", to: "withdrawn" },
  approve: { from: "pending", to: "approved" },
  reject: { from: "pending", to: "rejected" },
  reimburse: { from: "approved", to: "reimbursed" },
};

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
  if (facts.relationship === "direct-report") return true;
  return !facts.ownerHasManager && isAdmin(viewer);
}

export function canViewClaim(viewer: PolicyViewer, relationship: Relationship): boolean {
  return isAdmin(viewer) || relationship !== "none";
}

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

export const STATUS_LABELS: Record<ClaimStatus, string> = {
  pending: "Pending approval",
  approved: "Approved",
  rejected: "Rejected",
  reimbursed: "Reimbursed",
  withdrawn: "Withdrawn",
};
