import crypto from "node:crypto";
import fs from "node:fs";
import { and, eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, receipts, stipendClaims } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { RECEIPT_BYTES_PER_YEAR } from "@/lib/stipend/receipt-file";
import { claimInput, fileClaim, receiptPdf, TEST_TODAY } from "@/lib/test/builders";
import { buildOrg, newViewer, type Org } from "@/lib/test/org";
import { createClaim, getClaim, transitionClaim, type NewClaim } from "./stipend-claims";
import { getReceiptFile, getReceiptRetention, purgeExpiredReceipts, purgeExpiredReceiptsIfDue, saveReceiptRetention } from "./stipend-receipts";

const NOW = new Date("2026-11-22T12:00:00Z");
const DAY = 86_400_000;
const withReceipt = (overrides: Partial<NewClaim> = {}) => claimInput({ item: "Database Internals", receiptUrl: null, receiptFile: receiptPdf(), ...overrides });

let org: Org;
beforeAll(() => {
  org = buildOrg();
});

/* Someone new for each test, reporting to the org's manager, so limits and balances start at zero. */
const newEngineer = () => newViewer({ managerId: org.people.manager.id }).viewer;

async function fileWithReceipt(viewer = newEngineer(), today = TEST_TODAY, now = NOW) {
  const claimId = await fileClaim(viewer, withReceipt(), today, now);
  const receiptId = getClaim(viewer, claimId).claim.receiptId!;
  return { viewer, claimId, receiptId, file: getReceiptFile(viewer, receiptId).file };
}

const removalAudits = (claimId: string) => db().select().from(auditLog).where(and(eq(auditLog.recordId, claimId), eq(auditLog.action, "stipend-receipt.remove"))).all();
const decidedAt = (claimId: string) => db().select({ at: stipendClaims.decidedAt }).from(stipendClaims).where(eq(stipendClaims.id, claimId)).get()!.at!.getTime();

describe("retention: withdrawn claims", () => {
  it("deletes the receipt file as soon as the claim is withdrawn, keeping the claim and auditing the removal", async () => {
    const { viewer, claimId, receiptId, file } = await fileWithReceipt();
    expect(fs.existsSync(file)).toBe(true);
    expect(transitionClaim(viewer, claimId, "withdraw", 1, "")).toEqual({ ok: true, value: undefined });
    expect(fs.existsSync(file)).toBe(false);
    const { claim } = getClaim(viewer, claimId);
    expect(claim.status).toBe("withdrawn");
    expect(claim.receiptRemovedAt).toBeInstanceOf(Date);
    expect(() => getReceiptFile(viewer, receiptId)).toThrow(NotFoundError);
    expect(removalAudits(claimId)).toHaveLength(1);
    expect(removalAudits(claimId)[0]!.actorId).toBe(viewer.id);
  });
});

describe("per-person upload limits", () => {
  it("takes 20 uploads in 24 hours, counting withdrawn ones, then only links until the window moves on", async () => {
    const viewer = newEngineer();
    for (let i = 0; i < 20; i++) {
      const { claimId } = await fileWithReceipt(viewer);
      transitionClaim(viewer, claimId, "withdraw", 1, "");
    }
    const refused = await createClaim(viewer, withReceipt(), TEST_TODAY, new Date(NOW.getTime() + 23 * 3_600_000));
    expect(refused).toMatchObject({ ok: false, field: "receipt", message: expect.stringMatching(/20 receipts in the last 24 hours/) });
    expect(await createClaim(viewer, withReceipt({ receiptFile: null, receiptUrl: "https://shop.example.com/r/2" }), TEST_TODAY, NOW)).toMatchObject({ ok: true });
    expect(await createClaim(viewer, withReceipt(), "2026-11-23", new Date(NOW.getTime() + DAY + 1))).toMatchObject({ ok: true });
  });

  it("refuses an upload that would take the last 12 months over 50 MB, and keeps no file", async () => {
    const viewer = newEngineer();
    db()
      .insert(receipts)
      .values({ id: crypto.randomUUID(), storedName: crypto.randomBytes(24).toString("hex"), originalName: "big.pdf", contentType: "application/pdf", sizeBytes: RECEIPT_BYTES_PER_YEAR - 10, sha256: "-", uploadedById: viewer.id, createdAt: new Date(NOW.getTime() - 200 * DAY) })
      .run();
    const before = db().select().from(receipts).where(eq(receipts.uploadedById, viewer.id)).all().length;
    expect(await createClaim(viewer, withReceipt(), TEST_TODAY, NOW)).toMatchObject({ ok: false, field: "receipt", message: expect.stringMatching(/last 12 months come to 50 MB of the 50 MB allowed/) });
    expect(db().select().from(receipts).where(eq(receipts.uploadedById, viewer.id)).all()).toHaveLength(before);
    // 166 days on, the big upload is more than a year old.
    expect(await createClaim(viewer, withReceipt(), "2027-05-07", new Date(NOW.getTime() + 166 * DAY))).toMatchObject({ ok: true });
  });
});

describe("retention: rejected claims", () => {
  it("deletes the receipt 90 days after rejection by default, once, keeping the claim and its history", async () => {
    const { viewer, claimId, receiptId, file } = await fileWithReceipt();
    expect(transitionClaim(org.as.manager, claimId, "reject", 1, "Not covered")).toEqual({ ok: true, value: undefined });
    const rejectedAt = decidedAt(claimId);

    purgeExpiredReceipts(new Date(rejectedAt + 90 * DAY - 1));
    expect(fs.existsSync(file)).toBe(true);
    expect(getReceiptFile(viewer, receiptId).file).toBe(file);

    purgeExpiredReceipts(new Date(rejectedAt + 90 * DAY));
    expect(fs.existsSync(file)).toBe(false);
    expect(() => getReceiptFile(viewer, receiptId)).toThrow(NotFoundError);
    const { claim, events } = getClaim(viewer, claimId);
    expect(claim).toMatchObject({ status: "rejected", decisionReason: "Not covered", receiptId });
    expect(claim.receiptRemovedAt).toEqual(new Date(rejectedAt + 90 * DAY));
    expect(events.map((e) => e.toStatus)).toEqual(["pending", "rejected"]);
    expect(removalAudits(claimId)).toMatchObject([{ actorId: null }]);

    purgeExpiredReceipts(new Date(rejectedAt + 91 * DAY));
    expect(removalAudits(claimId)).toHaveLength(1);
  });

  it("deletes a file left on disk after its receipt was marked removed", async () => {
    const { receiptId, file } = await fileWithReceipt();
    db().update(receipts).set({ removedAt: NOW }).where(eq(receipts.id, receiptId)).run();
    purgeExpiredReceipts(NOW);
    expect(fs.existsSync(file)).toBe(false);
  });

  it("runs the opportunistic purge at most once an hour", () => {
    const start = new Date("2030-01-01T00:00:00Z").getTime();
    expect(purgeExpiredReceiptsIfDue(new Date(start))).toBe(true);
    expect(purgeExpiredReceiptsIfDue(new Date(start + 59 * 60_000))).toBe(false);
    expect(purgeExpiredReceiptsIfDue(new Date(start + 60 * 60_000))).toBe(true);
  });

  it("applies an admin's shorter period as soon as it is saved, and refuses values out of range or stale", async () => {
    const { viewer, claimId, file } = await fileWithReceipt();
    transitionClaim(org.as.manager, claimId, "reject", 1, "Duplicate");
    const now = new Date(decidedAt(claimId) + 31 * DAY);
    const { days, version } = getReceiptRetention(org.as.admin);
    expect(days).toBe(90);
    expect(saveReceiptRetention(org.as.admin, 3651, version, now)).toMatchObject({ ok: false });
    expect(saveReceiptRetention(org.as.admin, 1.5, version, now)).toMatchObject({ ok: false });
    expect(saveReceiptRetention(org.as.admin, 30, version + 1, now)).toMatchObject({ ok: false, message: expect.stringMatching(/Someone else changed/) });
    expect(fs.existsSync(file)).toBe(true);

    expect(saveReceiptRetention(org.as.admin, 30, version, now)).toMatchObject({ ok: true, value: 1 });
    expect(fs.existsSync(file)).toBe(false);
    expect(getClaim(viewer, claimId).claim.receiptRemovedAt).toEqual(now);
    expect(getReceiptRetention(org.as.admin)).toEqual({ days: 30, version: version + 1 });
    expect(db().select().from(auditLog).where(eq(auditLog.action, "stipend-settings.save")).all().at(-1)).toMatchObject({ actorId: org.people.admin.id, summary: "Receipts of rejected claims kept for 30 days (was 90)" });
  });
});
