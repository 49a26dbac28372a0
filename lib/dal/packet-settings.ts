import "server-only";
import { eq } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { packetSettings, people } from "@/db/schema";
import { conflicted, type Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { DEFAULT_READINESS_RULE, readinessRuleInWords, type ReadinessRule } from "@/lib/packets/readiness";
import { canAdministerPacketSettings } from "@/lib/policies/packets";
import { recordAudit } from "./audit";

/* The readiness rule every packet is judged by: one row (id 1), the default until an admin first saves. */
export function readinessRule(ex: Executor = db()): ReadinessRule {
  const row = ex.select({ minimumRating: packetSettings.minimumRating, maxJustifiedGaps: packetSettings.maxJustifiedGaps }).from(packetSettings).where(eq(packetSettings.id, 1)).get();
  return row ?? DEFAULT_READINESS_RULE;
}

export function getPacketSettings(viewer: Viewer) {
  if (!canAdministerPacketSettings(viewer)) throw new NotFoundError("page");
  const row = db()
    .select({ version: packetSettings.version, updatedAt: packetSettings.updatedAt, updatedBy: people.name })
    .from(packetSettings)
    .leftJoin(people, eq(people.id, packetSettings.updatedById))
    .where(eq(packetSettings.id, 1))
    .get();
  const rule = readinessRule();
  return { rule, words: readinessRuleInWords(rule), version: row?.version ?? 0, updatedAt: row?.updatedAt ?? null, updatedBy: row?.updatedBy ?? null };
}

/* Version 0 means "never saved"; a save applies only to the version the page loaded. */
export function savePacketSettings(viewer: Viewer, rule: ReadinessRule, expectedVersion: number): Result<number> {
  if (!canAdministerPacketSettings(viewer)) throw new NotFoundError("setting");
  return db().transaction(
    (tx): Result<number> => {
      const before = tx.select().from(packetSettings).where(eq(packetSettings.id, 1)).get();
      const version = before?.version ?? 0;
      if (version !== expectedVersion) return conflicted(version, readinessRuleInWords(readinessRule(tx)), "Another admin changed the readiness rule while you were editing. Reload to see it.");
      const values = { minimumRating: rule.minimumRating, maxJustifiedGaps: rule.maxJustifiedGaps, version: version + 1, updatedById: viewer.id, updatedAt: new Date() };
      if (before) tx.update(packetSettings).set(values).where(eq(packetSettings.id, 1)).run();
      else tx.insert(packetSettings).values({ id: 1, ...values }).run();
      recordAudit(tx, { actorId: viewer.id, action: "packet.readiness-rule", recordType: "packet-settings", recordId: "1", summary: `Readiness rule: ${readinessRuleInWords(rule)}` });
      return { ok: true, value: version + 1 };
    },
    { behavior: "immediate" },
  );
}
