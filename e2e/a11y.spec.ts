import { eq } from "drizzle-orm";
import { packets, people } from "@/db/schema";
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
  for (const path of ["/", "/account", "/notifications", "/notifications?show=unread"]) {
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

/* The packet print view for each kind of reader: the author (Jordan's returned packet), the direct manager (Alex's, with readiness and ratings) and an admin (Noor's endorsed track move). */
for (const [role, email] of [
  ["engineer", "jordan@example.com"],
  ["manager", "alex@example.com"],
  ["admin", "noor@example.com"],
] as const) {
  test.describe(`packet print view as the ${role}`, () => {
    test.use({ storageState: storageStateFor(role) });
    test(`page /packets/:${email.split("@")[0]}/print`, async ({ page, db }) => {
      const person = db.select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
      const packet = db.select({ id: packets.id }).from(packets).where(eq(packets.personId, person)).get()!.id;
      await page.goto(`/packets/${packet}/print`);
      await expect(page.getByTestId("packet-document")).toBeVisible();
      await expectNoSeriousViolations(page);
    });
  });
}
