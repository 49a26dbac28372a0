import { expect, storageStateFor, test } from "./support/fixtures";
import { expectNoSeriousViolations } from "./support/a11y";

test.use({ storageState: storageStateFor("engineer") });

test("an engineer lands on their own level and opens a cell's details", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Framework" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Software Engineer (IC2)");
  const matrix = page.getByRole("table", { name: /Software Engineer \(IC2\) expectations/ });
  await expect(matrix.getByRole("rowheader")).toHaveText([/^Values/, /^Technical/, /^Leadership/]);
  await expect(matrix.getByRole("columnheader")).toHaveText(["Competency", /^Complexity/, /^Sphere of influence/, /^Multiplier effect/]);
  await expect(matrix.getByRole("cell")).toHaveCount(9);

  const description = page.getByText("Takes a feature with a clear goal and turns it into a sequence of shippable pull requests");
  await expect(description).toBeHidden();
  await page.getByRole("link", { name: "Details and examples for Technical, Complexity" }).click();
  await expect(page).toHaveURL(/cell=technical\.complexity/);
  await expect(description).toBeVisible();
  await expect(page.getByText("Ships a new settings page behind a feature flag across four small pull requests.")).toBeVisible();
  await page.getByRole("link", { name: "Hide details for Technical, Complexity" }).click();
  await expect(description).toBeHidden();
});

test("browsing another level and track from the level picker", async ({ page }) => {
  await page.goto("/framework");
  await page.getByRole("navigation", { name: "Levels" }).getByRole("link", { name: /M1 Engineering Manager/ }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Engineering Manager (M1)");
  await expect(page.getByText(/is equivalent to\s+Senior Software Engineer \(IC3\)/)).toBeVisible();
});

/* The text a sighted reader sees: without the hidden "[new: …]" markers that make the diff audible. */
async function seenText(locator: import("@playwright/test").Locator) {
  return ((await locator.textContent()) ?? "").replace(/\[(?:new|changes): ([^\]]*)\]/g, "$1");
}

test("comparing two levels marks the words that change", async ({ page }) => {
  await page.goto("/framework");
  await page.getByRole("link", { name: "What changes at IC3" }).click();
  await expect(page).toHaveURL("/framework/compare?from=ic2&to=ic3");
  const row = page.getByTestId("compare-technical-complexity");
  await expect(row.getByRole("cell").nth(1)).toBeVisible();
  expect(await seenText(row.getByRole("cell").nth(0))).toContain("Independently delivers moderate features");
  expect(await seenText(row.getByRole("cell").nth(1))).toContain("Designs and delivers multi-sprint projects with unclear requirements");
  await expect(row.locator("ins").first()).toBeVisible();
  await expect(row.locator("del").first()).toBeVisible();
  await expect(row.locator("ins")).toContainText(["multi-sprint projects"]);
  await expect(row.getByText(/Mostly new|Some changes/)).toBeVisible();
});

test("'My next level' is one click from anywhere", async ({ page }) => {
  await page.goto("/account");
  await page.getByRole("link", { name: "My next level" }).click();
  await expect(page).toHaveURL("/framework/compare?from=ic2&to=ic3");
  await expect(page.getByLabel("From level")).toHaveValue("ic2");
  await expect(page.getByLabel("To level")).toHaveValue("ic3");
});

test("a shared URL restores the same view", async ({ page }) => {
  await page.goto("/framework?level=m1&cell=leadership.multiplier#cell-leadership_multiplier");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Engineering Manager (M1)");
  await expect(page.getByRole("link", { name: "Hide details for Leadership, Multiplier effect" })).toBeVisible();
  await expect(page.locator("#cell-leadership_multiplier-details")).toBeVisible();
  await expect(page.locator("#cell-technical_complexity-details")).toBeHidden();

  await page.goto("/framework/compare?from=ic3&to=m1");
  await expect(page.getByLabel("From level")).toHaveValue("ic3");
  await expect(page.getByLabel("To level")).toHaveValue("m1");
  await page.getByLabel("To level").selectOption("ic4");
  await page.getByRole("button", { name: "Compare" }).click();
  await expect(page).toHaveURL("/framework/compare?from=ic3&to=ic4");
});

test("an unknown level is a missing page", async ({ page }) => {
  const response = await page.goto("/framework?level=nope");
  expect(response?.status()).toBe(404);
});

test("printing shows every cell in full and hides the navigation", async ({ page }) => {
  await page.goto("/framework?level=ic4");
  await page.emulateMedia({ media: "print" });
  await expect(page.locator("#cell-values_complexity-details")).toBeVisible();
  await expect(page.locator("#cell-leadership_multiplier-details")).toBeVisible();
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("navigation", { name: "Levels" })).toBeHidden();
});

test("the JSON export parses and holds every cell of every level", async ({ page, request }) => {
  await page.goto("/framework");
  const downloadPromise = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export JSON" }).click();
  // The demo has two published versions; the page exports the one it shows, the current.
  expect((await downloadPromise).suggestedFilename()).toBe("trellis-framework-v2.json");

  const response = await request.get("/framework/export?version=1");
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toContain("application/json");
  const doc = await response.json();
  expect(doc.format).toBe("trellis-framework/v1");
  const levels = doc.tracks.flatMap((t: { levels: unknown[] }) => t.levels);
  expect(levels).toHaveLength(11);
  let cells = 0;
  for (const level of levels) {
    for (const competency of doc.competencies) {
      for (const theme of doc.themes) {
        const cell = level.cells[competency.key][theme.key];
        expect(cell.expectation.length).toBeGreaterThan(0);
        expect(cell.examples.length).toBeGreaterThanOrEqual(2);
        cells++;
      }
    }
  }
  expect(cells).toBe(99);
});

test("the export refuses a version that does not exist and visitors who are not signed in", async ({ request, playwright, baseURL }) => {
  expect((await request.get("/framework/export?version=99")).status()).toBe(404);
  const anonymous = await playwright.request.newContext({ baseURL, maxRedirects: 0, storageState: { cookies: [], origins: [] } });
  const response = await anonymous.get("/framework/export?version=1");
  expect(response.status()).toBe(307);
  expect(response.headers().location).toMatch(/^\/signin/);
  await anonymous.dispose();
});

for (const path of ["/framework", "/framework?level=ic2&cell=values.influence", "/framework/compare?from=ic2&to=ic3"]) {
  test(`no serious accessibility violations on ${path}`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expectNoSeriousViolations(page);
  });
}
