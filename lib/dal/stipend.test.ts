import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, receipts, stipendClaims } from "@/db/schema";
import { config } from "@/lib/config";
import { NotFoundError } from "@/lib/errors";
import { claimInput, fileClaim, yearSettingsInput, receiptPdf, TEST_TODAY } from "@/lib/test/builders";
import { buildOrg, newViewer, type Org } from "@/lib/test/org";
import { listClaimsAwaitingMe, stipendActionItems } from "./stipend-approvals";
import { createClaim, getClaim, getStipendYear, transitionClaim } from "./stipend-claims";
import { getStipendReport } from "./stipend-reports";
import { getYearSettings, saveYearSettings } from "./stipend-years";
import { getReceiptFile } from "./stipend-receipts";


let org: Org;
beforeAll(() => {
  org = buildOrg();
});

describe("filing claims", () => {
  it("files a claim, holds it as pending and records history and audit", async () => {
    const result = await createClaim(org.as.engineer, claimInput(), TEST_TODAY);
    expect(result.ok).toBe(true);
    const year = getStipendYear(org.as.engineer, org.people.engineer.id, 2026);
    expect(year.summary).toMatchObject({ allowanceMinor: 200_000, pendingMinor: 4_999, remainingMinor: 195_001 });
    expect(year.claims[0]!.events.map((e) => e.toStatus)).toEqual(["pending"]);
    expect(year.claims[0]!.actions).toEqual(["withdraw"]);
    const id = (result as { id: string }).id;
    expect(db().select().from(auditLog).where(eq(auditLog.recordId, id)).all()).toHaveLength(1);
    // The first claim of a year writes the default settings down.
    expect(getYearSettings(2026).saved).toBe(true);
  });

  it("refuses future dates, unknown categories, missing receipts and other-currency claims without a charged amount", async () => {
    expect(await createClaim(org.as.peer, claimInput({ purchaseDate: "2026-11-23" }), TEST_TODAY)).toMatchObject({ ok: false, field: "purchaseDate" });
    expect(await createClaim(org.as.peer, claimInput({ purchaseDate: "2024-12-31" }), TEST_TODAY)).toMatchObject({ ok: false, field: "purchaseDate" });
    expect(await createClaim(org.as.peer, claimInput({ category: "Gadgets" }), TEST_TODAY)).toMatchObject({ ok: false, field: "category" });
    expect(await createClaim(org.as.peer, claimInput({ receiptUrl: null }), TEST_TODAY)).toMatchObject({ ok: false, field: "receipt" });
    expect(await createClaim(org.as.peer, claimInput({ currencyPaid: "EUR" }), TEST_TODAY)).toMatchObject({ ok: false, field: "amountCharged" });
  });

  it("charges the amount in the year's currency when paid in another", async () => {
    const result = await createClaim(org.as.peer, claimInput({ currencyPaid: "EUR", amountPaidMinor: 10_000, amountChargedMinor: 10_850 }), TEST_TODAY);
    expect(result.ok).toBe(true);
    expect(getStipendYear(org.as.peer, org.people.peer.id, 2026).summary.pendingMinor).toBe(10_850);
  });

  it("stores an uploaded receipt under a random name and refuses a text file named .pdf", async () => {
    const bad = await createClaim(org.as.peer, claimInput({ receiptUrl: null, receiptFile: new File(["hello"], "fake.pdf", { type: "application/pdf" }) }), TEST_TODAY);
    expect(bad).toMatchObject({ ok: false, field: "receipt" });
    const good = await createClaim(org.as.peer, claimInput({ receiptUrl: null, receiptFile: receiptPdf() }), TEST_TODAY);
    expect(good.ok).toBe(true);
    const row = db().select().from(stipendClaims).where(eq(stipendClaims.id, (good as { id: string }).id)).get()!;
    const file = getReceiptFile(org.as.peer, row.receiptId!);
    expect(file.contentType).toBe("application/pdf");
    expect(file.file).toMatch(/receipts\/[0-9a-f]{48}$/);
    expect(fs.readFileSync(file.file, "utf8")).toContain("%PDF-");
    expect(() => getReceiptFile(org.as.engineer, row.receiptId!)).toThrow(NotFoundError);
    expect(getReceiptFile(org.as.manager, row.receiptId!).originalName).toBe("receipt.pdf");
  });

  it("refuses a claim over the remaining balance and keeps no file", async () => {
    const { person, viewer } = newViewer({ managerId: org.people.manager.id });
    expect((await createClaim(viewer, claimInput({ amountPaidMinor: 150_000 }), TEST_TODAY)).ok).toBe(true);
    const before = db().select().from(receipts).all().length;
    const receiptsDir = path.join(config().dataDir, "receipts");
    const filesBefore = fs.existsSync(receiptsDir) ? fs.readdirSync(receiptsDir).length : 0;
    const refused = await createClaim(viewer, claimInput({ amountPaidMinor: 50_001, receiptUrl: null, receiptFile: receiptPdf() }), TEST_TODAY);
    expect(refused).toEqual({ ok: false, field: "amountPaid", message: "That is more than your remaining 2026 balance of $500.00" });
    expect(db().select().from(receipts).all()).toHaveLength(before);
    // The uploaded file is removed from disk too, not only its row.
    expect(fs.readdirSync(receiptsDir)).toHaveLength(filesBefore);
    expect((await createClaim(viewer, claimInput({ amountPaidMinor: 50_000 }), TEST_TODAY)).ok).toBe(true);
    expect(getStipendYear(viewer, person.id, 2026).summary.remainingMinor).toBe(0);
  });

  it("never takes the balance below zero under many claims at once", async () => {
    const { person, viewer } = newViewer({ managerId: org.people.manager.id });
    const results = await Promise.all(Array.from({ length: 20 }, () => createClaim(viewer, claimInput({ amountPaidMinor: 30_000, receiptUrl: null, receiptFile: receiptPdf() }), TEST_TODAY)));
    expect(results.filter((r) => r.ok)).toHaveLength(6);
    expect(getStipendYear(viewer, person.id, 2026).summary).toMatchObject({ pendingMinor: 180_000, remainingMinor: 20_000 });
  });

  it("prorates a mid-year starter", async () => {
    const { person, viewer } = newViewer({ managerId: org.people.manager.id, startDate: "2026-04-13" });
    expect(getStipendYear(viewer, person.id, 2026)).toMatchObject({ prorated: true, summary: { allowanceMinor: 150_000 } });
    expect(getStipendYear(viewer, person.id, 2027)).toMatchObject({ prorated: false, summary: { allowanceMinor: 200_000 } });
  });
});

describe("rejections", () => {
  it("need a reason, even when the form is bypassed", async () => {
    const id = await fileClaim(org.as.peer, { item: "Rejected without reason?" });
    expect(transitionClaim(org.as.manager, id, "reject", 1, "   ")).toEqual({ ok: false, message: "Give a reason for rejecting the claim" });
    expect(transitionClaim(org.as.manager, id, "reject", 1, "Not a learning expense").ok).toBe(true);
  });
});

describe("claims against the framework", () => {
  it("refuses a cell that is not in the framework beside its field, and accepts a real one", async () => {
    expect(await createClaim(org.as.peer, claimInput({ cell: { competencyKey: "nope", themeKey: "nada" } }), TEST_TODAY)).toEqual({ ok: false, field: "cell", message: "Choose a cell from the framework, or none" });
    expect((await createClaim(org.as.peer, claimInput({ cell: { competencyKey: "technical", themeKey: "complexity" } }), TEST_TODAY)).ok).toBe(true);
  });
});

describe("approvals and reimbursement", () => {
  it("runs pending -> approved -> reimbursed with the right people and refuses stale versions", async () => {
    const id = await fileClaim(org.as.engineer, { item: "Conference ticket", amountPaidMinor: 30_000 });
    expect(stipendActionItems(org.as.manager).map((i) => i.href)).toContain(`/stipend/claims/${id}`);
    expect(() => transitionClaim(org.as.engineer, id, "approve", 1, "")).toThrow(NotFoundError);
    expect(() => transitionClaim(org.as.director, id, "approve", 1, "")).toThrow(NotFoundError);
    expect(transitionClaim(org.as.manager, id, "approve", 2, "")).toMatchObject({ ok: false });
    expect(transitionClaim(org.as.manager, id, "approve", 1, "Good fit for the platform work")).toEqual({ ok: true, value: undefined });
    expect(transitionClaim(org.as.manager, id, "reject", 1, "too late")).toMatchObject({ ok: false });
    expect(listClaimsAwaitingMe(org.as.admin).toReimburse.map((c) => c.id)).toContain(id);
    expect(() => transitionClaim(org.as.manager, id, "reimburse", 2, "")).toThrow(NotFoundError);
    expect(transitionClaim(org.as.admin, id, "reimburse", 2, "")).toEqual({ ok: true, value: undefined });
    const detail = getClaim(org.as.engineer, id);
    expect(detail.claim.status).toBe("reimbursed");
    expect(detail.events.map((e) => [e.fromStatus, e.toStatus, e.actorName])).toEqual([
      [null, "pending", "Eve Engineer"],
      ["pending", "approved", "Max Manager"],
      ["approved", "reimbursed", "Ada Admin"],
    ]);
  });

  it("sends claims of people without a manager to admins, never to themselves", async () => {
    const id = await fileClaim(org.as.director);
    expect(listClaimsAwaitingMe(org.as.admin).toDecide.map((c) => c.id)).toContain(id);
    const own = await fileClaim(org.as.admin);
    expect(listClaimsAwaitingMe(org.as.admin).toDecide.map((c) => c.id)).not.toContain(own);
    expect(() => transitionClaim(org.as.admin, own, "approve", 1, "")).toThrow(NotFoundError);
    expect(transitionClaim(org.as.admin, id, "reject", 1, "Not education")).toEqual({ ok: true, value: undefined });
    expect(getClaim(org.as.director, id).claim).toMatchObject({ status: "rejected", decisionReason: "Not education" });
  });

  it("lets the owner withdraw a pending claim, which frees the money", async () => {
    const { person, viewer } = newViewer({ managerId: org.people.manager.id });
    const id = await fileClaim(viewer, { amountPaidMinor: 10_000 });
    expect(() => transitionClaim(org.as.manager, id, "withdraw", 1, "")).toThrow(NotFoundError);
    expect(transitionClaim(viewer, id, "withdraw", 1, "")).toEqual({ ok: true, value: undefined });
    expect(getStipendYear(viewer, person.id, 2026).summary).toMatchObject({ pendingMinor: 0, remainingMinor: 200_000 });
  });
});

describe("year settings", () => {
  it("keeps years apart and protects money already held", async () => {
    expect(saveYearSettings(org.as.admin, 2027, yearSettingsInput({ allowanceMinor: 300_000 }), 0)).toEqual({ ok: true, value: undefined });
    expect(getYearSettings(2027).allowanceMinor).toBe(300_000);
    expect(getYearSettings(2026).allowanceMinor).toBe(200_000);
    expect(saveYearSettings(org.as.admin, 2026, yearSettingsInput({ allowanceMinor: 1_000 }), 1)).toMatchObject({ ok: false, fieldErrors: { allowance: [expect.stringMatching(/\S/)] } });
    expect(saveYearSettings(org.as.admin, 2026, yearSettingsInput({ currency: "EUR", allowanceMinor: 200_000 }), 1)).toMatchObject({ ok: false, fieldErrors: { currency: [expect.stringMatching(/\S/)] } });
    expect(saveYearSettings(org.as.admin, 2027, yearSettingsInput({ allowanceMinor: 1 }), 0)).toMatchObject({ ok: false });
    expect(() => saveYearSettings(org.as.manager, 2027, yearSettingsInput({ allowanceMinor: 1 }), 1)).toThrow(NotFoundError);
  });

  it("flags rather than refuses when the year says so", async () => {
    const base = yearSettingsInput({ categories: ["Books"], overBalance: "flag" });
    const { person, viewer } = newViewer({ managerId: org.people.manager.id });
    expect(saveYearSettings(org.as.admin, 2025, base, 0)).toEqual({ ok: true, value: undefined });
    expect((await createClaim(viewer, claimInput({ purchaseDate: "2025-06-01", amountPaidMinor: 250_000 }), TEST_TODAY)).ok).toBe(true);
    const year = getStipendYear(viewer, person.id, 2025);
    expect(year.summary).toMatchObject({ remainingMinor: 0, overMinor: 50_000 });
    expect(year.claims[0]!.overBalance).toBe(true);
    // An approved exception does not block later edits that leave the allowance where it was.
    const claimId = year.claims[0]!.id;
    expect(transitionClaim(org.as.manager, claimId, "approve", 1, "Conference exception").ok).toBe(true);
    expect(saveYearSettings(org.as.admin, 2025, { ...base, overBalance: "refuse", categories: ["Books", "Courses"] }, 1)).toEqual({ ok: true, value: undefined });
    expect(saveYearSettings(org.as.admin, 2025, { ...base, allowanceMinor: 150_000 }, 2)).toMatchObject({ ok: false, fieldErrors: { allowance: [expect.stringMatching(/\S/)] } });
  });
});

describe("report", () => {
  it("adds up spend per person, team and category for admins only", () => {
    const report = getStipendReport(org.as.admin, 2026);
    expect(report.byPerson.length).toBeGreaterThan(2);
    expect(report.byCategory.map((c) => c.key)).toContain("Books");
    expect(report.total.claims).toBeGreaterThan(0);
    expect(() => getStipendReport(org.as.manager, 2026)).toThrow(NotFoundError);
  });

  it("counts pending, approved and reimbursed claims exactly, and leaves out rejected and withdrawn ones", async () => {
    const team = "Report team";
    const a = newViewer({ managerId: org.people.manager.id, team, name: "Report Person A" }).viewer;
    const b = newViewer({ managerId: org.people.manager.id, team, name: "Report Person B" }).viewer;
    const coachingBefore = getStipendReport(org.as.admin, 2026).byCategory.find((c) => c.key === "Coaching") ?? { pendingMinor: 0, approvedMinor: 0, reimbursedMinor: 0, claims: 0 };
    const file = (viewer: typeof a, category: string, amountPaidMinor: number) => fileClaim(viewer, { category, amountPaidMinor, item: `${category} ${amountPaidMinor}` });
    await file(a, "Books", 10_000);
    expect(transitionClaim(org.as.manager, await file(a, "Courses", 20_000), "approve", 1, "").ok).toBe(true);
    const coaching = await file(a, "Coaching", 5_000);
    expect(transitionClaim(org.as.manager, coaching, "approve", 1, "").ok).toBe(true);
    expect(transitionClaim(org.as.admin, coaching, "reimburse", 2, "").ok).toBe(true);
    expect(transitionClaim(org.as.manager, await file(a, "Conferences", 7_000), "reject", 1, "Not this one").ok).toBe(true);
    expect(transitionClaim(a, await file(a, "Webinars", 3_000), "withdraw", 1, "").ok).toBe(true);
    await file(b, "Coaching", 2_500);

    const report = getStipendReport(org.as.admin, 2026);
    expect(report.byPerson.find((p) => p.personId === a.id)).toMatchObject({ pendingMinor: 10_000, approvedMinor: 20_000, reimbursedMinor: 5_000, claims: 3 });
    expect(report.byTeam.find((t) => t.key === team)).toMatchObject({ pendingMinor: 12_500, approvedMinor: 20_000, reimbursedMinor: 5_000, claims: 4 });
    const coachingAfter = report.byCategory.find((c) => c.key === "Coaching")!;
    expect({
      pending: coachingAfter.pendingMinor - coachingBefore.pendingMinor,
      reimbursed: coachingAfter.reimbursedMinor - coachingBefore.reimbursedMinor,
      claims: coachingAfter.claims - coachingBefore.claims,
    }).toEqual({ pending: 2_500, reimbursed: 5_000, claims: 2 });
  });
});
