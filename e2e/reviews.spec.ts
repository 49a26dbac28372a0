import type { Browser, Page } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { reviewCells, reviewCycles, reviews } from "@/db/schema";
import { enrolInOpenCycles } from "@/lib/test/factory";
import { expectNoSeriousViolations } from "./support/a11y";
import { expect, test } from "./support/fixtures";
import { pageAs } from "./support/pages";

/*
 * Evidence and self-assessments, as the person writing them. Each test makes
 * its own people and enrols them in the demo's open cycle.
 */
const CELLS = ["Values", "Technical", "Leadership"].flatMap((c) => ["Complexity", "Sphere of influence", "Multiplier effect"].map((t) => `${c} · ${t}`));
const AUTOSAVE = 2_500;

async function openReview(page: Page, reviewId: string) {
  await page.clock.install();
  await page.goto(`/reviews/${reviewId}`);
  await expect(page.getByTestId("save-status")).toHaveText("No changes yet");
}

const cell = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

async function engineerWithReview(createPerson: (o?: object) => Promise<{ id: string; email: string; name: string }>, db: Parameters<typeof enrolInOpenCycles>[0], browser: Browser) {
  const person = await createPerson({ name: `Eva Evidence ${Date.now()}` });
  const [reviewId] = enrolInOpenCycles(db, person.id);
  const page = await pageAs(browser, { email: person.email });
  return { person, reviewId: reviewId!, page };
}

test("an engineer logs evidence, cites it, is refused a submit with a missing rating, then submits", async ({ browser, createPerson, db }) => {
  // The whole journey in one test, with four accessibility scans: more than the default 30 s on a busy two-core machine.
  test.setTimeout(60_000);
  const { reviewId, page } = await engineerWithReview(createPerson, db, browser);
  const title = `Cut deploy time in half ${reviewId.slice(0, 6)}`;

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Evidence log" }).click();
  await expect(page.getByText("No evidence yet")).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole("link", { name: "Log a win" }).click();
  await page.getByRole("button", { name: "Add to my log" }).click();
  await expect(page.getByLabel("What happened")).toHaveAccessibleDescription(/Give the win a title/);
  await expect(page.getByText("Tag at least one cell this demonstrates")).toBeVisible();
  await page.getByLabel("What happened").fill(title);
  await page.getByLabel("Description").fill("Parallelised the **pipeline**.");
  await page.getByLabel("Links").fill("https://ci.example.com/runs/1");
  await page.getByRole("checkbox", { name: "Technical · Complexity" }).check();
  await page.getByRole("checkbox", { name: "Leadership · Multiplier effect" }).check();
  await expectNoSeriousViolations(page);
  await page.getByRole("button", { name: "Add to my log" }).click();
  await expect(page.getByText("Added to your log.")).toBeVisible();
  await expect(page.getByRole("heading", { name: title })).toBeVisible();
  await expect(page.getByRole("article").getByText("pipeline")).toHaveJSProperty("tagName", "STRONG");
  await page.getByRole("combobox", { name: "Cell" }).selectOption({ label: "Values · Complexity" });
  await page.getByRole("button", { name: "Filter" }).click();
  await expect(page.getByText("Nothing matches these filters")).toBeVisible();

  await openReview(page, reviewId);
  await expectNoSeriousViolations(page);
  const tech = cell(page, "Technical · Complexity");
  await expect(tech.getByText(/Expected at IC2/)).toBeVisible();
  await expect(tech.getByText("Visible to: You; your managers and admins once you submit").first()).toBeVisible();
  await tech.getByRole("button", { name: `Cite ${title}` }).click();
  await tech.getByLabel("Your evidence for Technical · Complexity").fill("Halved the deploy time for every team.");
  for (const name of CELLS.slice(0, 8)) await cell(page, name).getByRole("radio", { name: /^Meets/ }).check();
  await expect(page.getByTestId("save-status")).toHaveText("Unsaved changes");
  await page.clock.runFor(AUTOSAVE);
  await expect(page.getByTestId("save-status")).toHaveText(/^Saved \d\d:\d\d$/);

  await page.getByRole("button", { name: "Submit self-assessment" }).click();
  const missing = page.getByRole("navigation", { name: "Cells without a rating" });
  await expect(missing.getByRole("link")).toHaveText(["Leadership · Multiplier effect"]);
  await expect(cell(page, "Leadership · Multiplier effect").getByText("Choose a rating for this cell")).toBeVisible();
  await missing.getByRole("link").click();
  await cell(page, "Leadership · Multiplier effect").getByRole("radio", { name: /^Exceeds/ }).check();
  await page.getByRole("button", { name: "Submit self-assessment" }).click();
  await expect(page.getByText(/^Self-assessment submitted /)).toBeVisible();
  await expect(page.getByRole("button", { name: "Submit self-assessment" })).toHaveCount(0);
  await expect(cell(page, "Technical · Complexity").getByRole("link", { name: title })).toBeVisible();
  await expect(cell(page, "Leadership · Multiplier effect").getByText("Exceeds")).toBeVisible();
  await expectNoSeriousViolations(page);
  const row = db.select({ selfStatus: reviews.selfStatus }).from(reviews).where(eq(reviews.id, reviewId)).get();
  expect(row?.selfStatus).toBe("submitted");
  await page.context().close();
});

test("another engineer is refused the review by URL and by a replayed server action with a changed id", async ({ browser, createPerson, db }) => {
  const owner = await engineerWithReview(createPerson, db, browser);
  const other = await engineerWithReview(createPerson, db, browser);
  await owner.page.context().close();

  await other.page.goto(`/reviews/${owner.reviewId}`);
  await expect(other.page.getByRole("heading", { name: "Page not found" })).toBeVisible();

  // Capture the other engineer's own autosave call, then replay it against the owner's review.
  await openReview(other.page, other.reviewId);
  await cell(other.page, "Values · Complexity").getByLabel(/Your evidence/).fill("Mine");
  const request = other.page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await other.page.clock.runFor(AUTOSAVE);
  const captured = await request;
  await expect(other.page.getByTestId("save-status")).toHaveText(/^Saved/);
  const body = captured.postData()!;
  expect(body).toContain(other.reviewId);
  const replay = await other.page.request.post(captured.url(), {
    headers: { "next-action": captured.headers()["next-action"]!, "content-type": captured.headers()["content-type"] ?? "text/plain;charset=UTF-8", accept: "text/x-component" },
    data: body.replaceAll(other.reviewId, owner.reviewId).replace(/"version":\d+/, '"version":1'),
  });
  expect(await replay.text()).toContain("does not exist or you do not have access");
  const ownerCell = db.select({ evidence: reviewCells.selfEvidence }).from(reviewCells).where(and(eq(reviewCells.reviewId, owner.reviewId), eq(reviewCells.competencyKey, "values"), eq(reviewCells.themeKey, "complexity"))).get();
  expect(ownerCell?.evidence).toBe("");
  expect(db.select({ v: reviews.selfVersion }).from(reviews).where(eq(reviews.id, owner.reviewId)).get()?.v).toBe(1);
  await other.page.context().close();
});

test("two tabs on one review: the later save is told, keeps its text and sees the other version", async ({ browser, createPerson, db }) => {
  const { reviewId, page: first } = await engineerWithReview(createPerson, db, browser);
  const second = await first.context().newPage();
  await openReview(first, reviewId);
  await openReview(second, reviewId);

  await cell(first, "Values · Complexity").getByLabel(/Your evidence/).fill("Written in the first tab");
  await first.clock.runFor(AUTOSAVE);
  await expect(first.getByTestId("save-status")).toHaveText(/^Saved/);

  await cell(second, "Values · Complexity").getByLabel(/Your evidence/).fill("Written in the second tab");
  await second.clock.runFor(AUTOSAVE);
  await expect(second.getByRole("heading", { name: "Saved somewhere else while you were editing" })).toBeVisible();
  await expect(second.getByTestId("save-status")).toHaveText("Not saved: see below");
  await expect(second.getByTestId("conflict-cell")).toContainText("Written in the first tab");
  await expect(cell(second, "Values · Complexity").getByLabel(/Your evidence/)).toHaveValue("Written in the second tab");
  await expectNoSeriousViolations(second);

  await second.getByRole("button", { name: "Keep mine and save" }).click();
  await expect(second.getByTestId("save-status")).toHaveText(/^Saved/);
  const saved = db.select({ evidence: reviewCells.selfEvidence }).from(reviewCells).where(and(eq(reviewCells.reviewId, reviewId), eq(reviewCells.competencyKey, "values"), eq(reviewCells.themeKey, "complexity"))).get();
  expect(saved?.evidence).toBe("Written in the second tab");
  await first.context().close();
});

test("Markdown with an XSS attempt renders inert in the log and in a submitted review", async ({ browser, createPerson, db }) => {
  const { reviewId, page } = await engineerWithReview(createPerson, db, browser);
  const attack = `<img src=x onerror="window.__xss=1"> <script>window.__xss=2</script> [click me](javascript:window.__xss=3) **bold**`;
  await page.goto("/evidence/new");
  await page.getByLabel("What happened").fill("Inert markdown");
  await page.getByLabel("Description").fill(attack);
  await page.getByRole("checkbox", { name: "Values · Complexity" }).check();
  await page.getByRole("button", { name: "Add to my log" }).click();
  const entry = page.getByRole("article").filter({ hasText: "Inert markdown" });
  await expect(entry.getByText("bold")).toBeVisible();
  await expect(entry.locator("img, script")).toHaveCount(0);
  await expect(entry.getByText("click me")).not.toHaveAttribute("href", /javascript/);

  await openReview(page, reviewId);
  for (const name of CELLS) await cell(page, name).getByRole("radio", { name: /^Developing/ }).check();
  await cell(page, "Values · Complexity").getByLabel(/Your evidence/).fill(attack);
  await page.getByRole("button", { name: "Submit self-assessment" }).click();
  await expect(page.getByText(/^Self-assessment submitted /)).toBeVisible();
  const values = cell(page, "Values · Complexity");
  await expect(values.getByText("bold")).toBeVisible();
  await expect(values.locator("img, script")).toHaveCount(0);
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  await page.context().close();
});

test("needs my action shows the self-assessment with its due date, and an overdue one stands out", async ({ browser, createPerson, db }) => {
  const { reviewId, person, page } = await engineerWithReview(createPerson, db, browser);
  // A late cycle of this test's own, due yesterday, with a review for this person only.
  const late = `Late cycle ${reviewId.slice(0, 6)}`;
  const yesterday = new Date(Date.now() - 36 * 3_600_000).toISOString().slice(0, 10);
  const cycleId = crypto.randomUUID();
  const versionId = db.select({ v: reviews.frameworkVersionId }).from(reviews).where(eq(reviews.id, reviewId)).get()!.v;
  db.insert(reviewCycles).values({ id: cycleId, name: late, selfDueOn: yesterday, managerDueOn: yesterday, frameworkVersionId: versionId, status: "open", openedAt: new Date() }).run();
  db.insert(reviews).values({ id: crypto.randomUUID(), cycleId, personId: person.id, frameworkVersionId: versionId, trackKey: "ic", levelKey: "ic2" }).run();

  await page.goto("/");
  const current = page.getByRole("listitem").filter({ hasText: "Write your self-assessment" }).filter({ hasNotText: late });
  await expect(current).toContainText(/Due \d+ \w+ \d{4}/);
  await expect(current.getByText("Overdue")).toHaveCount(0);
  const overdue = page.getByRole("listitem").filter({ hasText: late });
  await expect(overdue.getByText("Overdue", { exact: true })).toBeVisible();
  await expect(overdue).toContainText(/Overdue: it was due/);
  await expect(overdue).toHaveAttribute("data-overdue", "true");
  db.update(reviewCycles).set({ status: "closed" }).where(eq(reviewCycles.id, cycleId)).run();
  await current.getByRole("link", { name: "Start" }).click();
  await expect(page).toHaveURL(new RegExp(`/reviews/${reviewId}$`));
  await page.context().close();
});

test("leaving with unsaved text warns; once saved, it does not", async ({ browser, createPerson, db }) => {
  const { reviewId, page } = await engineerWithReview(createPerson, db, browser);
  await openReview(page, reviewId);
  await cell(page, "Values · Complexity").getByLabel(/Your evidence/).fill("Not saved yet");
  const warned = new Promise<string>((resolve) => page.once("dialog", async (dialog) => {
    resolve(dialog.type());
    await dialog.dismiss();
  }));
  await page.close({ runBeforeUnload: true });
  expect(await warned).toBe("beforeunload");
  await expect(page.getByTestId("save-status")).toHaveText("Unsaved changes");

  await page.clock.runFor(AUTOSAVE);
  await expect(page.getByTestId("save-status")).toHaveText(/^Saved/);
  let dialogs = 0;
  page.on("dialog", () => dialogs++);
  await page.close({ runBeforeUnload: true });
  await expect.poll(() => page.isClosed()).toBe(true);
  expect(dialogs).toBe(0);
  await page.context().close();
});
