import { ADMINS, EVERYONE, only, OWNER, withPacketRoles } from "./roles";
import type { AccessRow, Proof } from "./types";

/*
 * Endorsements and the promotion committee, on the demo's records:
 * - the endorsement request Alex (the peer, its author) sent Jordan: only the
 *   one asked opens and answers it; Jordan's pending request to Noor on his
 *   packet: only Jordan, its author, asks or cancels;
 * - Noor's packet, with the committee: Priya (the manager above) is a member
 *   but recused (Noor is in her org), so she is refused like everyone but an
 *   admin; no base role is a member who is not recused: only the committee
 *   member column (Avery) votes (its DAL row plays the member as the small
 *   org's peer);
 * - Riley's declined packet: reopened only by Sam, Riley's direct manager
 *   (Jordan and Alex are Riley's peers here).
 * The DAL rows (lib/test/access-dal/committee.ts)
 * play the endorser as the small org's outsider and the member as its peer.
 *
 * The packet roles (lib/test/access-table/roles.ts): Noor, the endorser,
 * asked about Jordan's packet (pending): she answers or declines that request
 * (its own rows below) and nothing of anyone else's; on Noor's own packet, the
 * committee's subject, she is its author, who never sees the committee's view.
 * Avery, a committee member recused from nothing in the demo, lists the
 * committee, opens Noor's packet there and may vote on it. Priya, recused
 * from Noor's packet (it is in her org), lists the committee (with it marked
 * recused) and is refused the rest, as her director column already says.
 */
const FILE = { packet: "app/(app)/packets/[id]/endorsement-actions.ts", endorsements: "app/(app)/endorsements/actions.ts", committee: "app/(app)/committee/actions.ts" };
const action = (where: keyof typeof FILE, name: string, cells: AccessRow["cells"], input: AccessRow["input"], proofs: AccessRow["proofs"], extra: Partial<AccessRow> = {}): AccessRow => ({ entry: `action ${FILE[where]}#${name}`, packet: true, cells, input, proofs, ...extra });
const asEndorser = (what: string): Proof => ({ what, as: "outsider" });
const roles = withPacketRoles;
const REFUSED = "refused" as const;
const PROBE = "Access-control probe";

export const COMMITTEE_ROWS: AccessRow[] = [
  { entry: "page /endorsements", packet: true, cells: roles(EVERYONE, "allowed", "allowed", "allowed"), path: () => "/endorsements", shows: () => "Endorsement requests" },
  { entry: "page /endorsements/[id]", packet: true, cells: roles(OWNER, REFUSED, REFUSED, REFUSED), path: (ids) => `/endorsements/${ids.endorsementRequest}`, shows: (ids) => ids.endorsementAuthor! },
  { entry: "page /committee", packet: true, cells: roles(only({ director: "allowed", admin: "allowed" }), REFUSED, "allowed", "allowed"), path: () => "/committee", shows: () => "Promotion committee" },
  { entry: "page /committee/[id]", packet: true, cells: roles(ADMINS, REFUSED, "allowed", REFUSED), path: (ids) => `/committee/${ids.committeePacket}`, shows: (ids) => ids.committeePerson! },
  action("endorsements", "answerEndorsementAction", roles(OWNER, REFUSED, REFUSED, REFUSED), (ids) => ({ requestId: ids.endorsementRequest, version: ids.endorsementVersion, answers: [] }), { engineer: asEndorser("answer an endorsement request asked of them") }),
  action("endorsements", "declineEndorsementAction", roles(OWNER, REFUSED, REFUSED, REFUSED), (ids) => ({ requestId: ids.endorsementRequest, reason: PROBE }), { engineer: asEndorser("decline an endorsement request asked of them") }),
  // Noor's own request, on Jordan's packet: only she, the endorser, answers or declines it (Jordan, its author, included in the refused).
  action("endorsements", "answerEndorsementAction", roles(only({}), "allowed", REFUSED, REFUSED), (ids) => ({ requestId: ids.packetRequest, version: ids.packetRequestVersion, answers: [] }), { endorser: asEndorser("answer an endorsement request asked of them") }, { variant: "the endorser's own request" }),
  action("endorsements", "declineEndorsementAction", roles(only({}), "allowed", REFUSED, REFUSED), (ids) => ({ requestId: ids.packetRequest, reason: PROBE }), { endorser: asEndorser("decline an endorsement request asked of them") }, { variant: "the endorser's own request" }),
  action("packet", "requestEndorsementsAction", roles(OWNER, REFUSED, REFUSED, REFUSED), (ids) => ({ packetId: ids.packet, endorserIds: [ids.committeePersonId], cells: ["values.complexity"], message: PROBE }), {
    engineer: { what: "ask a colleague to endorse their packet" },
  }),
  action("packet", "cancelEndorsementRequestAction", roles(OWNER, REFUSED, REFUSED, REFUSED), (ids) => ({ requestId: ids.packetRequest, packetId: ids.packet }), { engineer: { what: "cancel their own pending endorsement request" } }),
  action("packet", "reopenPacketAction", roles(only({ manager: "allowed" }), REFUSED, REFUSED, REFUSED), (ids) => ({ packetId: ids.declinedPacket }), { manager: { what: "reopen a declined packet (author or direct manager)" } }),
  action("committee", "recordVoteAction", roles(only({}), REFUSED, "allowed", REFUSED), (ids) => ({ packetId: ids.committeePacket, vote: "approve", comment: PROBE }), {
    committeeMember: { what: "vote on a packet in committee, as a member not recused", as: "peer" },
  }),
  action("committee", "decidePacketAction", roles(ADMINS, REFUSED, REFUSED, REFUSED), (ids) => ({ packetId: ids.committeePacket, outcome: "declined", reasons: PROBE, effectiveDate: null, missing: { "values.complexity": PROBE } }), {
    admin: { what: "record the committee's decision" },
  }),
];
