import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog } from "@/db/schema";
import { recordAudit } from "@/lib/dal/audit";

describe("audit_log", () => {
  it("accepts new rows but refuses updates and deletes", () => {
    recordAudit(db(), { actorId: null, action: "test.create", recordType: "test", recordId: "1", summary: "Created" });
    const row = db().select().from(auditLog).where(eq(auditLog.action, "test.create")).get()!;
    expect(row.summary).toBe("Created");
    expect(() => db().update(auditLog).set({ summary: "Rewritten" }).where(eq(auditLog.id, row.id)).run()).toThrow(/append-only/);
    expect(() => db().delete(auditLog).where(eq(auditLog.id, row.id)).run()).toThrow(/append-only/);
    expect(db().select().from(auditLog).where(eq(auditLog.id, row.id)).get()?.summary).toBe("Created");
  });

  it("rolls back with the change it describes", () => {
    expect(() =>
      db().transaction((tx) => {
        recordAudit(tx, { actorId: null, action: "test.rollback", recordType: "test", recordId: "2", summary: "Never happened" });
        throw new Error("the change failed");
      }),
    ).toThrow("the change failed");
    expect(db().select().from(auditLog).where(eq(auditLog.action, "test.rollback")).all()).toEqual([]);
  });
});
