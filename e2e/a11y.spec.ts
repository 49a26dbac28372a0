import AxeBuilder from "@axe-core/playwright";
import { expect, storageStateFor, test } from "./support/fixtures";
import type { Page } from "@playwright/test";

async function expectNoSeriousViolations(page: Page) {
  const results = await new AxeBuilder({ page }).withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  expect(serious.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`)).toEqual([]);
}

test("sign-in page, also with errors showing", async ({ page }) => {
  await page.goto("/signin");
  await expectNoSeriousViolations(page);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email address")).toBeVisible();
  await expectNoSeriousViolations(page);
});

test.describe("signed-in shell", () => {
  test.use({ storageState: storageStateFor("manager") });
  for (const path of ["/", "/account"]) {
    test(`page ${path}`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("navigation", { name: "Main" })).toBeVisible();
      await expectNoSeriousViolations(page);
    });
  }
  test("profile page", async ({ page }) => {
    await page.goto("/");
    await page.getByRole("link", { name: "My profile" }).click();
    await expect(page.getByRole("heading", { name: "Level history" })).toBeVisible();
    await expectNoSeriousViolations(page);
  });
});
