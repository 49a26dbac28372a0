import "server-only";
import crypto from "node:crypto";
import { and, desc, eq, isNull } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { people, sessions } from "@/db/schema";
import { config } from "@/lib/config";
import { recordAudit } from "./audit";

/* Don't write last_seen_at on every request: once a minute is precise enough for an idle timeout. */
const TOUCH_EVERY_MS = 60_000;

export type SessionEndReason = "signed-out" | "idle-timeout" | "absolute-timeout" | "deactivated" | "ended-by-admin" | "ended-by-owner" | "password-changed";

export function createSession(personId: string, provider: string, now = Date.now()): string {
  const id = crypto.randomBytes(24).toString("base64url");
  db().transaction((tx) => {
    tx.insert(sessions).values({ id, personId, provider, createdAt: new Date(now), lastSeenAt: new Date(now) }).run();
    recordAudit(tx, { actorId: personId, action: "session.start", recordType: "person", recordId: personId, summary: `Signed in with ${provider}` });
  });
  return id;
}

export type SessionCheck =
  | { valid: true; personId: string }
  | { valid: false; reason: SessionEndReason | "unknown" };

/*
 * The per-request check behind every signed-in page and action: the session
 * row exists and is open, is within the idle and absolute timeouts, and its
 * person is still active. A session that fails is closed for good.
 */
export function checkSession(sessionId: string, now = Date.now()): SessionCheck {
  const { sessionIdleMs, sessionMaxMs } = config();
  const row = db()
    .select({ id: sessions.id, personId: sessions.personId, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, endedAt: sessions.endedAt, endedReason: sessions.endedReason, active: people.active })
    .from(sessions)
    .innerJoin(people, eq(people.id, sessions.personId))
    .where(eq(sessions.id, sessionId))
    .get();
  if (!row) return { valid: false, reason: "unknown" };
  if (row.endedAt) return { valid: false, reason: (row.endedReason as SessionEndReason | null) ?? "unknown" };
  let reason: SessionEndReason | null = null;
  if (!row.active) reason = "deactivated";
  else if (now - row.createdAt.getTime() > sessionMaxMs) reason = "absolute-timeout";
  else if (now - row.lastSeenAt.getTime() > sessionIdleMs) reason = "idle-timeout";
  if (reason) {
    endSession(db(), sessionId, reason, now);
    return { valid: false, reason };
  }
  if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    db().update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.id, sessionId)).run();
  }
  return { valid: true, personId: row.personId };
}

export function endSession(tx: Executor, sessionId: string, reason: SessionEndReason, now = Date.now()) {
  tx.update(sessions).set({ endedAt: new Date(now), endedReason: reason }).where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt))).run();
}

/* Ends every open session of a person (deactivation, password change, "sign out everywhere"). */
export function endSessionsOf(tx: Executor, personId: string, reason: SessionEndReason, options: { except?: string } = {}, now = Date.now()) {
  const open = tx.select({ id: sessions.id }).from(sessions).where(and(eq(sessions.personId, personId), isNull(sessions.endedAt))).all();
  for (const { id } of open) {
    if (id !== options.except) endSession(tx, id, reason, now);
  }
  return open.filter(({ id }) => id !== options.except).length;
}

export function listOpenSessions(personId: string) {
  return db()
    .select({ id: sessions.id, provider: sessions.provider, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(and(eq(sessions.personId, personId), isNull(sessions.endedAt)))
    .orderBy(desc(sessions.lastSeenAt))
    .all();
}
