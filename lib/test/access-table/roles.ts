/*
 * The roles of the access-control table, named as the small org of
 * lib/test/org.ts names its people, so that a row over HTTP and the DAL row
 * that proves it speak of the same person. Each is relative to one subject,
 * "the person" (the engineer), whose records the rows ask for:
 *   admin (no manager)
 *   director -> manager -> engineer, peer
 *   otherManager -> outsider (another branch)
 * Over HTTP the demo organisation plays them (e2e/support/fixtures.ts).
 * Promotion packets add three roles of their own (PACKET_ROLES); only rows
 * marked `packet` must fill them, because only packets have endorsers and a
 * committee that can recuse.
 */
export const ROLES = ["signedOut", "engineer", "peer", "manager", "director", "otherManager", "admin"] as const;
export const PACKET_ROLES = ["endorser", "committeeMember", "recusedMember"] as const;
export type Role = (typeof ROLES)[number];
export type PacketRole = (typeof PACKET_ROLES)[number];
export type AnyRole = Role | PacketRole;

export const ROLE_NAMES: Record<AnyRole, string> = {
  signedOut: "signed out",
  engineer: "the person",
  peer: "a peer",
  manager: "the direct manager",
  director: "a manager above",
  otherManager: "an unrelated manager",
  admin: "an admin",
  endorser: "an endorser",
  committeeMember: "a committee member",
  recusedMember: "a recused committee member",
};

/*
 * allowed: the call does its work (a page shows the record; an action's effect
 *   is proven by the named DAL row, since over HTTP it would change shared data).
 * refused: answered exactly like a missing record (404, or the action's
 *   "not found"), and nothing changes.
 * sign-in: no session: the page sends to sign-in, the action answers "session ended".
 * public: meant for anyone (sign-in, invitation links): reachable without a session.
 */
export type Expect = "allowed" | "refused" | "sign-in" | "public";
export type Cells = Record<Role, Expect> & Partial<Record<PacketRole, Expect>>;

const cells = (signedOut: Expect, others: Partial<Record<Exclude<Role, "signedOut">, Expect>>, rest: Expect = "refused"): Cells => ({
  signedOut,
  engineer: others.engineer ?? rest,
  peer: others.peer ?? rest,
  manager: others.manager ?? rest,
  director: others.director ?? rest,
  otherManager: others.otherManager ?? rest,
  admin: others.admin ?? rest,
});

/* Every signed-in person, each for themselves (their own log, account, claims). */
export const EVERYONE = cells("sign-in", {}, "allowed");
/* The person, everyone above them and admins: the core visibility promise. */
export const CHAIN = cells("sign-in", { engineer: "allowed", manager: "allowed", director: "allowed", admin: "allowed" });
export const ADMINS = cells("sign-in", { admin: "allowed" });
/* People with reports (each sees their own org) and admins. */
export const MANAGERS = cells("sign-in", { manager: "allowed", director: "allowed", otherManager: "allowed", admin: "allowed" });
export const OWNER = cells("sign-in", { engineer: "allowed" });
export const DIRECT_MANAGER = cells("sign-in", { manager: "allowed" });
export const PUBLIC = cells("public", {}, "public");
export const only = (allowed: Partial<Record<Exclude<Role, "signedOut">, Expect>>) => cells("sign-in", allowed);
