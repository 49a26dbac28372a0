import { and, eq, inArray, sql } from "drizzle-orm";
import { people, receipts, stipendClaims } from "@/db/schema";
import { expectNoSeriousViolations } from "./support/a11y";
import { DEMO, expect, storageStateFor, test } from "./support/fixtures";
import { Form, pageAs } from "./support/pages";
import { claimForm, fillClaim, pdfOfSize, PNG } from "./support/stipend";

const YEAR = new Date().getUTCFullYear();

test("an engineer files a claim, the manager approves, an admin reimburses and the CSV holds it", async ({ browser, createPerson }) => {
  const manager = await createPerson({ role: "manager", trackKey: "mgmt", levelKey: "m1", name: `Mia Manager ${Date.now()}` });
  const engineer = await createPerson({ managerId: manager.id, name: `Eli Engineer ${Date.now()}` });
  const item = `Refactoring, 2nd edition ${engineer.id.slice(0, 6)}`;

  const page = await pageAs(browser, engineer);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Stipend", exact: true }).click();
  await expect(page.getByText(`No claims yet in ${YEAR}`)).toBeVisible();
  await page.getByRole("link", { name: "New claim" }).first().click();
  await fillClaim(page, { item, amount: "1,234.5" });
  await claimForm(page).attach("Receipt file", { name: "receipt.png", mimeType: "image/png", buffer: PNG });
  await claimForm(page).submit();

  await expect(page.getByText("Claim filed.")).toBeVisible();
  await expect(page.getByTestId("balance-pending")).toHaveText("$1,234.50");
  await expect(page.getByTestId("balance-remaining")).toHaveText("$765.50");
  const row = page.getByRole("row", { name: new RegExp(item) });
  await expect(row.getByText("Pending approval")).toBeVisible();

  const managerPage = await pageAs(browser, manager);
  await managerPage.getByRole("listitem").filter({ hasText: item }).getByRole("link", { name: "Review claim" }).click();
  await expect(managerPage.getByRole("heading", { name: item })).toBeVisible();
  await new Form(managerPage, "Approve").fillAndSubmit({ Reason: "Good pick for the billing rewrite" });
  await expect(managerPage.getByText(`Approved by ${manager.name}`)).toBeVisible();
  await expect(managerPage.getByRole("button", { name: "Approve" })).toHaveCount(0);

  const adminPage = await pageAs(browser, "admin");
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
  await Promise.all([page.context().close(), managerPage.context().close(), adminPage.context().close()]);
});

test("bad amounts and a text file renamed .pdf are refused beside their fields, keeping what was typed", async ({ browser, createPerson }) => {
  const engineer = await createPerson();
  const page = await pageAs(browser, engineer);
  await page.goto("/stipend/new");
  const form = claimForm(page);
  await fillClaim(page, { item: "Clean Architecture", vendor: "Bookshop", amount: "12.345" });
  await form.fillAndSubmit({ "Or a link to the receipt": "javascript:alert(1)", Note: "For the design review guild" });

  await form.expectErrors({ "Amount paid": /USD amounts have at most 2 decimals/, "Or a link to the receipt": /Enter a link starting with https:\/\// });
  await form.expectValues({ Item: "Clean Architecture", Category: "Books", Note: "For the design review guild", "Amount paid": "12.345" });
  await expectNoSeriousViolations(page);

  await form.fillAndSubmit({ "Amount paid": "-5" });
  await expect(page.getByText("The amount must be more than zero")).toBeVisible();

  await form.fillAndSubmit({ "Amount paid": "abc" });
  await expect(page.getByText("Enter an amount like 49.99 or 1,200")).toBeVisible();

  await form.fill({ "Amount paid": "49.99", "Or a link to the receipt": "" });
  await form.field("Receipt file").setInputFiles({ name: "receipt.pdf", mimeType: "application/pdf", buffer: Buffer.from("This is just text pretending to be a PDF.") });
  await form.submit();
  await form.expectError("Receipt file", /Upload a PDF, PNG or JPEG/);
  await form.expectValues({ "Amount paid": "49.99", Item: "Clean Architecture" });

  await form.fillAndSubmit({ "Currency paid": "EUR", "Or a link to the receipt": "https://shop.example.com/r/9" });
  await form.expectError("Amount to charge your allowance (USD)", /You paid in EUR: enter what it came to in USD/);
  await form.expectValues({ "Currency paid": "EUR", "Or a link to the receipt": "https://shop.example.com/r/9" });
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
  const page = await pageAs(browser, other);
  const refused = await page.request.get(`/stipend/receipts/${jordanReceipt.id}`);
  expect(refused.status()).toBe(404);
  await page.goto(`/stipend/receipts/${jordanReceipt.id}`);
  await expect(page.getByText("Not found")).toBeVisible();
  await page.context().close();
});

test("20 claims at once that together exceed the balance leave it at zero or more", async ({ browser, createPerson, db }) => {
  const manager = await createPerson({ role: "manager", trackKey: "mgmt", levelKey: "m1" });
  const engineer = await createPerson({ managerId: manager.id });
  const page = await pageAs(browser, engineer);
  await page.goto("/stipend/new");
  await fillClaim(page, { item: "Conference ticket", category: "Conferences", amount: "300" });
  await claimForm(page).fill({ "Or a link to the receipt": "https://tickets.example.com/order/1" });
  // The browser's own submission of the server action, replayed 20 times at once below.
  const [submission] = await Promise.all([page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"])), claimForm(page).submit()]);
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
  const page = await pageAs(browser, engineer);
  await page.goto("/stipend/new");
  const form = claimForm(page);
  await fillClaim(page, { item: "Conference proceedings", amount: "80" });
  await form.field("Receipt file").setInputFiles({ name: "big.pdf", mimeType: "application/pdf", buffer: pdfOfSize(5 * 1024 * 1024 + 1) });
  await form.submit();
  await form.expectError("Receipt file", /Receipts can be up to 5 MB/);
  await form.field("Receipt file").setInputFiles({ name: "big.pdf", mimeType: "application/pdf", buffer: pdfOfSize(5 * 1024 * 1024) });
  await form.submit();
  await expect(page.getByText("Claim filed.")).toBeVisible();
  await page.getByRole("link", { name: "Conference proceedings" }).click();
  await expect(page.getByRole("link", { name: "Download big.pdf" })).toBeVisible();
  await page.context().close();
});

test("a pending claim can be withdrawn, which gives the money back", async ({ browser, createPerson }) => {
  const engineer = await createPerson();
  const page = await pageAs(browser, engineer);
  await page.goto("/stipend/new");
  await fillClaim(page, { item: "Rust workshop", category: "Courses", amount: "400" });
  await claimForm(page).fillAndSubmit({ "Or a link to the receipt": "https://workshop.example.com/invoice/3" });
  await expect(page.getByTestId("balance-remaining")).toHaveText("$1,600.00");
  const row = page.getByRole("row", { name: /Rust workshop/ });
  await row.getByRole("button", { name: "Withdraw" }).click();
  await expect(row.getByText("Withdrawn", { exact: true })).toBeVisible();
  await expect(page.getByTestId("balance-remaining")).toHaveText("$2,000.00");
  await page.context().close();
});

test("an admin sets next year's settings without moving this year's balances", async ({ browser }) => {
  const page = await pageAs(browser, "admin");
  const settings = new Form(page, `Save ${YEAR + 1} settings`);
  await page.goto(`/stipend/admin?year=${YEAR + 1}`);
  await expect(page.getByText("Not saved yet")).toBeVisible();
  await settings.fillAndSubmit({ "Yearly allowance": "2,500.999", Categories: "" });
  await settings.expectErrors({ "Yearly allowance": /USD amounts have at most 2 decimals/, Categories: /List at least one category/ });
  await settings.fillAndSubmit({ "Yearly allowance": "2,500", Categories: "Books\nCourses\nConferences" });
  await expect(page.getByText(`The ${YEAR + 1} settings are saved.`)).toBeVisible();
  await page.goto(`/stipend/admin?year=${YEAR + 1}`);
  await settings.expectValues({ "Yearly allowance": "2500.00" });
  await page.goto(`/stipend?year=${YEAR}`);
  await expect(page.getByTestId("balance-allowance")).toHaveText("$2,000.00");
  await page.context().close();
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
      const page = await pageAs(browser, role);
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1, name: heading })).toBeVisible();
      await expectNoSeriousViolations(page);
      await page.context().close();
    });
  }
  test("a claim waiting on the manager", async ({ browser }) => {
    const page = await pageAs(browser, "manager");
    await page.goto("/stipend/approvals");
    await page.getByRole("table", { name: "Claims waiting on your decision" }).getByRole("link").first().click();
    await expect(page.getByRole("heading", { name: "Your decision" })).toBeVisible();
    await expectNoSeriousViolations(page);
    await page.context().close();
  });
});
