import { eq } from "drizzle-orm";
import { levelHistory, people } from "@/db/schema";
import { DEMO, expect, SIGNED_OUT, storageStateFor, test } from "./support/fixtures";
import { AdminPersonPage, Form, pageAs, ProfilePage, SignInPage, signedInAs } from "./support/pages";
import { expectNoSeriousViolations } from "./support/a11y";

test.use({ storageState: storageStateFor("admin") });

const unique = () => Math.random().toString(36).slice(2, 8);

test("an admin adds a person, copies the invitation, the person sets a password and signs in; deactivating ends their session", async ({ page, browser, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const tag = unique();
  const email = `new.hire.${tag}@example.com`;
  await page.goto("/admin/people");
  await page.getByRole("link", { name: "Add person" }).click();
  await new Form(page, "Add person").fillAndSubmit({ "Full name": `New Hire ${tag}`, Email: email, Manager: "Sam Okafor (Platform)", "Team or pod": "Platform", Level: "ic:ic1" });

  const admin = new AdminPersonPage(page);
  await expect(admin.heading(`New Hire ${tag}`)).toBeVisible();
  await admin.press("Create invitation link");
  await page.getByRole("button", { name: "Copy" }).click();
  await expect(page.getByRole("button", { name: "Copied" })).toBeVisible();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  expect(link).toMatch(/\/invite\/[A-Za-z0-9_-]{40,}$/);

  const newcomer = await (await browser.newContext({ storageState: SIGNED_OUT })).newPage();
  await newcomer.goto(link);
  await expect(newcomer.getByText(`Hi New Hire ${tag}, choose a password`)).toBeVisible();
  const passwordForm = new Form(newcomer, "Set password");
  await passwordForm.fillAndSubmit({ "New password": "short" });
  await passwordForm.expectError("New password", /Use at least 12 characters/);
  await passwordForm.fillAndSubmit({ "New password": "my-own-passphrase-1", "Confirm password": "my-own-passphrase-1" });
  await passwordForm.expectStatus("Your password is set");

  // The link works once.
  await newcomer.goto(link);
  await expect(newcomer.getByRole("alert").filter({ hasText: "already been used" })).toBeVisible();

  await new SignInPage(newcomer).signIn(email, "my-own-passphrase-1");
  await expect(signedInAs(newcomer)).toHaveText(`New Hire ${tag}`);

  page.once("dialog", (dialog) => dialog.accept());
  await admin.press("Deactivate");
  await admin.expectStatus("Deactivated. Their sessions have ended");

  await newcomer.goto("/account");
  await expect(newcomer).toHaveURL(/\/signin\?/);
  await expect(newcomer.getByRole("alert").filter({ hasText: "deactivated" })).toBeVisible();
  await newcomer.context().close();
});

test("the person page says which address links use, the link uses it, and a proxied request is warned about", async ({ page, context, createPerson }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"]);
  const person = await createPerson({ passwordHash: null });
  const admin = new AdminPersonPage(page);
  await admin.open(person.id);
  const origin = new URL(page.url()).origin;
  const note = page.getByTestId("link-origin");
  await expect(note).toHaveText(`Links use ${origin} (from this request's address; set AUTH_URL to fix it).`);
  await admin.press("Create invitation link");
  await expect(page.getByLabel(/Invitation link/)).toHaveValue(new RegExp(`^${origin}/invite/`));

  // Without a trusted proxy, a forwarded host is not used for links, but the admin is told to set AUTH_URL.
  await page.setExtraHTTPHeaders({ "X-Forwarded-Host": "evil.example" });
  await page.reload();
  await expect(note.getByText(`Links use ${origin}`)).toBeVisible();
  await expect(note.getByText(/Check the link address\. This request came through a proxy.*Set AUTH_URL/)).toBeVisible();
});

test("a CSV with bad rows is refused with every problem listed, and nothing is imported", async ({ page, db }) => {
  const tag = unique();
  const csv = [
    "name,email,role,track,level,manager_email,team,start_date",
    `Good Person,good.${tag}@example.com,engineer,ic,ic1,sam@example.com,Platform,2026-03-02`,
    `Dup Person,jordan@example.com,engineer,ic,ic1,sam@example.com,Platform,2026-03-02`,
    `Lost Person,lost.${tag}@example.com,engineer,ic,ic1,nobody.${tag}@example.com,Platform,2026-03-02`,
    `Odd Level,odd.${tag}@example.com,engineer,ic,ic42,,Platform,2026-03-02`,
    `Loop A,loopa.${tag}@example.com,manager,mgmt,m1,loopb.${tag}@example.com,Platform,2026-03-02`,
    `Loop B,loopb.${tag}@example.com,manager,mgmt,m1,loopa.${tag}@example.com,Platform,2026-03-02`,
  ].join("\n");
  await page.goto("/admin/people/import");
  await page.getByLabel("CSV file").setInputFiles({ name: "people.csv", mimeType: "text/csv", buffer: Buffer.from(csv) });
  await page.getByRole("button", { name: "Check file" }).click();

  const problems = page.getByRole("list", { name: "5 problems to fix" });
  await expect(problems.getByRole("listitem")).toHaveText([
    /Line 3\s*email\s*jordan@example.com already belongs to someone in Trellis/,
    new RegExp(`Line 4\\s*manager_email\\s*Unknown manager nobody.${tag}@example.com`),
    /Line 5\s*level\s*Unknown level "ic42"/,
    /Line 6\s*manager_email\s*Reporting cycle/,
    /Line 7\s*manager_email\s*Reporting cycle/,
  ]);
  await expect(page.getByRole("button", { name: /^Import/ })).toHaveCount(0);
  // The pasted text is kept so it can be fixed in place.
  await expect(page.getByLabel("Or paste the CSV")).toHaveValue(csv);
  expect(db.select().from(people).where(eq(people.email, `good.${tag}@example.com`)).get()).toBeUndefined();
});

test("a valid CSV previews, then imports every row", async ({ page, db }) => {
  const tag = unique();
  const csv = [
    "name,email,role,track,level,manager_email,team,start_date",
    `Lead ${tag},lead.${tag}@example.com,manager,mgmt,m1,priya@example.com,Data,2026-03-02`,
    `Dev ${tag},dev.${tag}@example.com,engineer,ic,ic2,lead.${tag}@example.com,Data,2026-03-09`,
  ].join("\n");
  await page.goto("/admin/people/import");
  await page.getByLabel("Or paste the CSV").fill(csv);
  await page.getByRole("button", { name: "Check file" }).click();
  await expect(page.getByRole("table", { name: "People to import" }).getByRole("row")).toHaveCount(3);
  await page.getByRole("button", { name: "Import 2 people" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Imported 2 people" })).toBeVisible();
  const dev = db.select().from(people).where(eq(people.email, `dev.${tag}@example.com`)).get()!;
  const lead = db.select().from(people).where(eq(people.email, `lead.${tag}@example.com`)).get()!;
  expect(dev.managerId).toBe(lead.id);
});

test("the people CSV export is formula-safe", async ({ request, createPerson }) => {
  await createPerson({ name: "=HYPERLINK(\"http://evil.example\")", email: `formula.${unique()}@example.com` });
  const semicolon = await createPerson({ name: "Bob;=1+1", email: `semicolon.${unique()}@example.com` });
  const response = await request.get("/admin/people/export");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("text/csv");
  const body = await response.text();
  expect(body).toContain("name,email,role,track,level,manager_email,team,start_date,active");
  expect(body).toContain(`"'=HYPERLINK(""http://evil.example"")"`);
  // A spreadsheet splitting on ";" would otherwise start a cell with "=1+1".
  expect(body).toContain(`"Bob;'=1+1",${semicolon.email},`);
  expect(body).toMatch(/Jordan Lee,jordan@example.com,engineer,ic,ic2,sam@example.com,Platform/);
});

test("a move that would create a reporting cycle is refused with a clear message", async ({ page }) => {
  await page.goto("/admin/org");
  await expect(page.getByRole("navigation", { name: "Reporting lines" }).getByRole("link", { name: "Jordan Lee" })).toBeVisible();
  const move = new Form(page, "Move");
  await move.fillAndSubmit({ Person: "Priya Natarajan", "New manager": "Jordan Lee" });
  await move.expectError("New manager", /loop in the reporting line/);
});

test("a level change is recorded with its date and reason, and the person sees it", async ({ page, browser, createPerson, db }) => {
  const person = await createPerson({ levelKey: "ic2", name: `Level Change ${unique()}` });
  const admin = new AdminPersonPage(page);
  await admin.open(person.id);
  await admin.levelChange.fillAndSubmit({ "New level": "ic:ic3", "Effective from": "2026-10-01", Reason: "Calibration after the H2 review" });
  await admin.levelChange.expectStatus("Level changed");
  expect(db.select().from(levelHistory).where(eq(levelHistory.personId, person.id)).all().map((h) => h.levelKey)).toEqual(["ic2", "ic3"]);

  const own = await pageAs(browser, person);
  const profile = new ProfilePage(own);
  await profile.openOwn();
  await expect(profile.levelHistory.first()).toContainText("Senior Software Engineer (IC3) · from 1 Oct 2026Calibration after the H2 review");
  await own.context().close();
});

test("the audit log filters by person and shows who did what", async ({ page, createPerson }) => {
  const person = await createPerson({ name: `Audited ${unique()}` });
  const admin = new AdminPersonPage(page);
  await admin.open(person.id);
  await admin.details.fillAndSubmit({ "Team or pod": "Audited team" });
  await admin.details.expectStatus("Saved.");

  await page.goto(`/admin/audit?person=${person.id}`);
  const table = page.getByRole("table", { name: /Audit entries/ });
  await expect(table.getByRole("row").nth(1)).toContainText(DEMO.admin.name);
  await expect(table.getByRole("row").nth(1)).toContainText("person.update");
  await expect(table.getByRole("row").nth(1)).toContainText("Changed team");
  await expect(table.getByRole("row")).toHaveCount(2);
});

test("an admin names the promotion committee", async ({ page }) => {
  await page.goto("/admin/committee");
  const members = page.getByRole("list", { name: /Members/ }).getByRole("listitem");
  await expect(members.filter({ hasText: "Priya Natarajan" })).toHaveCount(1);
  await new Form(page, "Add").fillAndSubmit({ "Add to the committee": "Taylor Brooks (Platform)" });
  await expect(members.filter({ hasText: "Taylor Brooks" })).toHaveCount(1);
  await page.getByRole("button", { name: "Remove Taylor Brooks" }).click();
  await expect(members.filter({ hasText: "Taylor Brooks" })).toHaveCount(0);
});

test("a non-admin is refused the admin pages and does not see the Admin link", async ({ browser }) => {
  const page = await pageAs(browser, "manager");
  await page.goto("/");
  await expect(page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "People admin" })).toHaveCount(0);
  const response = await page.goto("/admin/people");
  expect(response?.status()).toBe(404);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await page.context().close();
});

for (const path of ["/admin/people", "/admin/people/new", "/admin/people/import", "/admin/org", "/admin/committee", "/admin/audit"]) {
  test(`no serious accessibility violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousViolations(page);
  });
}

test("an admin signs someone out everywhere without deactivating them", async ({ page, browser, createPerson }) => {
  const person = await createPerson({ name: `Lost Laptop ${unique()}` });
  const theirs = await pageAs(browser, person);
  const admin = new AdminPersonPage(page);
  await admin.open(person.id);
  await admin.press("Sign out everywhere");
  await admin.expectStatus("Ended 1 open session");
  await theirs.goto("/account");
  await expect(theirs.getByRole("alert").filter({ hasText: "An admin ended your session" })).toBeVisible();
  await theirs.context().close();
});

test("an admin's Needs my action lists a new hire whose invitation is about to expire", async ({ page }) => {
  await page.goto("/");
  const item = page.getByRole("list", { name: "Needs my action" }).getByRole("listitem").filter({ hasText: "Casey Novak's invitation expires soon" });
  await expect(item).toBeVisible();
  await item.getByRole("link", { name: "Open" }).click();
  await expect(new AdminPersonPage(page).heading("Casey Novak")).toBeVisible();
  await expect(page.getByText(/An invitation link is open until/)).toBeVisible();
});
