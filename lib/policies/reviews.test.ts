import { describe, expect, it } from "vitest";
import { CYCLE_STATUSES, ROLES, SELF_STATUSES } from "@/lib/domain/enums";
import { canAdministerCycles, canAdministerOrgSettings, canReadReview, canReadSelfPart, canWriteManagerPart, canWriteSelf } from "./reviews";
import { canReadEvidence, canWriteEvidence } from "./evidence";
import type { Relationship } from "./core";

const RELATIONSHIPS: Relationship[] = ["self", "direct-report", "indirect-report", "none"];
const cases = ROLES.flatMap((role) => RELATIONSHIPS.flatMap((relationship) => SELF_STATUSES.flatMap((selfStatus) => CYCLE_STATUSES.map((cycleStatus) => ({ role, relationship, selfStatus, cycleStatus })))));
const viewer = (role: (typeof ROLES)[number]) => ({ id: "v", role });

describe("review policies, every role x relationship x self status x cycle status", () => {
  it.each(cases)("$role, $relationship, $selfStatus, cycle $cycleStatus", ({ role, relationship, selfStatus, cycleStatus }) => {
    const v = viewer(role);
    const review = { selfStatus, cycleStatus };
    const above = relationship === "direct-report" || relationship === "indirect-report";
    const reads = relationship === "self" || above || role === "admin";
    expect(canReadReview(v, relationship)).toBe(reads);
    // Drafts are the person's own until submitted, even from admins.
    expect(canReadSelfPart(v, relationship, review)).toBe(relationship === "self" || (reads && selfStatus === "submitted"));
    // Only the person writes their self part, while the cycle is open and before submitting; never an admin or manager for them.
    expect(canWriteSelf(v, relationship, review)).toBe(relationship === "self" && cycleStatus === "open" && selfStatus !== "submitted");
    expect(canWriteManagerPart(v, relationship, review)).toBe(relationship === "direct-report" && cycleStatus === "open");
    expect(canReadEvidence(v, relationship)).toBe(reads);
    expect(canWriteEvidence(v, relationship)).toBe(relationship === "self");
  });

  it.each(ROLES)("only admins run cycles and org settings (%s)", (role) => {
    expect(canAdministerCycles(viewer(role))).toBe(role === "admin");
    expect(canAdministerOrgSettings(viewer(role))).toBe(role === "admin");
  });
});
