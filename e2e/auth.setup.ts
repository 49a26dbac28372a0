import { DEMO, DEMO_PASSWORD, expect, storageStateFor, test, type DemoRole } from "./support/fixtures";
import { SignInPage, signedInAs } from "./support/pages";

/* Each demo role signs in through the real form once; the specs reuse the saved session. */
for (const role of Object.keys(DEMO) as DemoRole[]) {
  test(`sign in as the demo ${role}`, async ({ page }) => {
    await new SignInPage(page).signIn(DEMO[role].email, DEMO_PASSWORD);
    await expect(page.getByRole("heading", { name: `Hello, ${DEMO[role].name.split(" ")[0]}` })).toBeVisible();
    await expect(signedInAs(page)).toHaveText(DEMO[role].name);
    await page.context().storageState({ path: storageStateFor(role) });
  });
}
