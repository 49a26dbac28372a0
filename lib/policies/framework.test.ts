import { describe, expect, it } from "vitest";
import { FRAMEWORK_VERSION_STATUSES, ROLES } from "@/lib/domain/enums";
import { canEditFrameworkVersion, canUseFrameworkEditor, canViewFrameworkVersion } from "./framework";

const cases = ROLES.flatMap((role) => FRAMEWORK_VERSION_STATUSES.map((status) => ({ role, status })));

describe("framework policies, every role x version status", () => {
  it.each(cases)("$role, $status version", ({ role, status }) => {
    const viewer = { id: "v", role };
    expect(canViewFrameworkVersion(viewer, { status })).toBe(status === "published" || role === "admin");
    // A published version is frozen, even for admins.
    expect(canEditFrameworkVersion(viewer, { status })).toBe(role === "admin" && status === "draft");
    expect(canUseFrameworkEditor(viewer)).toBe(role === "admin");
  });
});
