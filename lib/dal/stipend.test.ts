import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { auditLog, receipts, stipendClaims } from "@/db/schema";
import { config } from "@/lib/config";
import { NotFoundError } from "@/lib/errors";
import { insertPerson } from "@/lib/test/factory";
import { buildOrg, type Org } from "@/lib/test/org";
import { getViewerById } from "./people";
import { listClaimsAwaitingMe, stipendActionItems } from "./stipend-approvals";
import { createClaim, getClaim, getStipendYear, transitionClaim, type NewClaim } from "./stipend-claims";
import { getStipendReport } from "./stipend-reports";
import { getYearSettings, saveYearSettings } from "./stipend-years";
import { getReceiptFile } from "./stipend-receipts";

const TODAY = "2026-11-22";
const claim = (overrides: Partial<NewClaim> = {}): NewClaim => ({
  purchaseDate: "2026-03-10",
  item: "Designing Data-Intensive Applications",
  vendor: "O'Reilly",
  category: "Books",
  amountPaidMinor: 4_999,
  currencyPaid: "USD",
  amountChargedMinor: null,
  receiptUrl: "https://shop.example.com/orders/1",
  receiptFile: null,
  note: "",
  cell: null,
  ...overrides,
});
const pdf = (name = "receipt.pdf") => new File([Buffer.from("%PDF-1.4\n%tiny\n")], name, { type: "application/pdf" });

let org: Org;
beforeAll(() => {
  org = buildOrg();
});

describe("filing claims", () => {
  it("files a claim, holds it as pending and records history and audit", async () => {
    const result = await createClaim(org.as.engineer, claim(), TODAY);
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
    expect(await createClaim(org.as.peer, claim({ purchaseDate: "2026-11-23" }), TODAY)).toMatchObject({ ok: false, field: "purchaseDate" });
    expect(await createClaim(org.as.peer, claim({ purchaseDate: "2024-12-31" }), TODAY)).toMatchObject({ ok: false, field: "purchaseDate" });
    expect(await createClaim(org.as.peer, claim({ category: "Gadgets" }), TODAY)).toMatchObject({ ok: false, field: "category" });
    expect(await createClaim(org.as.peer, claim({ receiptUrl: null }), TODAY)).toMatchObject({ ok: false, field: "receipt" });
    expect(await createClaim(org.as.peer, claim({ currencyPaid: "EUR" }), TODAY)).toMatchObject({ ok: false, field: "amountCharged" });
  });

  it("charges the amount in the year's currency when paid in another", async () => {
    const result = await createClaim(org.as.peer, claim({ currencyPaid: "EUR", amountPaidMinor: 10_000, amountChargedMinor: 10_850 }), TODAY);
    expect(result.ok).toBe(true);
    expect(getStipendYear(org.as.peer, org.people.peer.id, 2026).summary.pendingMinor).toBe(10_850);
  });

  it("stores an uploaded receipt under a random name and refuses a text file named .pdf", async () => {
    const bad = await createClaim(org.as.peer, claim({ receiptUrl: null, receiptFile: new File(["hello"], "fake.pdf", { type: "application/pdf" }) }), TODAY);
    expect(bad).toMatchObject({ ok: false, field: "receipt" });
    const good = await createClaim(org.as.peer, claim({ receiptUrl: null, receiptFile: pdf() }), TODAY);
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
    const person = insertPerson(db(), { managerId: org.people.manager.id });
    const viewer = getViewerById(person.id)!;
    expect((await createClaim(viewer, claim({ amountPaidMinor: 150_000 }), TODAY)).ok).toBe(true);
    const before = db().select().from(receipts).all().length;
    const receiptsDir = path.join(config().dataDir, "receipts");
    const filesBefore = fs.existsSync(receiptsDir) ? fs.readdirSync(receiptsDir).length : 0;
    const refused = await createClaim(viewer, claim({ amountPaidMinor: 50_001, receiptUrl: null, receiptFile: pdf() }), TODAY);
    expect(refused).toEqual({ ok: false, field: "amountPaid", message: "That is more than your remaining 2026 balance of $500.00" });
    expect(db().select().from(receipts).all()).toHaveLength(before);
    // The uploaded file is removed from disk too, not only its row.
    expect(fs.readdirSync(receiptsDir)).toHaveLength(filesBefore);
    expect((await createClaim(viewer, claim({ amountPaidMinor: 50_000 }), TODAY)).ok).toBe(true);
    expect(getStipendYear(viewer, person.id, 2026).summary.remainingMinor).toBe(0);
  });

  it("never takes the balance below zero under many claims at once", async () => {
    const person = insertPerson(db(), { managerId: org.people.manager.id });
    const viewer = getViewerById(person.id)!;
    const results = await Promise.all(Array.from({ length: 20 }, () => createClaim(viewer, claim({ amountPaidMinor: 30_000, receiptUrl: null, receiptFile: pdf() }), TODAY)));
    expect(results.filter((r) => r.ok)).toHaveLength(6);
    expect(getStipendYear(viewer, person.id, 2026).summary).toMatchObject({ pendingMinor: 180_000, remainingMinor: 20_000 });
  });

  it("prorates a mid-year starter", async () => {
    const person = insertPerson(db(), { managerId: org.people.manager.id, startDate: "2026-04-13" });
    const viewer = getViewerById(person.id)!;
    expect(getStipendYear(viewer, person.id, 2026)).toMatchObject({ prorated: true, summary: { allowanceMinor: 150_000 } });
    expect(getStipendYear(viewer, person.id, 2027)).toMatchObject({ prorated: false, summary: { allowanceMinor: 200_000 } });
  });
});

describe("rejections", () => {
  it("need a reason, even when the form is bypassed", async () => {
    const filed = await createClaim(org.as.peer, claim({ item: "Rejected without reason?" }), TODAY);
    if (!filed.ok) throw new Error("claim not filed");
    expect(transitionClaim(org.as.manager, filed.id, "reject", 1, "   ")).toEqual({ ok: false, message: "Give a reason for rejecting the claim" });
    expect(transitionClaim(org.as.manager, filed.id, "reject", 1, "Not a learning expense").ok).toBe(true);
  });
});

describe("claims against the framework", () => {
  it("refuses a cell that is not in the framework beside its field, and accepts a real one", async () => {
    expect(await createClaim(org.as.peer, claim({ cell: { competencyKey: "nope", themeKey: "nada" } }), TODAY)).toEqual({ ok: false, field: "cell", message: "Choose a cell from the framework, or none" });
    expect((await createClaim(org.as.peer, claim({ cell: { competencyKey: "technical", themeKey: "complexity" } }), TODAY)).ok).toBe(true);
  });
});

describe("approvals and reimbursement", () => {
  it("runs pending -> approved -> reimbursed with the right people and refuses stale versions", async () => {
    const { id } = (await createClaim(org.as.engineer, claim({ item: "Conference ticket", amountPaidMinor: 30_000 }), TODAY)) as { id: string };
    expect(stipendActionItems(org.as.manager).map((i) => i.href)).toContain(`/stipend/claims/${id}`);
    expect(() => transitionClaim(org.as.engineer, id, "approve", 1, "")).toThrow(NotFoundError);
    expect(() => transitionClaim(org.as.director, id, "approve", 1, "")).toThrow(NotFoundError);
    expect(transitionClaim(org.as.manager, id, "approve", 2, "")).toMatchObject({ ok: false });
    expect(transitionClaim(org.as.manager, id, "approve", 1, "Good fit for the platform work")).toEqual({ ok: true });
    expect(transitionClaim(org.as.manager, id, "reject", 1, "too late")).toMatchObject({ ok: false });
    expect(listClaimsAwaitingMe(org.as.admin).toReimburse.map((c) => c.id)).toContain(id);
    expect(() => transitionClaim(org.as.manager, id, "reimburse", 2, "")).toThrow(NotFoundError);
    expect(transitionClaim(org.as.admin, id, "reimburse", 2, "")).toEqual({ ok: true });
    const detail = getClaim(org.as.engineer, id);
    expect(detail.claim.status).toBe("reimbursed");
    expect(detail.events.map((e) => [e.fromStatus, e.toStatus, e.actorName])).toEqual([
      [null, "pending", "Eve Engineer"],
      ["pending", "approved", "Max Manager"],
      ["approved", "reimbursed", "Ada Admin"],
    ]);
  });

  it("sends claims of people without a manager to admins, never to themselves", async () => {
    const { id } = (await createClaim(org.as.director, claim(), TODAY)) as { id: string };
    expect(listClaimsAwaitingMe(org.as.admin).toDecide.map((c) => c.id)).toContain(id);
    const own = (await createClaim(org.as.admin, claim(), TODAY)) as { id: string };
    expect(listClaimsAwaitingMe(org.as.admin).toDecide.map((c) => c.id)).not.toContain(own.id);
    expect(() => transitionClaim(org.as.admin, own.id, "approve", 1, "")).toThrow(NotFoundError);
    expect(transitionClaim(org.as.admin, id, "reject", 1, "Not education")).toEqual({ ok: true });
    expect(getClaim(org.as.director, id).claim).toMatchObject({ status: "rejected", decisionReason: "Not education" });
  });

  it("lets the owner withdraw a pending claim, which frees the money", async () => {
    const person = insertPerson(db(), { managerId: org.people.manager.id });
    const viewer = getViewerById(person.id)!;
    const { id } = (await createClaim(viewer, claim({ amountPaidMinor: 10_000 }), TODAY)) as { id: string };
    expect(() => transitionClaim(org.as.manager, id, "withdraw", 1, "")).toThrow(NotFoundError);
    expect(transitionClaim(viewer, id, "withdraw", 1, "")).toEqual({ ok: true });
    expect(getStipendYear(viewer, person.id, 2026).summary).toMatchObject({ pendingMinor: 0, remainingMinor: 200_000 });
  });
});

describe("year settings", () => {
  it("keeps years apart and protects money already held", async () => {
    const base = { currency: "USD", categories: ["Books", "Courses"], overBalance: "refuse" as const, prorateNewStarters: true };
    expect(saveYearSettings(org.as.admin, 2027, { ...base, allowanceMinor: 300_000 }, 0)).toEqual({ ok: true });
    expect(getYearSettings(2027).allowanceMinor).toBe(300_000);
    expect(getYearSettings(2026).allowanceMinor).toBe(200_000);
    expect(saveYearSettings(org.as.admin, 2026, { ...base, allowanceMinor: 1_000 }, 1)).toMatchObject({ ok: false, fieldErrors: { allowance: [expect.stringMatching(/\S/)] } });
    expect(saveYearSettings(org.as.admin, 2026, { ...base, currency: "EUR", allowanceMinor: 200_000 }, 1)).toMatchObject({ ok: false, fieldErrors: { currency: [expect.stringMatching(/\S/)] } });
    expect(saveYearSettings(org.as.admin, 2027, { ...base, allowanceMinor: 1 }, 0)).toMatchObject({ ok: false });
    expect(() => saveYearSettings(org.as.manager, 2027, { ...base, allowanceMinor: 1 }, 1)).toThrow(NotFoundError);
  });

  it("flags rather than refuses when the year says so", async () => {
    const base = { currency: "USD", categories: ["Books"], overBalance: "flag" as const, prorateNewStarters: true, allowanceMinor: 200_000 };
    const person = insertPerson(db(), { managerId: org.people.manager.id });
    const viewer = getViewerById(person.id)!;
    expect(saveYearSettings(org.as.admin, 2025, base, 0)).toEqual({ ok: true });
    expect((await createClaim(viewer, claim({ purchaseDate: "2025-06-01", amountPaidMinor: 250_000 }), TODAY)).ok).toBe(true);
    const year = getStipendYear(viewer, person.id, 2025);
    expect(year.summary).toMatchObject({ remainingMinor: 0, overMinor: 50_000 });
    expect(year.claims[0]!.overBalance).toBe(true);
    // An approved exception does not block later edits that leave the allowance where it was.
    const claimId = year.claims[0]!.id;
    expect(transitionClaim(org.as.manager, claimId, "approve", 1, "Conference exception").ok).toBe(true);
    expect(saveYearSettings(org.as.admin, 2025, { ...base, overBalance: "refuse", categories: ["Books", "Courses"] }, 1)).toEqual({ ok: true });
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
    const a = getViewerById(insertPerson(db(), { managerId: org.people.manager.id, team, name: "Report Person A" }).id)!;
    const b = getViewerById(insertPerson(db(), { managerId: org.people.manager.id, team, name: "Report Person B" }).id)!;
    const coachingBefore = getStipendReport(org.as.admin, 2026).byCategory.find((c) => c.key === "Coaching") ?? { pendingMinor: 0, approvedMinor: 0, reimbursedMinor: 0, claims: 0 };
    const file = async (viewer: typeof a, category: string, amountPaidMinor: number) => {
      const r = await createClaim(viewer, claim({ category, amountPaidMinor, item: `${category} ${amountPaidMinor}` }), TODAY);
      if (!r.ok) throw new Error(r.message);
      return r.id;
    };
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
