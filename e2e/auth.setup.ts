import { DEMO, DEMO_PASSWORD, expect, signIn, storageStateFor, test, type DemoRole } from "./support/fixtures";

/* Each demo role signs in through the real form once; the specs reuse the saved session. */
for (const role of Object.keys(DEMO) as DemoRole[]) {
  test(`sign in as the demo ${role}`, async ({ page }) => {
    await signIn(page, DEMO[role].email, DEMO_PASSWORD);
    await expect(page.getByRole("heading", { name: `Hello, ${DEMO[role].name.split(" ")[0]}` })).toBeVisible();
    await expect(page.getByTestId("signed-in-as")).toHaveText(DEMO[role].name);
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
