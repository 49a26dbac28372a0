import { describe, expect, it } from "vitest";
import { PACKET_STATUSES, type PacketStatus } from "@/lib/domain/enums";
import { nextPacketStatus, PACKET_STEPS, type PacketStep } from "@/lib/packets/flow";
import type { PolicyViewer, Relationship } from "./core";
import { canReadManagerPart, canReadPacket, canReadPacketNotes, canStartPacket, canTakePacketStep, canWriteCase, canWriteManagerPart, canWritePacketNotes, packetRole } from "./packets";

/* Every role the access-control table names, as (viewer, relationship to the packet's author). */
type RoleName = "author" | "author who is an admin" | "direct manager" | "direct manager who is an admin" | "manager above" | "unrelated manager" | "peer" | "admin";
const ROLES: Record<RoleName, [PolicyViewer, Relationship]> = {
  author: [{ id: "a", role: "engineer" }, "self"],
  "author who is an admin": [{ id: "a", role: "admin" }, "self"],
  "direct manager": [{ id: "m", role: "manager" }, "direct-report"],
  "direct manager who is an admin": [{ id: "m", role: "admin" }, "direct-report"],
  "manager above": [{ id: "d", role: "manager" }, "indirect-report"],
  "unrelated manager": [{ id: "o", role: "manager" }, "none"],
  peer: [{ id: "p", role: "engineer" }, "none"],
  admin: [{ id: "x", role: "admin" }, "none"],
};
const ALL = Object.keys(ROLES) as RoleName[];

/* The whole machine: status x step -> the status it leads to. */
const MACHINE: Record<PacketStatus, Partial<Record<PacketStep, PacketStatus>>> = {
  draft: { submit: "submitted", withdraw: "withdrawn" },
  submitted: { return: "draft", endorse: "endorsed", withdraw: "withdrawn" },
  endorsed: { approve: "approved", decline: "declined" },
  approved: {},
  declined: { reopen: "draft" },
  withdrawn: {},
};
const MANAGER: RoleName[] = ["direct manager", "direct manager who is an admin"];
const TAKERS: Record<PacketStep, RoleName[]> = {
  submit: ["author", "author who is an admin"],
  return: MANAGER,
  endorse: MANAGER,
  withdraw: ["author", "author who is an admin", ...MANAGER],
  // The committee's decision is an admin's to record, never on their own packet.
  approve: ["admin", "direct manager who is an admin"],
  decline: ["admin", "direct manager who is an admin"],
  reopen: ["author", "author who is an admin", ...MANAGER],
};

describe("the packet state machine", () => {
  for (const status of PACKET_STATUSES) {
    for (const step of PACKET_STEPS) {
      const to = MACHINE[status][step] ?? null;
      it(`${step} from ${status} -> ${to ?? "not allowed"}`, () => expect(nextPacketStatus(status, step)).toBe(to));
    }
  }
});

describe("who may take each step, from every status, for every role", () => {
  for (const name of ALL) {
    const [viewer, relationship] = ROLES[name];
    it(name, () => {
      for (const status of PACKET_STATUSES) {
        for (const step of PACKET_STEPS) {
          const expected = TAKERS[step].includes(name) && MACHINE[status][step] !== undefined;
          expect(canTakePacketStep(viewer, relationship, status, step), `${name}: ${step} from ${status}`).toBe(expected);
        }
      }
    });
  }
});

describe("reading and writing a packet, for every role", () => {
  const readers: RoleName[] = ["author", "author who is an admin", ...MANAGER, "manager above", "admin"];
  it("the author, their managers and admins read it; an unrelated manager and a peer do not", () => {
    for (const name of ALL) expect(canReadPacket(...ROLES[name]), name).toBe(readers.includes(name));
    expect(packetRole(...ROLES.peer)).toBe("none");
  });

  it("only the author and the direct manager start one", () => {
    for (const name of ALL) expect(canStartPacket(...ROLES[name]), name).toBe(["author", "author who is an admin", ...MANAGER].includes(name));
  });

  it("only the author writes the case, and only in draft", () => {
    for (const name of ALL)
      for (const status of PACKET_STATUSES) expect(canWriteCase(...ROLES[name], status), `${name} ${status}`).toBe(name.startsWith("author") && status === "draft");
  });

  it("only the direct manager writes the manager's part, and only while it is submitted to them", () => {
    for (const name of ALL)
      for (const status of PACKET_STATUSES) expect(canWriteManagerPart(...ROLES[name], status), `${name} ${status}`).toBe(MANAGER.includes(name) && status === "submitted");
  });

  it("the author sees the manager's part when the packet is back with them or endorsed, never while the manager is writing", () => {
    const seen = PACKET_STATUSES.filter((s) => canReadManagerPart(...ROLES.author, s));
    expect(seen).toEqual(["draft", "endorsed", "approved", "declined"]);
    for (const name of [...MANAGER, "manager above", "admin"] as const) expect(PACKET_STATUSES.every((s) => canReadManagerPart(...ROLES[name], s))).toBe(true);
    for (const name of ["unrelated manager", "peer"] as const) expect(PACKET_STATUSES.some((s) => canReadManagerPart(...ROLES[name], s))).toBe(false);
  });

  it("private notes: the manager chain and admins read them, never the author (even an admin); only the direct manager writes, while the packet is open", () => {
    for (const name of ALL) expect(canReadPacketNotes(...ROLES[name]), name).toBe([...MANAGER, "manager above", "admin"].includes(name));
    for (const name of ALL)
      for (const status of PACKET_STATUSES) expect(canWritePacketNotes(...ROLES[name], status), `${name} ${status}`).toBe(MANAGER.includes(name) && ["draft", "submitted", "endorsed"].includes(status));
  });
});
