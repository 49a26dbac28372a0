import crypto from "node:crypto";
import { expect, test, type Browser, type Page } from "@playwright/test";
import { asc, eq, sql } from "drizzle-orm";
import { openDatabase } from "@/db";
import { frameworkVersions, people, reviewCycles, reviews } from "@/db/schema";
import { expectNoSeriousViolations } from "./support/a11y";
import { FRESH_DB, FRESH_PEOPLE, TEST_PASSWORD } from "./support/env";
import { SignInPage, signedInAs } from "./support/pages";

/*
 * Publishing framework versions, on a server of its own over a fresh
 * installation (playwright.config.ts): an admin edits a cell on a draft and
 * publishes it while an older review keeps its words, then a framework of
 * another shape (sixteen competencies by one theme) is imported, published
 * and used. The tests build on each other, so they run in order.
 */
test.describe.configure({ mode: "serial" });

const AUTOSAVE = 2_500;
let database: ReturnType<typeof openDatabase>;
test.beforeAll(() => {
  database = openDatabase(FRESH_DB);
});
test.afterAll(() => database.$client.close());
const db = () => database;
const idOf = (email: string) => db().select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
const versionId = (number: number) => db().select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.number, number)).get()!.id;

/* A cycle pinned to a version, with the engineer's review in it: open, or closed like last half's. */
function cycleWithReview(name: string, pinnedTo: number, status: "open" | "closed") {
  const cycleId = crypto.randomUUID();
  const reviewId = crypto.randomUUID();
  const version = versionId(pinnedTo);
  db().insert(reviewCycles).values({ id: cycleId, name, selfDueOn: "2099-01-01", managerDueOn: "2099-01-31", status, frameworkVersionId: version }).run();
  db().insert(reviews).values({ id: reviewId, cycleId, personId: idOf(FRESH_PEOPLE.engineer.email), frameworkVersionId: version, trackKey: "ic", levelKey: "ic2" }).run();
  db().run(sql`insert into review_cells (review_id, competency_key, theme_key) select ${reviewId}, c.competency_key, t.theme_key from version_competencies c cross join version_themes t where c.version_id = ${version} and t.version_id = ${version}`);
  return reviewId;
}

async function signedIn(browser: Browser, baseURL: string | undefined, who: keyof typeof FRESH_PEOPLE): Promise<Page> {
  const page = await (await browser.newContext({ baseURL, storageState: { cookies: [], origins: [] } })).newPage();
  await new SignInPage(page).signIn(FRESH_PEOPLE[who].email, TEST_PASSWORD);
  await expect(signedInAs(page)).toHaveText(FRESH_PEOPLE[who].name);
  return page;
}

const NEW_WORDS = "Plans the rollout with support and writes the runbook first.";

test("an admin edits a cell on a draft and publishes it; the browser shows the new words and an older review keeps the old", async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const olderReview = cycleWithReview("Older cycle", 1, "closed");
  const admin = await signedIn(browser, baseURL, "admin");
  await admin.clock.install();
  await admin.goto("/admin/framework");
  await expect(admin.getByText("No draft in progress")).toBeVisible();
  await admin.getByRole("button", { name: "Start a new draft" }).click();
  await expect(admin).toHaveURL("/admin/framework/2");
  await expect(admin.getByRole("heading", { level: 1, name: "Draft version 2" })).toBeVisible();

  await admin.getByRole("link", { name: "IC2 · Software Engineer" }).click();
  const expectation = admin.getByLabel("Expectation for Technical · Complexity");
  const before = await expectation.inputValue();
  await expectation.fill(`${before} ${NEW_WORDS}`);
  await admin.clock.runFor(AUTOSAVE);
  const cell = admin.getByTestId("cell-technical.complexity");
  await expect(cell.getByTestId("cell-save-status")).toHaveText(/^Saved \d/);
  await expect(cell.getByText("Changed from v1")).toBeVisible();
  await expectNoSeriousViolations(admin);

  await admin.getByRole("navigation", { name: "Draft" }).getByRole("link", { name: "Review and publish" }).click();
  const change = admin.getByTestId("diff-technical-complexity");
  await expect(change.locator("ins")).toContainText("Plans the rollout with support and writes the runbook first.");
  await expect(admin.getByTestId("diff-summary")).toContainText("1 cell reworded, 0 new, 0 removed");
  await expectNoSeriousViolations(admin);
  await admin.getByRole("button", { name: "Publish version 2" }).click();
  await expect(admin.getByText("Published version 2. Everyone now sees it; earlier versions stay readable.")).toBeVisible();
  await expect(admin.getByRole("row", { name: /^2: Trellis Engineering Framework Current/ })).toBeVisible();

  const engineer = await signedIn(browser, baseURL, "engineer");
  await engineer.goto("/framework?level=ic2");
  const matrix = engineer.getByRole("table", { name: /Software Engineer \(IC2\) expectations/ });
  await expect(matrix.getByRole("cell", { name: new RegExp(NEW_WORDS.replace(".", "\\.")) })).toBeVisible();
  await engineer.getByRole("link", { name: "What changed since v1" }).click();
  await expect(engineer).toHaveURL("/framework/diff?from=1&to=2");
  await expect(engineer.getByTestId("diff-technical-complexity").locator("ins")).toContainText(NEW_WORDS);

  await engineer.goto(`/reviews/${olderReview}`);
  const pinned = engineer.getByTestId("review-cell").filter({ hasText: "Technical · Complexity" });
  await expect(pinned).toContainText(before);
  await expect(pinned).not.toContainText(NEW_WORDS);
  await admin.context().close();
  await engineer.context().close();
});

/* Sixteen competencies by one theme, on the default tracks and levels, from the published version's own export. */
async function sixteenByOne(page: Page) {
  const doc = await (await page.request.get("/framework/export?version=2")).json();
  const competencies = Array.from({ length: 16 }, (_, i) => ({ key: `skill-${i + 1}`, name: `Skill ${i + 1}`, summary: `What skill ${i + 1} covers.` }));
  for (const track of doc.tracks) {
    for (const level of track.levels) {
      level.cells = Object.fromEntries(competencies.map((c) => [c.key, { impact: { expectation: `${c.name} at ${level.code}: shows it every week.`, description: `How ${c.name} looks at ${level.code}.`, examples: [`An example of ${c.name} at ${level.code}.`] } }]));
    }
  }
  return JSON.stringify({ ...doc, name: "Sixteen skills", competencies, themes: [{ key: "impact", name: "Impact", summary: "How far the work reaches." }] }, null, 2);
}

test("a framework of another shape, sixteen competencies by one theme, imports, publishes and renders everywhere", async ({ browser, baseURL }) => {
  test.setTimeout(60_000);
  const admin = await signedIn(browser, baseURL, "admin");
  await admin.goto("/admin/framework/import");
  await admin.getByLabel("Framework file").setInputFiles({ name: "sixteen.json", mimeType: "application/json", buffer: Buffer.from(await sixteenByOne(admin)) });
  await admin.getByRole("button", { name: "Check and import" }).click();
  await expect(admin).toHaveURL("/admin/framework/3?imported=1");
  await expect(admin.getByText("Imported as draft version 3.")).toBeVisible();
  await admin.getByRole("navigation", { name: "Draft" }).getByRole("link", { name: "Review and publish" }).click();
  await expect(admin.getByTestId("publish-problems")).toHaveCount(0);
  await expect(admin.getByTestId("diff-summary")).toContainText("0 cells reworded, 176 new, 99 removed");
  await admin.getByRole("button", { name: "Publish version 3" }).click();
  await expect(admin.getByText("Published version 3.")).toBeVisible();
  await admin.context().close();

  const reviewId = cycleWithReview("Sixteen cycle", 3, "open");
  const engineer = await signedIn(browser, baseURL, "engineer");
  await engineer.setViewportSize({ width: 390, height: 844 });
  await engineer.goto("/framework");
  const matrix = engineer.getByRole("table", { name: /Software Engineer \(IC2\) expectations/ });
  await expect(matrix.getByRole("rowheader")).toHaveCount(16);
  await expect(matrix.getByRole("columnheader")).toHaveText(["Competency", /^Impact/]);
  await expect(matrix.getByRole("rowheader").last()).toContainText("Skill 16");
  await expect(matrix.getByRole("cell")).toHaveCount(16);
  // One theme fits a phone without sideways scrolling, inside the table's box or out.
  expect(await engineer.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoSeriousViolations(engineer);

  await engineer.goto(`/reviews/${reviewId}`);
  await expect(engineer.getByRole("region", { name: /^Skill \d+ · Impact$/ })).toHaveCount(16);
  await expect(engineer.getByRole("region", { name: "Skill 16 · Impact" })).toContainText("Skill 16 at IC2: shows it every week.");
  await engineer.goto("/evidence/new");
  await expect(engineer.getByRole("checkbox")).toHaveCount(16);
  await expect(engineer.getByRole("checkbox", { name: "Skill 7 · Impact" })).toBeVisible();
  await engineer.goto("/framework/compare?from=ic2&to=ic3");
  await expect(engineer.getByRole("heading", { level: 2, name: /^Skill \d+$/ })).toHaveCount(16);
  await engineer.context().close();

  const versions = db().select({ number: frameworkVersions.number, status: frameworkVersions.status }).from(frameworkVersions).orderBy(asc(frameworkVersions.number)).all();
  expect(versions).toEqual([
    { number: 1, status: "published" },
    { number: 2, status: "published" },
    { number: 3, status: "published" },
  ]);
});
