import { ADMINS, EVERYONE, only, OWNER } from "./roles";
import type { AccessRow, Proof } from "./types";

/*
 * Endorsements and the promotion committee, on the demo's records:
 * - the endorsement request Alex (the peer, its author) sent Jordan: only the
 *   one asked opens and answers it; Alex's own pending request on Jordan's
 *   packet (to Noor): only Jordan, its author, asks or cancels;
 * - Noor's packet, with the committee: Priya (the manager above) is a member
 *   but recused (Noor is in her org), so she is refused like everyone but an
 *   admin; no base role is a member who is not recused, so nobody here votes
 *   (the DAL rows prove a member's vote, as the small org's peer);
 * - Riley's declined packet: reopened only by Sam, Riley's direct manager
 *   (Jordan and Alex are Riley's peers here).
 * The DAL rows ("Endorsements and the committee" in lib/access-control.test.ts)
 * play the endorser as the small org's outsider and the member as its peer.
 */
const FILE = { packet: "app/(app)/packets/[id]/endorsement-actions.ts", endorsements: "app/(app)/endorsements/actions.ts", committee: "app/(app)/committee/actions.ts" };
const action = (where: keyof typeof FILE, name: string, cells: AccessRow["cells"], input: AccessRow["input"], proofs: AccessRow["proofs"]): AccessRow => ({ entry: `action ${FILE[where]}#${name}`, cells, input, proofs });
const asEndorser = (what: string): Proof => ({ what, as: "outsider" });
const PROBE = "Access-control probe";

export const COMMITTEE_ROWS: AccessRow[] = [
  { entry: "page /endorsements", cells: EVERYONE, path: () => "/endorsements", shows: () => "Endorsement requests" },
  { entry: "page /endorsements/[id]", cells: OWNER, path: (ids) => `/endorsements/${ids.endorsementRequest}`, shows: (ids) => ids.endorsementAuthor! },
  { entry: "page /committee", cells: only({ director: "allowed", admin: "allowed" }), path: () => "/committee", shows: () => "Promotion committee" },
  { entry: "page /committee/[id]", cells: ADMINS, path: (ids) => `/committee/${ids.committeePacket}`, shows: (ids) => ids.committeePerson! },
  action("endorsements", "answerEndorsementAction", OWNER, (ids) => ({ requestId: ids.endorsementRequest, version: ids.endorsementVersion, answers: [] }), { engineer: asEndorser("answer an endorsement request asked of them") }),
  action("endorsements", "declineEndorsementAction", OWNER, (ids) => ({ requestId: ids.endorsementRequest, reason: PROBE }), { engineer: asEndorser("decline an endorsement request asked of them") }),
  action("packet", "requestEndorsementsAction", OWNER, (ids) => ({ packetId: ids.packet, endorserIds: [ids.committeePersonId], cells: ["values.complexity"], message: PROBE }), {
    engineer: { what: "ask a colleague to endorse their packet" },
  }),
  action("packet", "cancelEndorsementRequestAction", OWNER, (ids) => ({ requestId: ids.packetRequest, packetId: ids.packet }), { engineer: { what: "cancel their own pending endorsement request" } }),
  action("packet", "reopenPacketAction", only({ manager: "allowed" }), (ids) => ({ packetId: ids.declinedPacket }), { manager: { what: "reopen a declined packet (author or direct manager)" } }),
  action("committee", "recordVoteAction", only({}), (ids) => ({ packetId: ids.committeePacket, vote: "approve", comment: PROBE }), {}),
  action("committee", "decidePacketAction", ADMINS, (ids) => ({ packetId: ids.committeePacket, outcome: "declined", reasons: PROBE, effectiveDate: null, missing: { "values.complexity": PROBE } }), {
    admin: { what: "record the committee's decision" },
  }),
];
