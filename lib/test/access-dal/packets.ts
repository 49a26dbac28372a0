import { and, eq } from "drizzle-orm";
import { expect } from "vitest";
import { db } from "@/db";
import { auditLog, packetPrivateNotes } from "@/db/schema";
import type { Viewer } from "@/lib/domain/viewer";
import { savePacketCase, submitPacket, withdrawPacket } from "@/lib/dal/packet-case";
import { getPacketDocument } from "@/lib/dal/packet-document";
import { getPacketNotes, savePacketNotes } from "@/lib/dal/packet-notes";
import { endorsePacket, returnPacket, savePacketReview } from "@/lib/dal/packet-review";
import { getPacketSettings, savePacketSettings } from "@/lib/dal/packet-settings";
import { getStartOptions, startPacket } from "@/lib/dal/packet-start";
import { getPacket, listPackets } from "@/lib/dal/packets";
import type { Actor, Org } from "@/lib/test/org";
import { packetRow, rateAll } from "@/lib/test/packets";
import { action, ALL_CELLS, asPerson, featureState, type Row } from "./harness";
import { actorFor, done, freshPacket, onPacket, statusIs, type Fresh } from "./packet-helpers";

/* ---------- Promotion packets: reading (and as a document), starting, the case, the manager's review, notes, the readiness rule ---------- */

const readPacket = action(
  onPacket("submitted", (viewer, { id }) => getPacket(viewer, id)),
  ({ id, author, result }, org, a) => {
    expect(result.packet).toMatchObject({ id, personId: author.id, status: "submitted" });
    const reads = db().select().from(auditLog).where(and(eq(auditLog.recordId, id), eq(auditLog.action, "packet.read"))).all();
    expect(reads.map((r) => r.actorId)).toEqual(a === "engineer" ? [] : [org.as[a].id]);
  },
);
const listPacketsAs = action(
  onPacket("draft", (viewer) => listPackets(viewer)),
  ({ id, result }, _org, a) => {
    const seen = [...result.mine, ...result.others].map((p) => p.id);
    if (a === "peer" || a === "otherManager") expect(seen).not.toContain(id);
    else expect(seen).toContain(id);
  },
);
const startPacketFor = action(
  onPacket("none", (viewer, { author }) => ({ options: getStartOptions(viewer, author.id), started: startPacket(viewer, author.id, "ic3") })),
  ({ author, result }: Fresh<{ options: ReturnType<typeof getStartOptions>; started: ReturnType<typeof startPacket> }>) => {
    expect(result.options.targets.map((t) => t.key)).toEqual(["ic3"]);
    const started = result.started as { ok: true; value: string };
    expect(packetRow(started.value)).toMatchObject({ personId: author.id, status: "draft", targetLevelKey: "ic3" });
  },
);
const saveCase = action(
  onPacket("draft", (viewer, { id }) => savePacketCase(viewer, id, 1, { summary: "Written by the row", cells: [] })),
  ({ id, result }) => {
    expect(result).toMatchObject({ ok: true, version: 2 });
    expect(packetRow(id).summary).toBe("Written by the row");
  },
);
const submitOwn = action(
  (org: Org, a: Actor) => {
    const fresh = freshPacket(org, "draft");
    writeWholeCase(fresh);
    return { ...fresh, result: submitPacket(actorFor(org, a, fresh.author), fresh.id, packetRow(fresh.id).caseVersion, "") };
  },
  ({ id, result }) => {
    done(result);
    statusIs(id, "submitted");
  },
);
const saveReview = action(
  onPacket("submitted", (viewer, { id }) => savePacketReview(viewer, id, packetRow(id).managerVersion, ALL_CELLS.map((cell) => ({ cell, rating: "exceeds", comment: "Row", justification: "" })))),
  ({ id, result }) => {
    expect(result).toMatchObject({ ok: true, value: { readiness: { ready: true } } });
    expect(getPacket(asPerson(packetRow(id).managerAuthorId!), id).manager?.cells.every((c) => c.rating === "exceeds")).toBe(true);
  },
);
const returnIt = action(
  onPacket("submitted", (viewer, { id }) => returnPacket(viewer, id, packetRow(id).managerVersion, "More on influence")),
  ({ id, result }) => {
    done(result);
    statusIs(id, "draft");
  },
);
const endorseIt = action(
  (org: Org, a: Actor) => {
    const fresh = freshPacket(org, "submitted");
    rateAll(org.as.manager, fresh.id, "meets");
    return { ...fresh, result: endorsePacket(actorFor(org, a, fresh.author), fresh.id, packetRow(fresh.id).managerVersion, "Ready") };
  },
  ({ id, result }) => {
    done(result);
    statusIs(id, "endorsed");
  },
);
const withdrawIt = action(
  onPacket("submitted", (viewer, { id }) => withdrawPacket(viewer, id, "Not now")),
  ({ id, result }) => {
    done(result);
    statusIs(id, "withdrawn");
  },
);
const readPacketNotes = action(
  (org: Org, a: Actor) => {
    const fresh = freshPacket(org, "submitted");
    savePacketNotes(org.as.manager, fresh.id, 0, "Row note");
    return { ...fresh, result: getPacketNotes(actorFor(org, a, fresh.author), fresh.id) };
  },
  ({ result }) => expect(result.body).toBe("Row note"),
);
const writePacketNotes = action(
  onPacket("submitted", (viewer, { id }) => savePacketNotes(viewer, id, 0, "Written note")),
  ({ id, result }) => {
    expect(result).toMatchObject({ ok: true, version: 1 });
    expect(db().select({ body: packetPrivateNotes.body }).from(packetPrivateNotes).where(eq(packetPrivateNotes.packetId, id)).get()).toEqual({ body: "Written note" });
  },
);
/* The readiness rule's version, advanced by the admin's row: set by setupPackets. */
const settingsState = featureState<{ version: number }>("promotion packets");
const packetSettingsAs = action(
  (org: Org, a: Actor) => ({ read: getPacketSettings(org.as[a]), saved: savePacketSettings(org.as[a], { minimumRating: "meets", maxJustifiedGaps: null }, settingsState.get().version) }),
  ({ read, saved }) => {
    expect(read.words).toMatch(/^Ready for the committee when/);
    expect(saved).toEqual({ ok: true, value: ++settingsState.get().version });
  },
);
/* The packet as a document (print view, PDF): read like the packet page, every cell in it, audited the same way with how it was read. */
const packetDocumentAs = (via: "print" | "pdf") =>
  action(
    onPacket("submitted", (viewer, { id }) => getPacketDocument(viewer, id, via)),
    ({ id, author, result }, org, a) => {
      expect(result.personName).toBe(author.name);
      expect(result.document.sections.map((s) => s.title)).toEqual(expect.arrayContaining(["Summary", "Values · Complexity", "Leadership · Multiplier effect", "Timeline"]));
      const reads = db().select().from(auditLog).where(and(eq(auditLog.recordId, id), eq(auditLog.action, "packet.read"))).all();
      expect(reads.map((r) => [r.actorId, r.summary.endsWith(via === "pdf" ? "(PDF)" : "(print view)")])).toEqual(a === "engineer" ? [] : [[org.as[a].id, true]]);
    },
  );
/* A draft needs its case written before it can be submitted. */
function writeWholeCase(fresh: { author: Viewer; id: string }) {
  savePacketCase(fresh.author, fresh.id, packetRow(fresh.id).caseVersion, { summary: "S", cells: ALL_CELLS.map((cell) => ({ cell, text: "Case", citations: [] })) });
}
const others = (except: Actor[]) => (["engineer", "manager", "director", "admin", "otherManager", "peer"] as Actor[]).filter((x) => !except.includes(x));

export const packetRows: Row[] = [
  ...(["engineer", "manager", "director", "admin"] as const).map((as) => ({ what: "read a packet (read audited for all but its author)", as, expect: "allowed" as const, action: readPacket })),
  ...(["otherManager", "peer"] as const).map((as) => ({ what: "read a packet", as, expect: "refused" as const, action: readPacket })),
  ...(["print", "pdf"] as const).flatMap((via) => [
    ...(["engineer", "manager", "director", "admin"] as const).map((as) => ({ what: `read a packet as a document (${via}; audited for all but its author)`, as, expect: "allowed" as const, action: packetDocumentAs(via) })),
    ...(["otherManager", "peer"] as const).map((as) => ({ what: `read a packet as a document (${via})`, as, expect: "refused" as const, action: packetDocumentAs(via) })),
  ]),
  ...others([]).map((as) => ({ what: "list packets (only those they may read)", as, expect: "allowed" as const, action: listPacketsAs })),
  ...(["engineer", "manager"] as const).map((as) => ({ what: "start a packet (for themselves, or a direct report)", as, expect: "allowed" as const, action: startPacketFor })),
  ...others(["engineer", "manager"]).map((as) => ({ what: "start a packet for someone else's report", as, expect: "refused" as const, action: startPacketFor })),
  { what: "write their packet's case", as: "engineer", expect: "allowed", action: saveCase },
  { what: "submit their packet", as: "engineer", expect: "allowed", action: submitOwn },
  ...others(["engineer"]).flatMap((as) => [
    { what: "write someone else's packet's case", as, expect: "refused" as const, action: saveCase },
    { what: "submit someone else's packet", as, expect: "refused" as const, action: submitOwn },
  ]),
  { what: "rate a direct report's packet", as: "manager", expect: "allowed", action: saveReview },
  { what: "return a direct report's packet", as: "manager", expect: "allowed", action: returnIt },
  { what: "endorse a direct report's packet", as: "manager", expect: "allowed", action: endorseIt },
  ...others(["manager"]).flatMap((as) => [
    { what: "rate a packet they do not manage directly", as, expect: "refused" as const, action: saveReview },
    { what: "return a packet they do not manage directly", as, expect: "refused" as const, action: returnIt },
    { what: "endorse a packet they do not manage directly", as, expect: "refused" as const, action: endorseIt },
  ]),
  ...(["engineer", "manager"] as const).map((as) => ({ what: "withdraw a packet (author or direct manager)", as, expect: "allowed" as const, action: withdrawIt })),
  ...others(["engineer", "manager"]).map((as) => ({ what: "withdraw someone else's packet", as, expect: "refused" as const, action: withdrawIt })),
  ...(["manager", "director", "admin"] as const).map((as) => ({ what: "read a packet's private notes", as, expect: "allowed" as const, action: readPacketNotes })),
  ...(["engineer", "otherManager", "peer"] as const).map((as) => ({ what: "read a packet's private notes", as, expect: "refused" as const, action: readPacketNotes })),
  { what: "write private notes on a direct report's packet", as: "manager", expect: "allowed", action: writePacketNotes },
  ...others(["manager"]).map((as) => ({ what: "write private notes on a packet", as, expect: "refused" as const, action: writePacketNotes })),
  { what: "read and set the readiness rule", as: "admin", expect: "allowed", action: packetSettingsAs },
  ...others(["admin"]).map((as) => ({ what: "read and set the readiness rule", as, expect: "refused" as const, action: packetSettingsAs })),
];

/* No records: each row makes its packet (the committee is the org's, lib/test/access-dal/harness.ts); the readiness rule has never been saved. */
export function setupPackets() {
  settingsState.set({ version: 0 });
}
