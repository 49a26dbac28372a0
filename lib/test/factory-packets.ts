import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { committeeMembers, endorsementCells, endorsementRequests, frameworkVersions, packetEvents, packets, people } from "@/db/schema";
import type { PacketStatus } from "@/lib/domain/enums";

/*
 * Packets written straight into SQLite, for the Playwright specs (which
 * cannot call the server-only DAL): pinned to the published version, a row
 * per cell with `caseText` in each, and a timeline up to `status`. An
 * endorsed packet (with the committee) has every cell rated Meets by the
 * person's manager, with `managerComment`.
 */
type Status = Extract<PacketStatus, "draft" | "submitted" | "endorsed">;
export function insertPacket(database: Db, o: { personId: string; targetLevelKey?: string; status?: Status; caseText?: string; managerComment?: string }) {
  const person = database.select({ levelKey: people.levelKey, managerId: people.managerId }).from(people).where(eq(people.id, o.personId)).get()!;
  const versionId = database.select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.status, "published")).get()!.id;
  const id = crypto.randomUUID();
  const status = o.status ?? "draft";
  const text = o.caseText ?? "";
  const endorsed = status === "endorsed";
  const rating = endorsed ? "meets" : null;
  database.transaction((tx) => {
    tx.insert(packets)
      .values({ id, personId: o.personId, startedById: o.personId, frameworkVersionId: versionId, fromLevelKey: person.levelKey, targetLevelKey: o.targetLevelKey ?? "ic3", kind: "promotion", status, summary: text ? "Summary" : "", caseVersion: status === "draft" ? 1 : 3, submittedAt: status === "draft" ? null : new Date(), endorsedAt: endorsed ? new Date() : null, managerAuthorId: endorsed ? person.managerId : null, managerVersion: endorsed ? 3 : 1 })
      .run();
    tx.run(sql`insert into packet_cells (packet_id, competency_key, theme_key, case_text, text_version, manager_rating, manager_comment)
      select ${id}, c.competency_key, t.theme_key, ${text}, ${text ? 2 : 1}, ${rating}, ${o.managerComment ?? ""} from version_competencies c cross join version_themes t
      where c.version_id = ${versionId} and t.version_id = ${versionId}`);
    tx.insert(packetEvents).values({ packetId: id, actorId: o.personId, step: "start", toStatus: "draft" }).run();
    if (status !== "draft") tx.insert(packetEvents).values({ packetId: id, actorId: o.personId, step: "submit", fromStatus: "draft", toStatus: "submitted" }).run();
    if (endorsed) tx.insert(packetEvents).values({ packetId: id, actorId: person.managerId, step: "endorse", fromStatus: "submitted", toStatus: "endorsed" }).run();
  });
  return id;
}

/* A pending endorsement request on a packet, asking `endorserId` about the given cells ("competency.theme"). */
export function insertEndorsementRequest(database: Db, o: { packetId: string; endorserId: string; cells: string[]; message?: string }) {
  const id = crypto.randomUUID();
  const author = database.select({ personId: packets.personId }).from(packets).where(eq(packets.id, o.packetId)).get()!.personId;
  database.transaction((tx) => {
    tx.insert(endorsementRequests).values({ id, packetId: o.packetId, endorserId: o.endorserId, requestedById: author, message: o.message ?? "" }).run();
    for (const cell of o.cells) {
      const [competencyKey, themeKey] = cell.split(".") as [string, string];
      tx.insert(endorsementCells).values({ requestId: id, competencyKey, themeKey }).run();
    }
  });
  return id;
}

export function addToCommittee(database: Db, personId: string) {
  database.insert(committeeMembers).values({ personId }).run();
}
