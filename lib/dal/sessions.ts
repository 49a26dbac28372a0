import "server-only";
import crypto from "node:crypto";
import { and, desc, eq, isNull, sql } from "drizzle-orm";
import { db, type Executor } from "@/db";
import { people, sessions } from "@/db/schema";
import { config } from "@/lib/config";
import { recordAudit } from "./audit";
import { prepared } from "./prepared";

/* Don't write last_seen_at on every request: once a minute is precise enough for an idle timeout. */
const TOUCH_EVERY_MS = 60_000;

export type SessionEndReason = "signed-out" | "idle-timeout" | "absolute-timeout" | "deactivated" | "ended-by-admin" | "ended-by-owner" | "password-changed";

/*
 * The cookie carries a random session token; the table keeps only its SHA-256,
 * so a copy of the database cannot be turned back into working sessions.
 */
const storedId = (token: string) => crypto.createHash("sha256").update(token).digest("base64url");

export function createSession(personId: string, provider: string, now = Date.now()): string {
  const token = crypto.randomBytes(24).toString("base64url");
  db().transaction((tx) => {
    tx.insert(sessions).values({ id: storedId(token), personId, provider, createdAt: new Date(now), lastSeenAt: new Date(now) }).run();
    recordAudit(tx, { actorId: personId, action: "session.start", recordType: "person", recordId: personId, summary: `Signed in with ${provider}` });
  });
  return token;
}

export type SessionCheck =
  | { valid: true; personId: string }
  | { valid: false; reason: SessionEndReason | "unknown" };

/*
 * The per-request check behind every signed-in page and action: the session
 * row exists and is open, is within the idle and absolute timeouts, and its
 * person is still active. A session that fails is closed for good.
 */
export function checkSession(token: string, now = Date.now()): SessionCheck {
  const sessionId = storedId(token);
  const { sessionIdleMs, sessionMaxMs } = config();
  const row = prepared("sessions.check", (d) =>
    d
      .select({ id: sessions.id, personId: sessions.personId, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt, endedAt: sessions.endedAt, endedReason: sessions.endedReason, active: people.active })
      .from(sessions)
      .innerJoin(people, eq(people.id, sessions.personId))
      .where(eq(sessions.id, sql.placeholder("id")))
      .prepare(),
  ).get({ id: sessionId });
  if (!row) return { valid: false, reason: "unknown" };
  if (row.endedAt) return { valid: false, reason: (row.endedReason as SessionEndReason | null) ?? "unknown" };
  let reason: SessionEndReason | null = null;
  if (!row.active) reason = "deactivated";
  else if (now - row.createdAt.getTime() > sessionMaxMs) reason = "absolute-timeout";
  else if (now - row.lastSeenAt.getTime() > sessionIdleMs) reason = "idle-timeout";
  if (reason) {
    closeSession(db(), sessionId, reason, now);
    return { valid: false, reason };
  }
  if (now - row.lastSeenAt.getTime() > TOUCH_EVERY_MS) {
    db().update(sessions).set({ lastSeenAt: new Date(now) }).where(eq(sessions.id, sessionId)).run();
  }
  return { valid: true, personId: row.personId };
}

export function endSession(tx: Executor, token: string, reason: SessionEndReason, now = Date.now()) {
  closeSession(tx, storedId(token), reason, now);
}

function closeSession(tx: Executor, sessionId: string, reason: SessionEndReason, now: number) {
  tx.update(sessions).set({ endedAt: new Date(now), endedReason: reason }).where(and(eq(sessions.id, sessionId), isNull(sessions.endedAt))).run();
}

/* Ends every open session of a person (deactivation, password change, "sign out everywhere"). */
/* `except` is the token of the session to keep (the one making the request). */
export function endSessionsOf(tx: Executor, personId: string, reason: SessionEndReason, options: { except?: string } = {}, now = Date.now()) {
  const keep = options.except ? storedId(options.except) : null;
  const open = tx.select({ id: sessions.id }).from(sessions).where(and(eq(sessions.personId, personId), isNull(sessions.endedAt))).all();
  const ending = open.filter(({ id }) => id !== keep);
  for (const { id } of ending) closeSession(tx, id, reason, now);
  return ending.length;
}

/* The viewer's own open sessions, marking the one making this request. */
export function listOpenSessions(viewer: { id: string }, currentToken?: string) {
  const current = currentToken ? storedId(currentToken) : null;
  return db()
    .select({ id: sessions.id, provider: sessions.provider, createdAt: sessions.createdAt, lastSeenAt: sessions.lastSeenAt })
    .from(sessions)
    .where(and(eq(sessions.personId, viewer.id), isNull(sessions.endedAt)))
    .orderBy(desc(sessions.lastSeenAt))
    .all()
    .map((s) => ({ ...s, current: s.id === current }));
}
