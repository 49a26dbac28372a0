import { expectNoSeriousViolations } from "./support/a11y";
import { expect, storageStateFor, test } from "./support/fixtures";

test.use({ storageState: storageStateFor("admin") });

/* The demo seed's cycles, named by the half-year they fall in (db/seed/demo-reviews.ts). */
const now = new Date();
const half = now.getUTCMonth() < 6 ? 1 : 2;
const year = now.getUTCFullYear();
const DEMO_CYCLES = half === 1 ? [`${year} H1`, `${year - 1} H2`] : [`${year} H2`, `${year} H1`];

test("review cycles: the open cycle and the closed one are listed; a bad due date is refused beside its field", async ({ page }) => {
  await page.goto("/admin/cycles");
  const cycles = page.getByRole("region", { name: "Review cycles" });
  // The demo's two cycles; other specs may add cycles of their own while this runs.
  const [open, closed] = DEMO_CYCLES;
  await expect(cycles.getByRole("row", { name: new RegExp(`^${open} `) })).toContainText("Open");
  await expect(cycles.getByRole("row", { name: new RegExp(`^${closed} `) })).toContainText(/Closed \d/);
  await page.getByLabel("Name").fill("Refused cycle");
  await page.getByLabel("Self-assessments due").fill("2030-05-10");
  await page.getByLabel("Manager reviews due").fill("2030-05-01");
  await page.getByRole("button", { name: "Open cycle" }).click();
  await expect(page.getByLabel("Manager reviews due")).toHaveAccessibleDescription(/on or after the self-assessment/);
  await expect(page.getByLabel("Name")).toHaveValue("Refused cycle");
  await expectNoSeriousViolations(page);
});

test("organisation settings: the time zone form, defaulting to UTC", async ({ page }) => {
  await page.goto("/admin/settings");
  await expect(page.getByLabel("Organisation time zone")).toHaveValue("UTC");
  await expect(page.getByText(/^It is \d+ \w+ \d{4} in UTC\.$/)).toBeVisible();
  await page.getByRole("button", { name: "Save time zone" }).click();
  await expect(page.getByText("Saved. Today, due dates and overdue now follow UTC.")).toBeVisible();
  await expectNoSeriousViolations(page);
});

test("an admin closes a cycle after confirming, and it stays listed as closed", async ({ page }) => {
  const name = `Closing check ${Date.now()}`;
  await page.goto("/admin/cycles");
  await page.getByLabel("Name").fill(name);
  await page.getByLabel("Self-assessments due").fill("2030-05-10");
  await page.getByLabel("Manager reviews due").fill("2030-05-20");
  await page.getByRole("button", { name: "Open cycle" }).click();
  const row = page.getByRole("row", { name: new RegExp(`^${name} `) });
  await expect(row).toContainText("Open");
  await row.getByRole("button", { name: `Close ${name}` }).click();
  await expect(row.getByText(/Its reviews stay readable/)).toBeVisible();
  await row.getByRole("button", { name: "Cancel" }).click();
  await expect(row).toContainText("Open");
  await row.getByRole("button", { name: `Close ${name}` }).click();
  await row.getByRole("button", { name: `Close cycle ${name}` }).click();
  await expect(row).toContainText(/Closed \d/);
});
