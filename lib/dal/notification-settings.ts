import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { notificationSettings } from "@/db/schema";
import type { EmailPreference } from "@/lib/domain/enums";
import { conflicted, type Result } from "@/lib/domain/result";
import type { Viewer } from "@/lib/domain/viewer";
import { recordAudit } from "./audit";

/* Each person's email setting for notifications: immediate (the default), a daily digest, or off. Their own to read and change. */
export function getEmailPreference(viewer: Viewer): { email: EmailPreference; version: number } {
  return db().select({ email: notificationSettings.email, version: notificationSettings.version }).from(notificationSettings).where(eq(notificationSettings.personId, viewer.id)).get() ?? { email: "immediate", version: 0 };
}

export function saveEmailPreference(viewer: Viewer, email: EmailPreference, expectedVersion: number): Result<number> {
  return db().transaction(
    (tx): Result<number> => {
      const before = tx.select().from(notificationSettings).where(eq(notificationSettings.personId, viewer.id)).get();
      const version = before?.version ?? 0;
      if (version !== expectedVersion) return conflicted(version, before?.email, "You changed this setting in another tab. Reload to see it.");
      if (before) tx.update(notificationSettings).set({ email, version: version + 1, updatedAt: new Date() }).where(eq(notificationSettings.personId, viewer.id)).run();
      else tx.insert(notificationSettings).values({ personId: viewer.id, email, version: 1 }).run();
      recordAudit(tx, { actorId: viewer.id, action: "notifications.email-setting", recordType: "person", recordId: viewer.id, summary: `Email notifications: ${before?.email ?? "immediate"} -> ${email}` });
      return { ok: true, value: version + 1 };
    },
    { behavior: "immediate" },
  );
}
