import { describe, expect, it } from "vitest";
import { canActAsManagerOf, type PolicyViewer, type Relationship } from "./core";
import { canViewFrameworkVersion } from "./framework";
import { canAdministerPeople, canEndSessionsOf, canViewAuditLog, canViewPerson } from "./people";

const engineer: PolicyViewer = { id: "e", role: "engineer" };
const manager: PolicyViewer = { id: "m", role: "manager" };
const admin: PolicyViewer = { id: "a", role: "admin" };
const relationships: Relationship[] = ["self", "direct-report", "indirect-report", "none"];

describe("canViewPerson", () => {
  it.each(relationships)("lets engineers and managers see only their own line (%s)", (rel) => {
    expect(canViewPerson(engineer, rel)).toBe(rel !== "none");
    expect(canViewPerson(manager, rel)).toBe(rel !== "none");
  });
  it.each(relationships)("lets admins see everyone (%s)", (rel) => {
    expect(canViewPerson(admin, rel)).toBe(true);
  });
});

describe("canActAsManagerOf", () => {
  it.each([engineer, manager, admin])("allows only direct reports for $role", (viewer) => {
    expect(relationships.filter((rel) => canActAsManagerOf(viewer, rel))).toEqual(["direct-report"]);
  });
});

describe("admin-only rules", () => {
  it.each([
    [engineer, false],
    [manager, false],
    [admin, true],
  ] as const)("people administration and the audit log for $0.role", (viewer, allowed) => {
    expect(canAdministerPeople(viewer)).toBe(allowed);
    expect(canViewAuditLog(viewer)).toBe(allowed);
  });
});

describe("canEndSessionsOf", () => {
  it("lets people end their own sessions and admins anyone's", () => {
    expect(canEndSessionsOf(engineer, "self")).toBe(true);
    expect(canEndSessionsOf(engineer, "none")).toBe(false);
    expect(canEndSessionsOf(manager, "direct-report")).toBe(false);
    expect(canEndSessionsOf(admin, "none")).toBe(true);
  });
});

describe("canViewFrameworkVersion", () => {
  it.each([engineer, manager, admin])("shows published versions to $role", (viewer) => {
    expect(canViewFrameworkVersion(viewer, { status: "published" })).toBe(true);
  });
  it("shows drafts to admins only", () => {
    expect(canViewFrameworkVersion(engineer, { status: "draft" })).toBe(false);
    expect(canViewFrameworkVersion(manager, { status: "draft" })).toBe(false);
    expect(canViewFrameworkVersion(admin, { status: "draft" })).toBe(true);
  });
});
