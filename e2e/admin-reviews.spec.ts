import { expectNoSeriousViolations } from "./support/a11y";
import { expect, storageStateFor, test } from "./support/fixtures";

test.use({ storageState: storageStateFor("admin") });

test("review cycles: the open cycle and the closed one are listed; a bad due date is refused beside its field", async ({ page }) => {
  await page.goto("/admin/cycles");
  const cycles = page.getByRole("region", { name: "Review cycles" });
  await expect(cycles.getByRole("row")).toHaveCount(3);
  await expect(cycles.getByText("Open", { exact: true })).toBeVisible();
  await expect(cycles.getByText(/^Closed /)).toBeVisible();
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
