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

describe("the committee's view and an endorser's request carry the facts their rule needs", () => {
  const committee = (status: "endorsed" | "submitted"): NotifiedRecord => ({ type: "committee-packet", id: "p1", ownerId: "owner", facts: { memberIds: ["member", "recused"], status } });
  it("a member who is not recused, and an admin, are told of a packet in committee; a recused member, the author and a peer are not", () => {
    expect(mayBeNotifiedOf(as("engineer", "member"), "none", committee("endorsed"))).toBe(true);
    expect(mayBeNotifiedOf(as("admin", "admin"), "none", committee("endorsed"))).toBe(true);
    expect(mayBeNotifiedOf(as("manager", "recused"), "indirect-report", committee("endorsed"))).toBe(false);
    expect(mayBeNotifiedOf(as("admin", "owner"), "self", committee("endorsed"))).toBe(false);
    expect(mayBeNotifiedOf(as("engineer", "peer"), "none", committee("endorsed"))).toBe(false);
    expect(mayBeNotifiedOf(as("engineer", "member"), "none", committee("submitted"))).toBe(false);
  });
  it("only the named endorser is told of their request, until it is cancelled", () => {
    const request = (status: "pending" | "cancelled"): NotifiedRecord => ({ type: "endorsement-request", id: "e1", ownerId: "owner", facts: { endorserId: "endorser", status } });
    expect(mayBeNotifiedOf(as("engineer", "endorser"), "none", request("pending"))).toBe(true);
    expect(mayBeNotifiedOf(as("engineer", "peer"), "none", request("pending"))).toBe(false);
    expect(mayBeNotifiedOf(as("manager", "boss"), "direct-report", request("pending"))).toBe(false);
    expect(mayBeNotifiedOf(as("engineer", "endorser"), "none", request("cancelled"))).toBe(false);
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
