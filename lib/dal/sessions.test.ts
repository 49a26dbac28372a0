import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { installDefaultFramework } from "@/lib/dal/framework-install";
import { people, sessions } from "@/db/schema";
import { config } from "@/lib/config";
import { insertPerson } from "@/lib/test/factory";
import { checkSession, createSession, endSessionsOf, listOpenSessions } from "./sessions";

const t0 = Date.UTC(2026, 10, 22, 9, 0, 0);

describe("sessions", () => {
  beforeAll(() => {
    installDefaultFramework(db());
  });

  it("is valid while in use and ends after the idle timeout", () => {
    const person = insertPerson(db());
    const { sessionIdleMs } = config();
    const sid = createSession(person.id, "credentials", t0);
    expect(checkSession(sid, t0 + sessionIdleMs - 1000)).toEqual({ valid: true, personId: person.id });
    // Activity moved last-seen forward, so the idle clock restarts from there.
    expect(checkSession(sid, t0 + 2 * sessionIdleMs - 2000).valid).toBe(true);
    expect(checkSession(sid, t0 + 3 * sessionIdleMs)).toEqual({ valid: false, reason: "idle-timeout" });
    expect(checkSession(sid, t0 + 3 * sessionIdleMs + 1)).toEqual({ valid: false, reason: "idle-timeout" });
  });

  it("ends at the absolute timeout however active it is", () => {
    const person = insertPerson(db());
    const { sessionIdleMs, sessionMaxMs } = config();
    const sid = createSession(person.id, "credentials", t0);
    for (let at = t0; at < t0 + sessionMaxMs; at += sessionIdleMs / 2) expect(checkSession(sid, at).valid).toBe(true);
    expect(checkSession(sid, t0 + sessionMaxMs + 1)).toEqual({ valid: false, reason: "absolute-timeout" });
  });

  it("ends on the next request after the person is deactivated", () => {
    const person = insertPerson(db());
    const sid = createSession(person.id, "credentials", t0);
    expect(checkSession(sid, t0 + 1000).valid).toBe(true);
    db().update(people).set({ active: false }).where(eq(people.id, person.id)).run();
    expect(checkSession(sid, t0 + 2000)).toEqual({ valid: false, reason: "deactivated" });
    db().update(people).set({ active: true }).where(eq(people.id, person.id)).run();
    expect(checkSession(sid, t0 + 3000).valid).toBe(false);
  });

  it("ends every other session of a person, keeping the current one", () => {
    const person = insertPerson(db());
    const keep = createSession(person.id, "credentials", t0);
    const other = createSession(person.id, "oidc", t0);
    expect(endSessionsOf(db(), person.id, "ended-by-owner", { except: keep }, t0 + 1)).toBe(1);
    expect(checkSession(other, t0 + 2)).toEqual({ valid: false, reason: "ended-by-owner" });
    expect(checkSession(keep, t0 + 2).valid).toBe(true);
    expect(listOpenSessions(person, keep).map((s) => s.current)).toEqual([true]);
  });

  it("rejects an unknown session id", () => {
    expect(checkSession("not-a-session", t0)).toEqual({ valid: false, reason: "unknown" });
  });

  it("stores only a hash of the token, which does not work as a token itself", () => {
    const person = insertPerson(db());
    const token = createSession(person.id, "credentials", t0);
    const stored = db().select().from(sessions).where(eq(sessions.personId, person.id)).all();
    expect(stored).toHaveLength(1);
    expect(stored[0]!.id).not.toBe(token);
    expect(checkSession(stored[0]!.id, t0 + 1)).toEqual({ valid: false, reason: "unknown" });
    expect(checkSession(token, t0 + 1).valid).toBe(true);
  });
});
