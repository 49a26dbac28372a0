import { describe, expect, it } from "vitest";
import { CYCLE_STATUSES, MANAGER_STATUSES, ROLES, SELF_STATUSES } from "@/lib/domain/enums";
import { canAdministerCycles, canAdministerOrgSettings, canReadManagerPart, canReadPrivateNotes, canReadReview, canReadSelfPart, canRespondToReview, canSeeTeamReviews, canWriteManagerPart, canWritePrivateNotes, canWriteSelf } from "./reviews";
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
    expect(canReadEvidence(v, relationship)).toBe(reads);
    expect(canWriteEvidence(v, relationship)).toBe(relationship === "self");
  });

  it.each(ROLES)("only admins run cycles and org settings (%s)", (role) => {
    expect(canAdministerCycles(viewer(role))).toBe(role === "admin");
    expect(canAdministerOrgSettings(viewer(role))).toBe(role === "admin");
  });
});

/* The six people a manager review concerns, as relationship and role. */
const WHO = [
  { who: "direct manager", role: "manager", relationship: "direct-report" },
  { who: "manager above", role: "manager", relationship: "indirect-report" },
  { who: "unrelated manager", role: "manager", relationship: "none" },
  { who: "the engineer", role: "engineer", relationship: "self" },
  { who: "a peer", role: "engineer", relationship: "none" },
  { who: "admin", role: "admin", relationship: "none" },
  { who: "admin reading their own review", role: "admin", relationship: "self" },
] as const;
const managerCases = WHO.flatMap((w) => MANAGER_STATUSES.flatMap((managerStatus) => CYCLE_STATUSES.map((cycleStatus) => ({ ...w, managerStatus, cycleStatus }))));

describe("manager-review policies, every role x manager status x cycle status", () => {
  it.each(managerCases)("$who, $managerStatus, cycle $cycleStatus", ({ who, role, relationship, managerStatus, cycleStatus }) => {
    const v = viewer(role);
    const review = { managerStatus, cycleStatus };
    const shared = managerStatus === "shared" || managerStatus === "acknowledged";
    const open = cycleStatus === "open";
    const expected = {
      "direct manager": { read: true, write: open && !shared, respond: false, notes: true, writeNotes: open },
      "manager above": { read: true, write: false, respond: false, notes: true, writeNotes: false },
      "unrelated manager": { read: false, write: false, respond: false, notes: false, writeNotes: false },
      "the engineer": { read: shared, write: false, respond: open && managerStatus === "shared", notes: false, writeNotes: false },
      "a peer": { read: false, write: false, respond: false, notes: false, writeNotes: false },
      admin: { read: true, write: false, respond: false, notes: true, writeNotes: false },
      "admin reading their own review": { read: shared, write: false, respond: open && managerStatus === "shared", notes: false, writeNotes: false },
    }[who];
    expect(canReadManagerPart(v, relationship, review)).toBe(expected.read);
    expect(canWriteManagerPart(v, relationship, review)).toBe(expected.write);
    expect(canRespondToReview(v, relationship, review)).toBe(expected.respond);
    expect(canReadPrivateNotes(v, relationship)).toBe(expected.notes);
    expect(canWritePrivateNotes(v, relationship, review)).toBe(expected.writeNotes);
  });

  it.each(ROLES)("team and calibration views: people with reports, and admins (%s)", (role) => {
    expect(canSeeTeamReviews(viewer(role), true)).toBe(true);
    expect(canSeeTeamReviews(viewer(role), false)).toBe(role === "admin");
  });
});
