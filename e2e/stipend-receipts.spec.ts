import { and, eq } from "drizzle-orm";
import type { Request } from "@playwright/test";
import { people, stipendClaims } from "@/db/schema";
import { DEMO, expect, signedInPage, storageStateFor, test } from "./support/fixtures";
import { fillClaim, pdfOfSize } from "./support/stipend";

const MB = 1024 * 1024;

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
  const page = await signedInPage(browser, engineer.email);
  await page.goto("/stipend/new");
  const posts: Request[] = [];
  page.on("request", (r) => {
    if (r.method() === "POST") posts.push(r);
  });
  await fillClaim(page, { item: "Conference video bundle", amount: "120" });
  await page.getByLabel("Note").fill("The whole track on storage engines");

  await page.getByLabel("Receipt file").setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: pdfOfSize(7 * MB) });
  await expect(page.getByLabel("Receipt file")).toHaveAccessibleDescription(/Receipts can be up to 5 MB/);
  await page.getByRole("button", { name: "File claim" }).click();
  await expect(page.getByLabel("Receipt file")).toHaveAccessibleDescription(/Receipts can be up to 5 MB/);
  await expect(page.getByText("Something went wrong")).toHaveCount(0);
  expect(posts).toHaveLength(0);
  await expect(page.getByLabel("Item", { exact: true })).toHaveValue("Conference video bundle");
  await expect(page.getByLabel("Amount paid")).toHaveValue("120");
  await expect(page.getByLabel("Note")).toHaveValue("The whole track on storage engines");

  // A smaller file clears the message and files the claim.
  await page.getByLabel("Receipt file").setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: pdfOfSize(MB) });
  await expect(page.getByText("Receipts can be up to 5 MB")).toHaveCount(0);
  await page.getByRole("button", { name: "File claim" }).click();
  await expect(page.getByText("Claim filed.")).toBeVisible();
  await page.context().close();
});

test("without JavaScript, a 7 MB receipt comes back beside its field with what was typed, and a 9 MB body is refused plainly", async ({ browser, createPerson }) => {
  const engineer = await createPerson();
  const signedIn = await signedInPage(browser, engineer.email);
  const storageState = await signedIn.context().storageState();
  await signedIn.context().close();
  // No JavaScript: the browser posts the form itself, as a scripted client would, and no check in the page can help.
  const context = await browser.newContext({ storageState, javaScriptEnabled: false });
  const page = await context.newPage();

  await page.goto("/stipend/new");
  await fillClaim(page, { item: "Storage engines course", amount: "75" });
  await page.getByLabel("Note").fill("Recommended by the database guild");
  await page.getByLabel("Receipt file").setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: pdfOfSize(7 * MB) });
  const [tooBig] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "File claim" }).click()]);
  expect(tooBig.status()).toBeLessThan(500);
  await expect(page.getByLabel("Receipt file")).toHaveAccessibleDescription(/Receipts can be up to 5 MB/);
  await expect(page.getByLabel("Item", { exact: true })).toHaveValue("Storage engines course");
  await expect(page.getByLabel("Amount paid")).toHaveValue("75");
  await expect(page.getByLabel("Note")).toHaveValue("Recommended by the database guild");

  await page.getByLabel("Receipt file").setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: pdfOfSize(9 * MB) });
  const [overLimit] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.getByRole("button", { name: "File claim" }).click()]);
  expect(overLimit.status()).toBe(413);
  await expect(page.getByText("Receipts can be up to 5 MB")).toBeVisible();
  await expect(page.getByText("Something went wrong")).toHaveCount(0);
  await context.close();
});
