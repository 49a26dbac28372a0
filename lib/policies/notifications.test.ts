import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/domain/enums";
import type { Relationship } from "./core";
import { canReadNotification, canSeeEmailStatus, mayBeNotifiedOf, type NotifiedRecord } from "./notifications";

const as = (role: Role, id = "viewer") => ({ id, role });
const review: NotifiedRecord = { type: "review", id: "r1", ownerId: "owner" };
const claim: NotifiedRecord = { type: "stipend-claim", id: "c1", ownerId: "owner" };
const packet: NotifiedRecord = { type: "packet", id: "p1", ownerId: "owner" };

describe("who may be told about a record", () => {
  const cases: [Role, Relationship, boolean][] = [
    ["engineer", "self", true],
    ["manager", "direct-report", true],
    ["manager", "indirect-report", true],
    ["manager", "none", false],
    ["engineer", "none", false],
    ["admin", "none", true],
  ];
  it.each(cases)("a %s whose relationship to the owner is %s: %s", (role, relationship, allowed) => {
    expect(mayBeNotifiedOf(as(role), relationship, review)).toBe(allowed);
    expect(mayBeNotifiedOf(as(role), relationship, claim)).toBe(allowed);
    expect(mayBeNotifiedOf(as(role), relationship, packet)).toBe(allowed);
  });
});

describe("a person's notifications", () => {
  it("are read and marked by that person alone, admins included", () => {
    expect(canReadNotification(as("engineer", "p1"), { recipientId: "p1" })).toBe(true);
    expect(canReadNotification(as("admin", "a1"), { recipientId: "p1" })).toBe(false);
    expect(canReadNotification(as("manager", "m1"), { recipientId: "p1" })).toBe(false);
  });

  it("leave the outbox's health to admins", () => {
    expect(canSeeEmailStatus(as("admin"))).toBe(true);
    expect(canSeeEmailStatus(as("manager"))).toBe(false);
    expect(canSeeEmailStatus(as("engineer"))).toBe(false);
  });
});
