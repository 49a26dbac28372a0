import { eq } from "drizzle-orm";
import { endorsementRequests, packets, people } from "@/db/schema";
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

/* The promotion committee and endorsements, on the demo data: each page in the state with the most on it. */
test.describe("committee and endorsement pages", () => {
  const pages: { role: "engineer" | "manager" | "admin"; path: (ids: Record<string, string>) => string; heading: RegExp }[] = [
    { role: "engineer", path: () => "/endorsements", heading: /^Endorsement requests$/ },
    { role: "engineer", path: (id) => `/endorsements/${id.request}`, heading: /^Endorse Alex Kim's promotion packet$/ },
    { role: "manager", path: (id) => `/packets/${id.riley}`, heading: /^Riley Chen's promotion packet/ },
    { role: "admin", path: () => "/committee", heading: /^Promotion committee$/ },
    { role: "admin", path: (id) => `/committee/${id.noor}`, heading: /^Noor Haddad's promotion packet/ },
    { role: "admin", path: (id) => `/committee/${id.taylor}`, heading: /^Taylor Brooks's promotion packet/ },
  ];
  for (const entry of pages) {
    test.describe(`as the ${entry.role}`, () => {
      test.use({ storageState: storageStateFor(entry.role) });
      test(`${entry.heading.source}`, async ({ page, db }) => {
        const person = (email: string) => db.select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
        const packetOf = (email: string) => db.select({ id: packets.id }).from(packets).where(eq(packets.personId, person(email))).get()!.id;
        const ids = {
          request: db.select({ id: endorsementRequests.id }).from(endorsementRequests).where(eq(endorsementRequests.endorserId, person("jordan@example.com"))).get()!.id,
          riley: packetOf("riley@example.com"),
          noor: packetOf("noor@example.com"),
          taylor: packetOf("taylor@example.com"),
        };
        await page.goto(entry.path(ids));
        await expect(page.getByRole("heading", { level: 1, name: entry.heading })).toBeVisible();
        await expectNoSeriousViolations(page);
      });
    });
  }
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
