import "server-only";
import { eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { packetPrivateNotes, people } from "@/db/schema";
import { conflicted, refused, type Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { canReadPacketNotes, canWritePacketNotes } from "@/lib/policies/packets";
import { recordAudit } from "./audit";
import { authorisePacket } from "./packet-records";

/*
 * Private manager notes on a packet: the manager chain and admins only. The
 * author (and anyone else) is told they do not exist, and no other module
 * reads this table, so the notes cannot ride along in anything the author's
 * pages or actions receive.
 */
function authorise(ex: Executor, viewer: Viewer, packetId: string) {
  const { packet, relationship } = authorisePacket(ex, viewer, packetId);
  if (!canReadPacketNotes(viewer, relationship)) throw new NotFoundError("packet notes");
  return { packet, relationship };
}

export function getPacketNotes(viewer: Viewer, packetId: string) {
  const { packet, relationship } = authorise(db(), viewer, packetId);
  const row = db()
    .select({ body: packetPrivateNotes.body, version: packetPrivateNotes.version, updatedAt: packetPrivateNotes.updatedAt, updatedBy: people.name })
    .from(packetPrivateNotes)
    .leftJoin(people, eq(people.id, packetPrivateNotes.updatedById))
    .where(eq(packetPrivateNotes.packetId, packetId))
    .get();
  return { body: row?.body ?? "", version: row?.version ?? 0, updatedAt: row?.updatedAt ?? null, updatedBy: row?.updatedBy ?? null, canWrite: canWritePacketNotes(viewer, relationship, packet.status) };
}

/* Version 0 means "no notes yet"; a save applies only to the version the page loaded. */
export function savePacketNotes(viewer: Viewer, packetId: string, expectedVersion: number, body: string): Result<void> & { version?: number } {
  return db().transaction(
    (tx) => {
      const { packet, relationship } = authorise(tx, viewer, packetId);
      if (!canWritePacketNotes(viewer, relationship, packet.status)) {
        // Only the direct manager is told why (the packet closed); a reader above them finds nothing to write to.
        if (relationship !== "direct-report") throw new NotFoundError("packet notes");
        return refused("This packet is closed; its notes can be read but not changed.");
      }
      const current = tx.select({ version: packetPrivateNotes.version, body: packetPrivateNotes.body }).from(packetPrivateNotes).where(eq(packetPrivateNotes.packetId, packetId)).get();
      const currentVersion = current?.version ?? 0;
      if (currentVersion !== expectedVersion) return conflicted(currentVersion, current?.body ?? "", "These notes were saved somewhere else while you were editing. Your text is still here; the saved notes are shown below.");
      const version = currentVersion + 1;
      const values = { body, version, updatedById: viewer.id, updatedAt: new Date() };
      if (current) tx.update(packetPrivateNotes).set(values).where(eq(packetPrivateNotes.packetId, packetId)).run();
      else tx.insert(packetPrivateNotes).values({ packetId, ...values }).run();
      // The audit row says that notes changed, never what they say.
      recordAudit(tx, { actorId: viewer.id, action: "packet.private-notes", recordType: "packet", recordId: packetId, summary: `Saved private manager notes (version ${version})` });
      return { ok: true as const, value: undefined, version };
    },
    { behavior: "immediate" },
  );
}
