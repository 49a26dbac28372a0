import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { and, eq } from "drizzle-orm";
import type { Request } from "@playwright/test";
import type { Db } from "@/db";
import { people, receipts, stipendClaimEvents, stipendClaims } from "@/db/schema";
import { E2E_DATA_DIR } from "./support/env";
import { DEMO, expect, storageStateFor, test } from "./support/fixtures";
import { Form, pageAs } from "./support/pages";
import { claimForm, fillClaim, pdfOfSize, PNG } from "./support/stipend";

const MB = 1024 * 1024;
const DAY = 86_400_000;
const receiptPath = (storedName: string) => path.join(E2E_DATA_DIR, "receipts", storedName);

/* A receipt row (and its file, if asked) for `personId`, uploaded at `at`. */
function insertReceipt(db: Db, personId: string, at: Date, { withFile = false } = {}) {
  const storedName = crypto.randomBytes(24).toString("hex");
  if (withFile) {
    fs.mkdirSync(path.dirname(receiptPath(storedName)), { recursive: true });
    fs.writeFileSync(receiptPath(storedName), PNG);
  }
  const id = crypto.randomUUID();
  db.insert(receipts).values({ id, storedName, originalName: "old-receipt.png", contentType: "image/png", sizeBytes: PNG.length, sha256: "-", uploadedById: personId, createdAt: at }).run();
  return { id, storedName };
}

test("a receipt download keeps its own sandbox policy, and pages keep the nonce policy", async ({ db, playwright, baseURL }) => {
  const jordan = db.select({ id: people.id }).from(people).where(eq(people.email, DEMO.engineer.email)).get()!;
  const claim = db.select({ receiptId: stipendClaims.receiptId }).from(stipendClaims).where(and(eq(stipendClaims.personId, jordan.id), eq(stipendClaims.status, "pending"))).get()!;
  const owner = await playwright.request.newContext({ baseURL, storageState: storageStateFor("engineer") });

  const download = await owner.get(`/stipend/receipts/${claim.receiptId}`);
  expect(download.status()).toBe(200);
  expect(download.headers()["content-security-policy"]).toBe("default-src 'none'; sandbox");

  const page = await owner.get("/stipend");
  expect(page.status()).toBe(200);
  const csp = page.headers()["content-security-policy"]!;
  const nonce = /'nonce-([A-Za-z0-9+/=]+)'/.exec(csp)?.[1];
  expect(csp).toContain("default-src 'self'");
  expect(nonce).toBeTruthy();
  expect(await page.text()).toContain(`nonce="${nonce}"`);
  await owner.dispose();
});

test("a 7 MB receipt is refused in the browser before anything is sent, keeping what was typed", async ({ browser, createPerson }) => {
  const engineer = await createPerson();
  const page = await pageAs(browser, engineer);
  await page.goto("/stipend/new");
  const posts: Request[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r);
  });
  await fillClaim(page, { item: "Conference video bundle", amount: "120" });
  await claimForm(page).fill({ Note: "The whole track on storage engines" });

  await claimForm(page).attach("Receipt file", { name: "scan.pdf", mimeType: "application/pdf", buffer: pdfOfSize(7 * MB) });
  await claimForm(page).expectError("Receipt file", /Receipts can be up to 5 MB/);
  await claimForm(page).submit();
  await claimForm(page).expectError("Receipt file", /Receipts can be up to 5 MB/);
  await expect(page.getByText("Something went wrong")).toHaveCount(0);
  expect(posts).toHaveLength(0);
  await claimForm(page).expectValues({ Item: "Conference video bundle", "Amount paid": "120", Note: "The whole track on storage engines" });

  // A smaller file clears the message and files the claim.
  await claimForm(page).attach("Receipt file", { name: "scan.pdf", mimeType: "application/pdf", buffer: pdfOfSize(MB) });
  await expect(page.getByText("Receipts can be up to 5 MB")).toHaveCount(0);
  await claimForm(page).submit();
  await expect(page.getByText("Claim filed.")).toBeVisible();
  await page.context().close();
});

test("without JavaScript, a 7 MB receipt comes back beside its field with what was typed, and a 9 MB body is refused plainly", async ({ browser, createPerson }) => {
  // A sign-in, two no-JS posts of 7 and 9 MB and their parsing outgrow 30 s on a loaded two-core machine.
  test.slow();
  const engineer = await createPerson();
  const signedIn = await pageAs(browser, engineer);
  const storageState = await signedIn.context().storageState();
  await signedIn.context().close();
  // No JavaScript: the browser posts the form itself, as a scripted client would, and no check in the page can help.
  const context = await browser.newContext({ storageState, javaScriptEnabled: false });
  const page = await context.newPage();

  await page.goto("/stipend/new");
  await fillClaim(page, { item: "Storage engines course", amount: "75" });
  await claimForm(page).fill({ Note: "Recommended by the database guild" });
  await claimForm(page).attach("Receipt file", { name: "scan.pdf", mimeType: "application/pdf", buffer: pdfOfSize(7 * MB) });
  const [tooBig] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), claimForm(page).submit()]);
  expect(tooBig.status()).toBeLessThan(500);
  await claimForm(page).expectError("Receipt file", /Receipts can be up to 5 MB/);
  await claimForm(page).expectValues({ Item: "Storage engines course", "Amount paid": "75", Note: "Recommended by the database guild" });

  await claimForm(page).attach("Receipt file", { name: "scan.pdf", mimeType: "application/pdf", buffer: pdfOfSize(9 * MB) });
  const [overLimit] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), claimForm(page).submit()]);
  expect(overLimit.status()).toBe(413);
  await expect(page.getByText("Receipts can be up to 5 MB")).toBeVisible();
  await expect(page.getByText("Something went wrong")).toHaveCount(0);
  await context.close();
});

test("withdrawing a claim deletes its receipt file; the claim page says so instead of offering it", async ({ browser, createPerson, db }) => {
  const engineer = await createPerson();
  const page = await pageAs(browser, engineer);
  await page.goto("/stipend/new");
  await fillClaim(page, { item: "Go workshop", category: "Courses", amount: "90" });
  await claimForm(page).attach("Receipt file", { name: "invoice.png", mimeType: "image/png", buffer: PNG });
  await claimForm(page).submit();
  await expect(page.getByText("Claim filed.")).toBeVisible();
  const row = db.select({ receiptId: stipendClaims.receiptId, storedName: receipts.storedName }).from(stipendClaims).innerJoin(receipts, eq(receipts.id, stipendClaims.receiptId)).where(eq(stipendClaims.personId, engineer.id)).get()!;
  expect(fs.existsSync(receiptPath(row.storedName))).toBe(true);

  await page.getByRole("link", { name: "Go workshop" }).click();
  await expect(page.getByRole("link", { name: "Download invoice.png" })).toBeVisible();
  await page.getByRole("button", { name: "Withdraw claim" }).click();
  await expect(page.getByTestId("receipt-removed")).toHaveText(/The receipt file \(invoice\.png\) was removed on .+ under the retention rule: files of withdrawn claims are deleted at once\./);
  await expect(page.getByRole("link", { name: "Download invoice.png" })).toHaveCount(0);
  expect(fs.existsSync(receiptPath(row.storedName))).toBe(false);
  expect((await page.request.get(`/stipend/receipts/${row.receiptId}`)).status()).toBe(404);
  await page.context().close();
});

test("past 20 uploads in a day, the form says so beside the receipt field and keeps what was typed", async ({ browser, createPerson, db }) => {
  const engineer = await createPerson();
  // Twenty uploads earlier today, whatever became of them.
  for (let i = 0; i < 20; i++) insertReceipt(db, engineer.id, new Date(Date.now() - 60_000));
  const page = await pageAs(browser, engineer);
  await page.goto("/stipend/new");
  await fillClaim(page, { item: "Twenty-first book", amount: "30" });
  await claimForm(page).fill({ Note: "Same series as the others" });
  await claimForm(page).attach("Receipt file", { name: "receipt.png", mimeType: "image/png", buffer: PNG });
  await claimForm(page).submit();
  await claimForm(page).expectError("Receipt file", /You have uploaded 20 receipts in the last 24 hours.+Link to this receipt instead/);
  await claimForm(page).expectValues({ Item: "Twenty-first book", "Amount paid": "30", Note: "Same series as the others" });
  // A link still works.
  await claimForm(page).fill({ "Or a link to the receipt": "https://books.example.com/orders/21" });
  await claimForm(page).submit();
  await expect(page.getByText("Claim filed.")).toBeVisible();
  await page.context().close();
});

test("an admin sets how long rejected receipts are kept; a receipt past it is removed and the claim says so", async ({ browser, createPerson, db }) => {
  const engineer = await createPerson({ name: `Rita Rejected ${Date.now()}` });
  const admin = db.select({ id: people.id }).from(people).where(eq(people.email, DEMO.admin.email)).get()!;
  const rejectedAt = new Date(Date.now() - 100 * DAY);
  const receipt = insertReceipt(db, engineer.id, new Date(rejectedAt.getTime() - DAY), { withFile: true });
  const claimId = crypto.randomUUID();
  const year = rejectedAt.getUTCFullYear();
  db.insert(stipendClaims)
    .values({ id: claimId, personId: engineer.id, year, purchaseDate: rejectedAt.toISOString().slice(0, 10), item: "Ergonomic chair", vendor: "Office shop", category: "Other", amountPaidMinor: 40_000, currencyPaid: "USD", amountChargedMinor: 40_000, receiptId: receipt.id, status: "rejected", decidedById: admin.id, decidedAt: rejectedAt, decisionReason: "Furniture isn't covered", version: 2 })
    .run();
  db.insert(stipendClaimEvents).values({ claimId, actorId: admin.id, fromStatus: "pending", toStatus: "rejected", reason: "Furniture isn't covered", at: rejectedAt }).run();

  const page = await pageAs(browser, "admin");
  await page.goto(`/stipend/claims/${claimId}`);
  await expect(page.getByRole("link", { name: "Download old-receipt.png" })).toBeVisible();

  await page.goto("/stipend/admin");
  const retention = new Form(page, "Save retention");
  const days = "Keep receipts of rejected claims for (days)";
  await retention.expectValues({ [days]: "90" });
  await retention.fillAndSubmit({ [days]: "-1" });
  await retention.expectError(days, /Enter a whole number of days, like 90/);
  await retention.expectValues({ [days]: "-1" });
  await retention.fillAndSubmit({ [days]: "4000" });
  await retention.expectError(days, /Keep it to 3,650 days \(10 years\) or fewer/);
  await retention.fillAndSubmit({ [days]: "90" });
  await expect(page.getByText(/Saved: receipts of rejected claims are kept for 90 days\. \d+ receipt files? (was|were) past that and removed\./)).toBeVisible();

  expect(fs.existsSync(receiptPath(receipt.storedName))).toBe(false);
  await page.goto(`/stipend/claims/${claimId}`);
  await expect(page.getByTestId("receipt-removed")).toHaveText(/was removed on .+ under the retention rule: files of rejected claims are deleted after a set time\./);
  await expect(page.getByText("Furniture isn't covered").first()).toBeVisible();
  await page.context().close();
});
