import { ADMINS, CHAIN, DIRECT_MANAGER, EVERYONE, only, OWNER, withPacketRoles, type Cells, type Expect } from "./roles";
import type { AccessRow, Proof } from "./types";

/*
 * Promotion packets, about Jordan's packet (the person's): the author writes
 * the case and submits; the direct manager rates, returns, endorses and keeps
 * private notes; either may withdraw; managers above and admins read; a peer
 * and an unrelated manager learn nothing. Allowed action cells name the DAL
 * rows in lib/test/access-dal/packets.ts, which run each
 * step on a packet in the state it needs.
 *
 * The packet roles, on Jordan's packet (a draft, returned to him, so not with
 * the committee): Noor, asked to endorse it, reads only her request, never
 * the packet (refused everywhere but the lists everyone has); Avery, a
 * committee member, sees nothing of a packet before it reaches the committee
 * (refused likewise); Priya, recused from it as it is in her org, reads it as
 * his manager above: her cells are the director's.
 */
const FILE = { packet: "app/(app)/packets/[id]/actions.ts", start: "app/(app)/packets/actions.ts", settings: "app/(app)/admin/packets/actions.ts" };
/* Jordan's packet: the endorser and a committee member as `others` (refused unless everyone may), the recused member as the manager above. */
const onJordans = (cells: Cells, others: Expect = "refused"): Cells => withPacketRoles(cells, others, others, cells.director);
const action = (where: keyof typeof FILE, name: string, cells: AccessRow["cells"], input: AccessRow["input"], proofs: AccessRow["proofs"]): AccessRow => ({ entry: `action ${FILE[where]}#${name}`, packet: true, cells: onJordans(cells), input, proofs });
const proof = (what: string): Proof => ({ what });
const PROBE = "Access-control probe";

export const PACKET_ROWS: AccessRow[] = [
  { entry: "page /packets", packet: true, cells: onJordans(EVERYONE, "allowed"), path: () => "/packets", shows: () => "Promotion packets" },
  { entry: "page /packets/new", packet: true, cells: onJordans(EVERYONE, "allowed"), path: () => "/packets/new", shows: () => "Start a promotion packet" },
  // For the person: themselves, or their direct manager; a manager above and an admin may not start one for them.
  { entry: "page /packets/new", variant: "for the person", packet: true, cells: onJordans(only({ engineer: "allowed", manager: "allowed" })), path: (ids) => `/packets/new?person=${ids.engineer}`, shows: () => "Start a promotion packet" },
  { entry: "page /packets/[id]", packet: true, cells: onJordans(CHAIN), path: (ids) => `/packets/${ids.packet}`, shows: (ids) => `promotion packet: ${ids.packetTarget}` },
  // The packet as a document answers exactly as the packet page does.
  { entry: "page /packets/[id]/print", packet: true, cells: onJordans(CHAIN), path: (ids) => `/packets/${ids.packet}/print`, shows: (ids) => ids.engineerName! },
  { entry: "GET /packets/[id]/pdf", packet: true, cells: onJordans(CHAIN), path: (ids) => `/packets/${ids.packet}/pdf`, shows: () => "%PDF" },
  { entry: "page /admin/packets", packet: true, cells: onJordans(ADMINS), path: () => "/admin/packets", shows: () => "Readiness rule" },
  action("start", "startPacketAction", only({ engineer: "allowed", manager: "allowed" }), (ids) => ({ personId: ids.engineer, targetLevelKey: ids.packetTargetKey }), {
    engineer: proof("start a packet (for themselves, or a direct report)"),
    manager: proof("start a packet (for themselves, or a direct report)"),
  }),
  action("packet", "savePacketCaseAction", OWNER, (ids) => ({ packetId: ids.packet, version: ids.packetCaseVersion, summary: PROBE, cells: [] }), { engineer: proof("write their packet's case") }),
  action("packet", "submitPacketAction", OWNER, (ids) => ({ packetId: ids.packet, version: ids.packetCaseVersion, note: PROBE }), { engineer: proof("submit their packet") }),
  action("packet", "withdrawPacketAction", only({ engineer: "allowed", manager: "allowed" }), (ids) => ({ packetId: ids.packet, reason: PROBE }), {
    engineer: proof("withdraw a packet (author or direct manager)"),
    manager: proof("withdraw a packet (author or direct manager)"),
  }),
  action("packet", "savePacketReviewAction", DIRECT_MANAGER, (ids) => ({ packetId: ids.packet, version: ids.packetManagerVersion, cells: [] }), { manager: proof("rate a direct report's packet") }),
  action("packet", "returnPacketAction", DIRECT_MANAGER, (ids) => ({ packetId: ids.packet, version: ids.packetManagerVersion, note: PROBE }), { manager: proof("return a direct report's packet") }),
  action("packet", "endorsePacketAction", DIRECT_MANAGER, (ids) => ({ packetId: ids.packet, version: ids.packetManagerVersion, note: PROBE }), { manager: proof("endorse a direct report's packet") }),
  action("packet", "savePacketNotesAction", DIRECT_MANAGER, (ids) => ({ packetId: ids.packet, version: ids.packetNotesVersion, body: PROBE }), { manager: proof("write private notes on a direct report's packet") }),
  action("settings", "savePacketSettingsAction", ADMINS, (ids) => ({ minimumRating: "meets", gaps: "any", maxJustifiedGaps: "", version: ids.packetSettingsVersion }), { admin: proof("read and set the readiness rule") }),
];
