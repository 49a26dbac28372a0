import { expect, storageStateFor, test } from "./support/fixtures";
import { expectNoSeriousViolations } from "./support/a11y";

test("sign-in page, also with errors showing", async ({ page }) => {
  await page.goto("/signin");
  await expectNoSeriousViolations(page);
  await page.getByRole("button", { name: "Sign in" }).click();
  await expect(page.getByText("Enter your email address")).toBeVisible();
  await expectNoSeriousViolations(page);
});

test.describe("signed-in shell", () => {
  test.use({ storageState: storageStateFor("manager") });
  for (const path of ["/", "/account", "/about", "/notifications", "/notifications?show=unread"]) {
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
