import crypto from "node:crypto";
import { eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { frameworkVersions, packetEvents, packets, people } from "@/db/schema";
import type { PacketStatus } from "@/lib/domain/enums";

/*
 * A packet written straight into SQLite, for the Playwright specs (which
 * cannot call the server-only DAL): pinned to the published version, a row
 * per cell with `caseText` in each, and a timeline up to `status`.
 */
export function insertPacket(database: Db, o: { personId: string; targetLevelKey?: string; status?: Extract<PacketStatus, "draft" | "submitted">; caseText?: string }) {
  const person = database.select({ levelKey: people.levelKey }).from(people).where(eq(people.id, o.personId)).get()!;
  const versionId = database.select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.status, "published")).get()!.id;
  const id = crypto.randomUUID();
  const status = o.status ?? "draft";
  const text = o.caseText ?? "";
  database.transaction((tx) => {
    tx.insert(packets).values({ id, personId: o.personId, startedById: o.personId, frameworkVersionId: versionId, fromLevelKey: person.levelKey, targetLevelKey: o.targetLevelKey ?? "ic3", kind: "promotion", status, summary: text ? "Summary" : "", caseVersion: status === "submitted" ? 3 : 1, submittedAt: status === "submitted" ? new Date() : null }).run();
    tx.run(sql`insert into packet_cells (packet_id, competency_key, theme_key, case_text, text_version)
      select ${id}, c.competency_key, t.theme_key, ${text}, ${text ? 2 : 1} from version_competencies c cross join version_themes t
      where c.version_id = ${versionId} and t.version_id = ${versionId}`);
    tx.insert(packetEvents).values({ packetId: id, actorId: o.personId, step: "start", toStatus: "draft" }).run();
    if (status === "submitted") tx.insert(packetEvents).values({ packetId: id, actorId: o.personId, step: "submit", fromStatus: "draft", toStatus: "submitted" }).run();
  });
  return id;
}
