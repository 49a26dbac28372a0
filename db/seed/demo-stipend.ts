import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Db } from "@/db";
import { receipts, stipendClaimEvents, stipendClaims, stipendYearSettings } from "@/db/schema";
import type { ClaimStatus } from "@/lib/domain/enums";
import { config } from "@/lib/config";
import { defaultYearSettings } from "@/lib/stipend/balance";

/*
 * Demo stipend claims in every state for the current year, so each demo role
 * has something to see: Jordan a full history, Sam claims to approve, Morgan
 * claims to approve (Avery, Priya have Morgan as manager) and to reimburse.
 */

// A 1x1 PNG and a one-page PDF: real files, small enough to keep in the seed.
const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");
const PDF = Buffer.from(
  "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 300 144]>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n",
);

type DemoClaim = {
  who: string;
  daysAgo: number;
  item: string;
  vendor: string;
  category: string;
  paid: number;
  currency?: string;
  charged?: number;
  receipt: "png" | "pdf" | string;
  status: ClaimStatus;
  decidedBy?: string;
  reason?: string;
  cell?: [string, string];
  note?: string;
};

const CLAIMS: DemoClaim[] = [
  { who: "jordan", daysAgo: 300, item: "Designing Data-Intensive Applications", vendor: "O'Reilly", category: "Books", paid: 5499, receipt: "png", status: "reimbursed", decidedBy: "sam", cell: ["technical", "complexity"] },
  { who: "jordan", daysAgo: 120, item: "Kubernetes for developers (online course)", vendor: "Frontend Masters", category: "Courses", paid: 34900, receipt: "https://frontendmasters.example.com/receipts/fm-20931", status: "approved", decidedBy: "sam", reason: "Right on time for the cluster migration." },
  { who: "jordan", daysAgo: 60, item: "Noise-cancelling headphones", vendor: "Sound Shop", category: "Other", paid: 29900, receipt: "png", status: "rejected", decidedBy: "sam", reason: "Equipment isn't covered by the stipend; ask IT for headphones." },
  { who: "jordan", daysAgo: 40, item: "Observability webinar series", vendor: "Honeycomb", category: "Webinars", paid: 2900, receipt: "https://honeycomb.example.com/invoice/4471", status: "withdrawn" },
  { who: "jordan", daysAgo: 5, item: "PlatformCon ticket", vendor: "PlatformCon", category: "Conferences", paid: 45000, receipt: "pdf", status: "pending", cell: ["leadership", "influence"], note: "Two talks on internal developer platforms that match our roadmap." },
  { who: "alex", daysAgo: 3, item: "Staff Engineer: Leadership beyond the management track", vendor: "Bookshop", category: "Books", paid: 3200, receipt: "png", status: "pending" },
  { who: "alex", daysAgo: 30, item: "KubeCon EU ticket", vendor: "Linux Foundation", category: "Conferences", paid: 69900, currency: "EUR", charged: 75800, receipt: "pdf", status: "approved", decidedBy: "sam" },
  { who: "riley", daysAgo: 8, item: "TypeScript fundamentals", vendor: "Egghead", category: "Courses", paid: 12000, receipt: "https://egghead.example.com/r/8821", status: "pending" },
  { who: "noor", daysAgo: 200, item: "UX research bootcamp", vendor: "Nielsen Norman", category: "Courses", paid: 60000, receipt: "pdf", status: "reimbursed", decidedBy: "dana" },
  { who: "noor", daysAgo: 2, item: "Career coaching (3 sessions)", vendor: "Coach & Co", category: "Coaching", paid: 30000, receipt: "png", status: "pending" },
  { who: "taylor", daysAgo: 20, item: "Systems design workshop", vendor: "InfoQ", category: "Courses", paid: 45000, receipt: "pdf", status: "approved", decidedBy: "priya" },
  { who: "avery", daysAgo: 4, item: "Fundamentals of Software Architecture", vendor: "O'Reilly", category: "Books", paid: 4599, receipt: "png", status: "pending" },
  { who: "priya", daysAgo: 6, item: "Leadership coaching", vendor: "Coach & Co", category: "Coaching", paid: 50000, receipt: "https://coachco.example.com/invoice/77", status: "pending" },
];

export function seedDemoStipend(database: Db, ids: Map<string, string>, now = new Date()) {
  const year = now.getUTCFullYear();
  const yearStart = Date.UTC(year, 0, 1);
  const day = 86_400_000;
  const dateOf = (daysAgo: number) => new Date(Math.max(yearStart, now.getTime() - daysAgo * day));
  const dir = path.join(config().dataDir, "receipts");
  fs.mkdirSync(dir, { recursive: true });
  const settings = defaultYearSettings(year);
  const personId = (key: string) => ids.get(key)!;

  database.transaction(
    (tx) => {
      tx.insert(stipendYearSettings).values({ year, allowanceMinor: settings.allowanceMinor, currency: settings.currency, categories: settings.categories, overBalance: settings.overBalance, prorateNewStarters: settings.prorateNewStarters }).onConflictDoNothing().run();
      for (const c of CLAIMS) {
        const bought = dateOf(c.daysAgo);
        const filedAt = new Date(Math.min(now.getTime() - 3_600_000, bought.getTime() + day));
        const decidedAt = new Date(Math.min(now.getTime() - 1_800_000, filedAt.getTime() + 2 * day));
        const reimbursedAt = new Date(Math.min(now.getTime() - 900_000, decidedAt.getTime() + 5 * day));
        let receiptId: string | null = null;
        if (c.receipt === "png" || c.receipt === "pdf") {
          const bytes = c.receipt === "png" ? PNG : PDF;
          const storedName = crypto.randomBytes(24).toString("hex");
          fs.writeFileSync(path.join(dir, storedName), bytes, { mode: 0o600 });
          receiptId = crypto.randomUUID();
          tx.insert(receipts)
            .values({ id: receiptId, storedName, originalName: `receipt-${c.vendor.toLowerCase().replace(/[^a-z0-9]+/g, "-")}.${c.receipt}`, contentType: c.receipt === "png" ? "image/png" : "application/pdf", sizeBytes: bytes.length, sha256: crypto.createHash("sha256").update(bytes).digest("hex"), uploadedById: personId(c.who), createdAt: filedAt })
            .run();
        }
        const id = crypto.randomUUID();
        const decided = c.status === "approved" || c.status === "rejected" || c.status === "reimbursed";
        tx.insert(stipendClaims)
          .values({
            id,
            personId: personId(c.who),
            year,
            purchaseDate: bought.toISOString().slice(0, 10),
            item: c.item,
            vendor: c.vendor,
            category: c.category,
            amountPaidMinor: c.paid,
            currencyPaid: c.currency ?? "USD",
            amountChargedMinor: c.charged ?? c.paid,
            receiptId,
            receiptUrl: receiptId ? null : c.receipt,
            note: c.note ?? "",
            competencyKey: c.cell?.[0] ?? null,
            themeKey: c.cell?.[1] ?? null,
            status: c.status,
            decidedById: decided ? personId(c.decidedBy!) : null,
            decidedAt: decided ? decidedAt : null,
            decisionReason: decided ? (c.reason ?? "") : null,
            reimbursedById: c.status === "reimbursed" ? personId("morgan") : null,
            reimbursedAt: c.status === "reimbursed" ? reimbursedAt : null,
            version: c.status === "pending" ? 1 : c.status === "reimbursed" ? 3 : 2,
            createdAt: filedAt,
            updatedAt: filedAt,
          })
          .run();
        const events: { at: Date; actorId: string; fromStatus: ClaimStatus | null; toStatus: ClaimStatus; reason: string }[] = [{ at: filedAt, actorId: personId(c.who), fromStatus: null, toStatus: "pending", reason: "" }];
        if (c.status === "withdrawn") events.push({ at: decidedAt, actorId: personId(c.who), fromStatus: "pending", toStatus: "withdrawn", reason: "" });
        if (decided) events.push({ at: decidedAt, actorId: personId(c.decidedBy!), fromStatus: "pending", toStatus: c.status === "rejected" ? "rejected" : "approved", reason: c.reason ?? "" });
        if (c.status === "reimbursed") events.push({ at: reimbursedAt, actorId: personId("morgan"), fromStatus: "approved", toStatus: "reimbursed", reason: "" });
        for (const e of events) tx.insert(stipendClaimEvents).values({ claimId: id, ...e }).run();
      }
    },
    { behavior: "immediate" },
  );
}
