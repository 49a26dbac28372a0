import { and, eq, inArray, sql } from "drizzle-orm";
import { people, receipts, stipendClaims } from "@/db/schema";
import { expectNoSeriousViolations } from "./support/a11y";
import { DEMO, expect, signedInPage, storageStateFor, test } from "./support/fixtures";
import { fillClaim, pdfOfSize, PNG } from "./support/stipend";

const YEAR = new Date().getUTCFullYear();

test("an engineer files a claim, the manager approves, an admin reimburses and the CSV holds it", async ({ browser, createPerson }) => {
  const manager = await createPerson({ role: "manager", trackKey: "mgmt", levelKey: "m1", name: `Mia Manager ${Date.now()}` });
  const engineer = await createPerson({ managerId: manager.id, name: `Eli Engineer ${Date.now()}` });
  const item = `Refactoring, 2nd edition ${engineer.id.slice(0, 6)}`;

  const page = await signedInPage(browser, engineer.email);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Stipend", exact: true }).click();
  await expect(page.getByText(`No claims yet in ${YEAR}`)).toBeVisible();
  await page.getByRole("link", { name: "New claim" }).first().click();
  await fillClaim(page, { item, amount: "1,234.5" });
  await page.getByLabel("Receipt file").setInputFiles({ name: "receipt.png", mimeType: "image/png", buffer: PNG });
  await page.getByRole("button", { name: "File claim" }).click();

  await expect(page.getByText("Claim filed.")).toBeVisible();
  await expect(page.getByTestId("balance-pending")).toHaveText("$1,234.50");
  await expect(page.getByTestId("balance-remaining")).toHaveText("$765.50");
  const row = page.getByRole("row", { name: new RegExp(item) });
  await expect(row.getByText("Pending approval")).toBeVisible();

  const managerPage = await signedInPage(browser, manager.email);
  await managerPage.getByRole("listitem").filter({ hasText: item }).getByRole("link", { name: "Review claim" }).click();
  await expect(managerPage.getByRole("heading", { name: item })).toBeVisible();
  await managerPage.getByLabel("Reason").fill("Good pick for the billing rewrite");
  await managerPage.getByRole("button", { name: "Approve" }).click();
  await expect(managerPage.getByText(`Approved by ${manager.name}`)).toBeVisible();
  await expect(managerPage.getByRole("button", { name: "Approve" })).toHaveCount(0);

  const adminContext = await browser.newContext({ storageState: storageStateFor("admin") });
  const adminPage = await adminContext.newPage();
  await adminPage.goto("/");
  await adminPage.getByRole("listitem").filter({ hasText: item }).getByRole("link", { name: "Mark reimbursed" }).click();
  await adminPage.getByRole("button", { name: "Mark reimbursed" }).click();
  await expect(adminPage.getByText(`Marked reimbursed by ${DEMO.admin.name}`)).toBeVisible();

  const csv = await adminPage.request.get(`/stipend/admin/export?year=${YEAR}`);
  expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
  const line = (await csv.text()).split("\r\n").find((l) => l.includes(item));
  expect(line).toContain(`"${item}"`);
  expect(line).toContain(",1234.50,USD,1234.50,Reimbursed,no,");

  await page.reload();
  await expect(page.getByTestId("balance-reimbursed")).toHaveText("$1,234.50");
  await row.getByText("History").click();
  await expect(row.getByText("Good pick for the billing rewrite", { exact: true })).toBeVisible();
  await Promise.all([page.context().close(), managerPage.context().close(), adminContext.close()]);
});

test("bad amounts and a text file renamed .pdf are refused beside their fields, keeping what was typed", async ({ browser, createPerson }) => {
  const engineer = await createPerson();
  const page = await signedInPage(browser, engineer.email);
  await page.goto("/stipend/new");
  await fillClaim(page, { item: "Clean Architecture", vendor: "Bookshop", amount: "12.345" });
  await page.getByLabel("Or a link to the receipt").fill("javascript:alert(1)");
  await page.getByLabel("Note").fill("For the design review guild");
  await page.getByRole("button", { name: "File claim" }).click();

  await expect(page.getByLabel("Amount paid")).toHaveAccessibleDescription(/USD amounts have at most 2 decimals/);
  await expect(page.getByLabel("Or a link to the receipt")).toHaveAccessibleDescription(/Enter a link starting with https:\/\//);
  await expect(page.getByLabel("Item", { exact: true })).toHaveValue("Clean Architecture");
  await expect(page.getByLabel("Category")).toHaveValue("Books");
  await expect(page.getByLabel("Note")).toHaveValue("For the design review guild");
  await expect(page.getByLabel("Amount paid")).toHaveValue("12.345");
  await expectNoSeriousViolations(page);

  await page.getByLabel("Amount paid").fill("-5");
  await page.getByRole("button", { name: "File claim" }).click();
  await expect(page.getByText("The amount must be more than zero")).toBeVisible();

  await page.getByLabel("Amount paid").fill("abc");
  await page.getByRole("button", { name: "File claim" }).click();
  await expect(page.getByText("Enter an amount like 49.99 or 1,200")).toBeVisible();

  await page.getByLabel("Amount paid").fill("49.99");
  await page.getByLabel("Or a link to the receipt").fill("");
  await page.getByLabel("Receipt file").setInputFiles({ name: "receipt.pdf", mimeType: "application/pdf", buffer: Buffer.from("This is just text pretending to be a PDF.") });
  await page.getByRole("button", { name: "File claim" }).click();
  await expect(page.getByLabel("Receipt file")).toHaveAccessibleDescription(/Upload a PDF, PNG or JPEG/);
  await expect(page.getByLabel("Amount paid")).toHaveValue("49.99");
  await expect(page.getByLabel("Item", { exact: true })).toHaveValue("Clean Architecture");

  await page.getByLabel("Currency paid").selectOption("EUR");
  await page.getByLabel("Or a link to the receipt").fill("https://shop.example.com/r/9");
  await page.getByRole("button", { name: "File claim" }).click();
  await expect(page.getByLabel("Amount to charge your allowance (USD)")).toHaveAccessibleDescription(/You paid in EUR: enter what it came to in USD/);
  await expect(page.getByLabel("Currency paid")).toHaveValue("EUR");
  await expect(page.getByLabel("Or a link to the receipt")).toHaveValue("https://shop.example.com/r/9");
  await page.context().close();
});

test("a receipt downloads for its owner, safely typed, and looks missing to another engineer", async ({ browser, createPerson, db, playwright, baseURL }) => {
  const jordanReceipt = db
    .select({ id: receipts.id })
    .from(receipts)
    .innerJoin(people, eq(people.id, receipts.uploadedById))
    .where(and(eq(people.email, DEMO.engineer.email), eq(receipts.contentType, "image/png")))
    .get()!;
  const owner = await playwright.request.newContext({ baseURL, storageState: storageStateFor("engineer") });
  const response = await owner.get(`/stipend/receipts/${jordanReceipt.id}`);
  expect(response.status()).toBe(200);
  expect(response.headers()).toMatchObject({ "content-type": "image/png", "x-content-type-options": "nosniff", "cache-control": "private, no-store" });
  expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename=".+\.png"$/);
  await owner.dispose();

  const other = await createPerson();
  const page = await signedInPage(browser, other.email);
  const refused = await page.request.get(`/stipend/receipts/${jordanReceipt.id}`);
  expect(refused.status()).toBe(404);
  await page.goto(`/stipend/receipts/${jordanReceipt.id}`);
  await expect(page.getByText("Not found")).toBeVisible();
  await page.context().close();
});

test("20 claims at once that together exceed the balance leave it at zero or more", async ({ browser, createPerson, db }) => {
  const manager = await createPerson({ role: "manager", trackKey: "mgmt", levelKey: "m1" });
  const engineer = await createPerson({ managerId: manager.id });
  const page = await signedInPage(browser, engineer.email);
  await page.goto("/stipend/new");
  await fillClaim(page, { item: "Conference ticket", category: "Conferences", amount: "300" });
  await page.getByLabel("Or a link to the receipt").fill("https://tickets.example.com/order/1");
  // The browser's own submission of the server action, replayed 20 times at once below.
  const [submission] = await Promise.all([page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])), page.getByRole("button", { name: "File claim" }).click()]);
  await expect(page.getByText("Claim filed.")).toBeVisible();
  const headers = await submission.allHeaders();
  const body = submission.postDataBuffer()!;
  const replays = await Promise.all(Array.from({ length: 20 }, () => page.request.post(submission.url(), { headers, data: body, maxRedirects: 0 })));
  expect(replays.every((r) => r.status() < 500)).toBe(true);

  const held = db
    .select({ n: sql<number>`count(*)`, total: sql<number>`coalesce(sum(${stipendClaims.amountChargedMinor}), 0)` })
    .from(stipendClaims)
    .where(and(eq(stipendClaims.personId, engineer.id), eq(stipendClaims.year, YEAR), inArray(stipendClaims.status, ["pending", "approved", "reimbursed"])))
    .get()!;
  // $2,000 holds six $300 claims: the first plus five of the twenty; the other fifteen are refused.
  expect(held).toEqual({ n: 6, total: 180_000 });
  await page.goto("/stipend");
  await expect(page.getByTestId("balance-remaining")).toHaveText("$200.00");
  await page.context().close();
});

test("a 5 MB receipt uploads; one byte more is refused", async ({ browser, createPerson }) => {
  const engineer = await createPerson();
  const page = await signedInPage(browser, engineer.email);
  await page.goto("/stipend/new");
  await fillClaim(page, { item: "Conference proceedings", amount: "80" });
  await page.getByLabel("Receipt file").setInputFiles({ name: "big.pdf", mimeType: "application/pdf", buffer: pdfOfSize(5 * 1024 * 1024 + 1) });
  await page.getByRole("button", { name: "File claim" }).click();
  await expect(page.getByLabel("Receipt file")).toHaveAccessibleDescription(/Receipts can be up to 5 MB/);
  await page.getByLabel("Receipt file").setInputFiles({ name: "big.pdf", mimeType: "application/pdf", buffer: pdfOfSize(5 * 1024 * 1024) });
  await page.getByRole("button", { name: "File claim" }).click();
  await expect(page.getByText("Claim filed.")).toBeVisible();
  await page.getByRole("link", { name: "Conference proceedings" }).click();
  await expect(page.getByRole("link", { name: "Download big.pdf" })).toBeVisible();
  await page.context().close();
});

test("a pending claim can be withdrawn, which gives the money back", async ({ browser, createPerson }) => {
  const engineer = await createPerson();
  const page = await signedInPage(browser, engineer.email);
  await page.goto("/stipend/new");
  await fillClaim(page, { item: "Rust workshop", category: "Courses", amount: "400" });
  await page.getByLabel("Or a link to the receipt").fill("https://workshop.example.com/invoice/3");
  await page.getByRole("button", { name: "File claim" }).click();
  await expect(page.getByTestId("balance-remaining")).toHaveText("$1,600.00");
  const row = page.getByRole("row", { name: /Rust workshop/ });
  await row.getByRole("button", { name: "Withdraw" }).click();
  await expect(row.getByText("Withdrawn", { exact: true })).toBeVisible();
  await expect(page.getByTestId("balance-remaining")).toHaveText("$2,000.00");
  await page.context().close();
});

test("an admin sets next year's settings without moving this year's balances", async ({ browser }) => {
  const context = await browser.newContext({ storageState: storageStateFor("admin") });
  const page = await context.newPage();
  await page.goto(`/stipend/admin?year=${YEAR + 1}`);
  await expect(page.getByText("Not saved yet")).toBeVisible();
  await page.getByLabel("Yearly allowance").fill("2,500.999");
  await page.getByLabel("Categories").fill("");
  await page.getByRole("button", { name: `Save ${YEAR + 1} settings` }).click();
  await expect(page.getByLabel("Yearly allowance")).toHaveAccessibleDescription(/USD amounts have at most 2 decimals/);
  await expect(page.getByLabel("Categories")).toHaveAccessibleDescription(/List at least one category/);
  await page.getByLabel("Yearly allowance").fill("2,500");
  await page.getByLabel("Categories").fill("Books\nCourses\nConferences");
  await page.getByRole("button", { name: `Save ${YEAR + 1} settings` }).click();
  await expect(page.getByText(`The ${YEAR + 1} settings are saved.`)).toBeVisible();
  await page.goto(`/stipend/admin?year=${YEAR + 1}`);
  await expect(page.getByLabel("Yearly allowance")).toHaveValue("2500.00");
  await page.goto(`/stipend?year=${YEAR}`);
  await expect(page.getByTestId("balance-allowance")).toHaveText("$2,000.00");
  await context.close();
});

test.describe("stipend pages pass axe", () => {
  const pages: [string, "engineer" | "manager" | "admin", string][] = [
    ["/stipend", "engineer", "My education stipend"],
    ["/stipend/new", "engineer", "New stipend claim"],
    ["/stipend/approvals", "manager", "Stipend approvals"],
    ["/stipend/team", "manager", "Team stipend claims"],
    ["/stipend/admin", "admin", "Stipend admin"],
  ];
  for (const [path, role, heading] of pages) {
    test(`${path} as ${role}`, async ({ browser }) => {
      const context = await browser.newContext({ storageState: storageStateFor(role) });
      const page = await context.newPage();
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expectNoSeriousViolations(page);
      await context.close();
    });
  }
  test("a claim waiting on the manager", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("manager") });
    const page = await context.newPage();
    await page.goto("/stipend/approvals");
    await page.getByRole("table", { name: "Claims waiting on your decision" }).getByRole("link").first().click();
    await expect(page.getByRole("heading", { name: "Your decision" })).toBeVisible();
    await expectNoSeriousViolations(page);
    await context.close();
  });
});
