import { expect } from "vitest";
import type { Viewer } from "@/lib/domain/viewer";
import { newViewer, type Actor, type Org } from "@/lib/test/org";
import { packetIn, packetRow, type PacketState } from "@/lib/test/packets";

/* Fresh packets for the access-control rows of promotion packets (lib/test/access-dal/packets.ts) and of endorsements and the committee (committee.ts). */

/*
 * Each packet row gets a new direct report of the manager with a packet in
 * the state the row needs. "engineer" rows act as that report, the packet's
 * author; the peer is their peer (same manager), the director the manager
 * above, otherManager an unrelated manager.
 */
export const freshPacket = (org: Org, state: PacketState | "none") => {
  const { viewer: author } = newViewer({ managerId: org.people.manager.id });
  return { author, id: state === "none" ? "" : packetIn(state, author, org.as.manager) };
};
export const actorFor = (org: Org, a: Actor, author: Viewer) => (a === "engineer" ? author : org.as[a]);
export const onPacket = <R>(state: PacketState | "none", call: (viewer: Viewer, fresh: { author: Viewer; id: string }) => R) => (org: Org, a: Actor) => {
  const fresh = freshPacket(org, state);
  return { ...fresh, result: call(actorFor(org, a, fresh.author), fresh) };
};
export type Fresh<R> = { author: Viewer; id: string; result: R };
export const done = (r: unknown) => expect(r).toMatchObject({ ok: true });
export const statusIs = (id: string, status: string) => expect(packetRow(id).status).toBe(status);
