import { describe, expect, it } from "vitest";
import { CLAIM_STATUSES } from "@/lib/domain/enums";
import type { PolicyViewer, Relationship } from "./core";
import { allowedActions, canActOnClaim, canAdministerStipend, canSeeStipendApprovals, canViewClaim } from "./stipend";
import type { ClaimAction } from "@/lib/stipend/claim-rules";

const engineer: PolicyViewer = { id: "e", role: "engineer" };
const manager: PolicyViewer = { id: "m", role: "manager" };
const admin: PolicyViewer = { id: "a", role: "admin" };
const relationships: Relationship[] = ["self", "direct-report", "indirect-report", "none"];

/* Every role x relationship x status x action, against the written rule. */
describe("claim state machine", () => {
  const expected = (viewer: PolicyViewer, action: ClaimAction, status: string, relationship: Relationship, ownerHasManager: boolean) => {
    switch (action) {
      case "withdraw":
        return status === "pending" && relationship === "self";
      case "approve":
      case "reject":
        return status === "pending" && (relationship === "direct-report" || (viewer.role === "admin" && !ownerHasManager && relationship !== "self"));
      case "reimburse":
        return status === "approved" && viewer.role === "admin" && relationship !== "self";
    }
  };
  for (const viewer of [engineer, manager, admin]) {
    for (const relationship of relationships) {
      for (const ownerHasManager of [true, false]) {
        it(`${viewer.role} / ${relationship} / owner ${ownerHasManager ? "has" : "has no"} manager`, () => {
          for (const status of CLAIM_STATUSES) {
            for (const action of ["withdraw", "approve", "reject", "reimburse"] as const) {
              expect(canActOnClaim(viewer, action, { status, relationship, ownerHasManager }), `${action} on ${status}`).toBe(expected(viewer, action, status, relationship, ownerHasManager));
            }
          }
        });
      }
    }
  }

  it("lets the owner only withdraw a pending claim", () => {
    expect(allowedActions(engineer, { status: "pending", relationship: "self", ownerHasManager: true })).toEqual(["withdraw"]);
  });
  it("never lets an admin decide or reimburse their own claim, even without a manager", () => {
    expect(allowedActions(admin, { status: "pending", relationship: "self", ownerHasManager: false })).toEqual(["withdraw"]);
    expect(allowedActions(admin, { status: "approved", relationship: "self", ownerHasManager: false })).toEqual([]);
  });
  it("sends claims of people without a manager to admins", () => {
    expect(allowedActions(admin, { status: "pending", relationship: "none", ownerHasManager: false })).toEqual(["approve", "reject"]);
    expect(allowedActions(admin, { status: "pending", relationship: "none", ownerHasManager: true })).toEqual([]);
  });
  it("keeps skip-level managers read-only", () => {
    expect(allowedActions(manager, { status: "pending", relationship: "indirect-report", ownerHasManager: true })).toEqual([]);
  });
  it("ends at rejected, withdrawn and reimbursed", () => {
    for (const status of ["rejected", "withdrawn", "reimbursed"] as const) {
      expect(allowedActions(admin, { status, relationship: "direct-report", ownerHasManager: true })).toEqual([]);
    }
  });
});

describe("seeing claims and the stipend admin", () => {
  it.each(relationships)("engineers and managers see claims in their own line (%s)", (rel) => {
    expect(canViewClaim(engineer, rel)).toBe(rel !== "none");
    expect(canViewClaim(manager, rel)).toBe(rel !== "none");
    expect(canViewClaim(admin, rel)).toBe(true);
  });
  it("admins alone set policy and see reports", () => {
    expect([engineer, manager, admin].map(canAdministerStipend)).toEqual([false, false, true]);
  });
});

describe("canSeeStipendApprovals", () => {
  it.each([
    [{ ...engineer, hasReports: false }, false],
    [{ ...engineer, hasReports: true }, true],
    [{ ...manager, hasReports: false }, false],
    [{ ...manager, hasReports: true }, true],
    [{ ...admin, hasReports: false }, true],
  ] as const)("%o -> %s", (viewer, allowed) => {
    expect(canSeeStipendApprovals(viewer)).toBe(allowed);
  });
});
