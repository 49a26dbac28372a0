import { beforeAll, describe, expect, it } from "vitest";
import { desc, eq } from "drizzle-orm";
import { db } from "@/db";
import { auditLog } from "@/db/schema";
import { buildOrg, type Org } from "@/lib/test/org";
import { getOrgSettings, orgTimeZone, orgToday, saveOrgTimeZone } from "./org-settings";

let org: Org;
beforeAll(() => {
  org = buildOrg();
});

describe("org time zone", () => {
  it("defaults to UTC, refuses a zone that does not exist beside the field, and saves a real one with an audit row", () => {
    expect(getOrgSettings(org.as.admin)).toEqual({ timeZone: "UTC", version: 0 });
    expect(saveOrgTimeZone(org.as.admin, "Mars/Olympus", 0)).toMatchObject({ ok: false, fieldErrors: { timeZone: [expect.stringMatching(/Choose a time zone/)] } });
    expect(saveOrgTimeZone(org.as.admin, "Pacific/Auckland", 0)).toEqual({ ok: true, value: 1 });
    expect(orgTimeZone()).toBe("Pacific/Auckland");
    // 12:30 UTC on 31 December is already 1 January in Auckland.
    expect(orgToday(new Date("2026-12-31T12:30:00Z"))).toBe("2027-01-01");
    const audit = db().select().from(auditLog).where(eq(auditLog.action, "org.time-zone")).orderBy(desc(auditLog.id)).get();
    expect(audit).toMatchObject({ actorId: org.people.admin.id, summary: "Time zone UTC -> Pacific/Auckland" });
  });

  it("refuses a save from a stale form", () => {
    expect(saveOrgTimeZone(org.as.admin, "Europe/Paris", 0)).toMatchObject({ ok: false, conflict: { version: 1, current: "Pacific/Auckland" } });
    expect(orgTimeZone()).toBe("Pacific/Auckland");
  });
});
