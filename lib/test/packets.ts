import { eq } from "drizzle-orm";
import { db } from "@/db";
import { packetCells, packets } from "@/db/schema";
import { savePacketCase, submitPacket } from "@/lib/dal/packet-case";
import { endorsePacket, returnPacket, savePacketReview } from "@/lib/dal/packet-review";
import { startPacket } from "@/lib/dal/packet-start";
import { cellId } from "@/lib/domain/cell-ref";
import type { PacketRating } from "@/lib/domain/enums";
import type { Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";

/*
 * Packets in a given state for unit tests, built through the DAL as the
 * people concerned would build them (the author writes and submits, the
 * manager rates, returns or endorses), so each state is one the app can reach.
 */
export function mustSucceed<T extends Result<unknown>>(result: T): T {
  if (!result.ok) throw new Error(`refused: ${JSON.stringify(result)}`);
  return result;
}

export const packetRow = (id: string) => db().select().from(packets).where(eq(packets.id, id)).get()!;
export const packetCellIds = (id: string) => db().select().from(packetCells).where(eq(packetCells.packetId, id)).all().map(cellId);

export function startedPacket(starter: Viewer, personId: string, targetLevelKey = "ic3"): string {
  return (mustSucceed(startPacket(starter, personId, targetLevelKey)) as { value: string }).value;
}

/* The author writes a summary and every cell's case. */
export function writeCase(author: Viewer, packetId: string, text = "Led the queue migration across two teams.") {
  const cells = packetCellIds(packetId).map((cell) => ({ cell, text: `${text} (${cell})`, citations: [] }));
  return mustSucceed(savePacketCase(author, packetId, packetRow(packetId).caseVersion, { summary: "Ready for the next level.", cells }));
}

export function rateAll(manager: Viewer, packetId: string, rating: PacketRating | null = "meets", overrides: Record<string, { rating: PacketRating | null; justification?: string }> = {}) {
  const cells = packetCellIds(packetId).map((cell) => ({ cell, rating: overrides[cell]?.rating ?? rating, comment: `Seen in ${cell}`, justification: overrides[cell]?.justification ?? "" }));
  return mustSucceed(savePacketReview(manager, packetId, packetRow(packetId).managerVersion, cells));
}

export type PacketState = "draft" | "submitted" | "returned" | "endorsed";

/* A packet for `author` (a direct report of `manager`) in the given state. */
export function packetIn(state: PacketState, author: Viewer, manager: Viewer, targetLevelKey = "ic3"): string {
  const id = startedPacket(author, author.id, targetLevelKey);
  if (state === "draft") return id;
  writeCase(author, id);
  mustSucceed(submitPacket(author, id, packetRow(id).caseVersion, ""));
  if (state === "submitted") return id;
  rateAll(manager, id, "meets");
  if (state === "returned") mustSucceed(returnPacket(manager, id, packetRow(id).managerVersion, "Say more about the migration."));
  else mustSucceed(endorsePacket(manager, id, packetRow(id).managerVersion, "Ready."));
  return id;
}
