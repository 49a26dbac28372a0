import type { ClaimStatus } from "@/lib/domain/enums";

/*
 * The claim state machine:
 *   pending -> approved | rejected | withdrawn;  approved -> reimbursed.
 * Who may move a claim along it is in lib/policies/stipend.ts.
 */
export type ClaimAction = "withdraw" | "approve" | "reject" | "reimburse";

export const TRANSITIONS: Record<ClaimAction, { from: ClaimStatus; to: ClaimStatus }> = {
  withdraw: { from: "pending", to: "withdrawn" },
  approve: { from: "pending", to: "approved" },
  reject: { from: "pending", to: "rejected" },
  reimburse: { from: "approved", to: "reimbursed" },
};

export const STATUS_LABELS: Record<ClaimStatus, string> = {
  pending: "Pending approval",
  approved: "Approved",
  rejected: "Rejected",
  reimbursed: "Reimbursed",
  withdrawn: "Withdrawn",
};
