import { beforeAll, describe, expect, it } from "vitest";
import { buildOrg, type Org } from "@/lib/test/org";
import { NotFoundError } from "@/lib/errors";
import { changePassword, getPersonProfile, getViewerById, relationshipTo } from "./people";
import { beginAttempt } from "./sign-in";
import { db } from "@/db";
import { hashPassword } from "@/lib/security/password";
import { ACCOUNT_LIMITS, accountKey } from "@/lib/security/throttle";
import { insertPerson } from "@/lib/test/factory";

let org: Org;

describe("reporting line", () => {
  beforeAll(() => {
    org = buildOrg();
  });

  it("knows self, direct, indirect and unrelated", () => {
    const { people: p } = org;
    expect(relationshipTo(p.engineer.id, p.engineer.id)).toBe("self");
    expect(relationshipTo(p.manager.id, p.engineer.id)).toBe("direct-report");
    expect(relationshipTo(p.director.id, p.engineer.id)).toBe("indirect-report");
    expect(relationshipTo(p.engineer.id, p.manager.id)).toBe("none");
    expect(relationshipTo(p.peer.id, p.engineer.id)).toBe("none");
    expect(relationshipTo(p.otherManager.id, p.engineer.id)).toBe("none");
  });

  it("knows who has reports", () => {
    expect(getViewerById(org.people.manager.id)!.hasReports).toBe(true);
    expect(getViewerById(org.people.engineer.id)!.hasReports).toBe(false);
  });

  it("shows a profile with its level history and reports to those who may see it", () => {
    const profile = getPersonProfile(org.as.manager, org.people.manager.id);
    expect(profile.person.levelName).toBe("Engineering Manager");
    expect(profile.history).toHaveLength(1);
    expect(profile.reports.map((r) => r.name)).toEqual(["Eve Engineer", "Pat Peer"]);
  });

  it("refuses a profile outside the viewer's line exactly like a missing one", () => {
    expect(() => getPersonProfile(org.as.engineer, org.people.peer.id)).toThrow(NotFoundError);
    expect(() => getPersonProfile(org.as.engineer, "no-such-person")).toThrow(NotFoundError);
  });
});

describe("changing a password", () => {
  it("checks the current password and stops guessing after the account limit", async () => {
    const person = insertPerson(db(), { passwordHash: await hashPassword("the-current-password") });
    const viewer = getViewerById(person.id)!;
    expect(await changePassword(viewer, "sid", "wrong-guess-00", "a-brand-new-password")).toMatchObject({ ok: false, message: "That is not your current password" });
    expect(await changePassword(viewer, "sid", "the-current-password", "a-brand-new-password")).toEqual({ ok: true });
    // Earlier failed guesses on this account (sign-in or here) count towards the same lock.
    for (let i = 0; i < ACCOUNT_LIMITS.lockAfter; i++) beginAttempt([{ key: accountKey(viewer.email), limits: ACCOUNT_LIMITS }], Date.now());
    expect(await changePassword(viewer, "sid", "a-brand-new-password", "another-new-password")).toMatchObject({ ok: false, message: /Too many wrong passwords/ });
  });
});
