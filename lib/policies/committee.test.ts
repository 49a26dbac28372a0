import { describe, expect, it } from "vitest";
import { PACKET_STATUSES, type PacketStatus } from "@/lib/domain/enums";
import { canOpenCommitteePacket, canSeeVotes, canVote, committeeStanding, isRecused, type CommitteeStanding } from "./committee";
import type { PolicyViewer, Relationship } from "./core";

/* Every way a person can stand to a packet's author, as a committee member or not. */
type Who = { viewer: PolicyViewer; relationship: Relationship; member: boolean };
const WHO: Record<string, Who> = {
  "member, unrelated": { viewer: { id: "c", role: "engineer" }, relationship: "none", member: true },
  "member who is the author": { viewer: { id: "a", role: "engineer" }, relationship: "self", member: true },
  "member who is the direct manager": { viewer: { id: "m", role: "manager" }, relationship: "direct-report", member: true },
  "member above the author (in their org)": { viewer: { id: "d", role: "manager" }, relationship: "indirect-report", member: true },
  "admin, not a member": { viewer: { id: "x", role: "admin" }, relationship: "none", member: false },
  "admin who is the author": { viewer: { id: "a", role: "admin" }, relationship: "self", member: false },
  "admin and member, unrelated": { viewer: { id: "y", role: "admin" }, relationship: "none", member: true },
  "admin and member, above the author": { viewer: { id: "z", role: "admin" }, relationship: "indirect-report", member: true },
  "peer, not a member": { viewer: { id: "p", role: "engineer" }, relationship: "none", member: false },
  "manager above, not a member": { viewer: { id: "d", role: "manager" }, relationship: "indirect-report", member: false },
};
const standingOf = (w: Who) => committeeStanding(w.member, w.relationship);
const REACHED: PacketStatus[] = ["endorsed", "approved", "declined"];

describe("recusal", () => {
  it("a member is recused from their own packet and from anyone's in their org, and only those", () => {
    const standings = Object.fromEntries(Object.entries(WHO).map(([name, w]) => [name, standingOf(w)]));
    expect(standings).toEqual({
      "member, unrelated": "member",
      "member who is the author": "recused-own",
      "member who is the direct manager": "recused-org",
      "member above the author (in their org)": "recused-org",
      "admin, not a member": "not-member",
      "admin who is the author": "not-member",
      "admin and member, unrelated": "member",
      "admin and member, above the author": "recused-org",
      "peer, not a member": "not-member",
      "manager above, not a member": "not-member",
    } satisfies Record<string, CommitteeStanding>);
    expect(Object.values(WHO).filter((w) => isRecused(standingOf(w)))).toHaveLength(4);
  });
});

describe("opening, voting and seeing votes, for every role and status", () => {
  const OPENS = ["member, unrelated", "admin, not a member", "admin and member, unrelated", "admin and member, above the author"];
  const VOTES = ["member, unrelated", "admin and member, unrelated"];
  for (const [name, w] of Object.entries(WHO)) {
    it(name, () => {
      for (const status of PACKET_STATUSES) {
        const standing = standingOf(w);
        expect(canOpenCommitteePacket(w.viewer, w.relationship, standing, status), `open ${status}`).toBe(OPENS.includes(name) && REACHED.includes(status));
        expect(canVote(standing, status), `vote ${status}`).toBe(VOTES.includes(name) && status === "endorsed");
        const seesBefore = canSeeVotes(w.viewer, w.relationship, standing, status, false);
        const seesAfter = canSeeVotes(w.viewer, w.relationship, standing, status, true);
        const opens = OPENS.includes(name) && REACHED.includes(status);
        // Members see the others' votes once they have voted, or once the decision is made; admins always.
        const blind = VOTES.includes(name) && status === "endorsed";
        expect(seesBefore, `sees votes before voting, ${status}`).toBe(opens && !blind);
        expect(seesAfter, `sees votes after voting, ${status}`).toBe(opens);
      }
    });
  }
});
