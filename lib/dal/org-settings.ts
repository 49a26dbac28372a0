import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { orgSettings } from "@/db/schema";
import { DEFAULT_TIME_ZONE, isTimeZone, todayIn, yearOf } from "@/lib/domain/org-time";
import { conflicted, fieldError, type Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { canAdministerOrgSettings } from "@/lib/policies/reviews";
import { recordAudit } from "./audit";
import { prepared } from "./prepared";

/* The organisation's settings row (id 1); until an admin saves it, the defaults. */
function readSettings() {
  const row = prepared("org-settings.read", (d) => d.select({ timeZone: orgSettings.timeZone, version: orgSettings.version }).from(orgSettings).where(eq(orgSettings.id, 1)).prepare()).get();
  return row ?? { timeZone: DEFAULT_TIME_ZONE, version: 0 };
}

/* Not viewer-bound: every page that shows a date needs the org's zone. */
export function orgTimeZone(): string {
  return readSettings().timeZone;
}

/* Today's date (YYYY-MM-DD) in the org's time zone. */
export function orgToday(now: Date = new Date()): string {
  return todayIn(orgTimeZone(), now);
}

/* This year in the org's time zone. */
export function orgYear(now: Date = new Date()): number {
  return yearOf(orgToday(now));
}

export function getOrgSettings(viewer: Viewer) {
  if (!canAdministerOrgSettings(viewer)) throw new NotFoundError("page");
  return readSettings();
}

export function saveOrgTimeZone(viewer: Viewer, timeZone: string, expectedVersion: number): Result<number> {
  if (!canAdministerOrgSettings(viewer)) throw new NotFoundError("page");
  if (!isTimeZone(timeZone)) return fieldError("timeZone", "Choose a time zone from the list, like Europe/Amsterdam");
  return db().transaction(
    (tx): Result<number> => {
      const before = tx.select().from(orgSettings).where(eq(orgSettings.id, 1)).get();
      const version = before?.version ?? 0;
      if (version !== expectedVersion) return conflicted(version, before?.timeZone, "Another admin changed the time zone while you were editing. Reload to see it.");
      if (before) tx.update(orgSettings).set({ timeZone, version: version + 1, updatedById: viewer.id, updatedAt: new Date() }).where(eq(orgSettings.id, 1)).run();
      else tx.insert(orgSettings).values({ id: 1, timeZone, version: 1, updatedById: viewer.id }).run();
      recordAudit(tx, { actorId: viewer.id, action: "org.time-zone", recordType: "org-settings", recordId: "1", summary: `Time zone ${before?.timeZone ?? DEFAULT_TIME_ZONE} -> ${timeZone}` });
      return { ok: true, value: version + 1 };
    },
    { behavior: "immediate" },
  );
}
