import type { Page, Response } from "@playwright/test";
import { and, asc, eq } from "drizzle-orm";
import { reviewCells, reviewCycles, reviewPrivateNotes, reviews } from "@/db/schema";
import type { Db } from "@/db";
import type { Rating } from "@/lib/domain/enums";
import { enrolInOpenCycles } from "@/lib/test/factory";
import { expectNoSeriousViolations } from "./support/a11y";
import { expect, test } from "./support/fixtures";
import { pageAs } from "./support/pages";

/*
 * The manager's side of a review, end to end: each test makes its own manager
 * and reports (a team of their own) in the demo's open cycle.
 */
const AUTOSAVE = 2_500;
const CELLS = ["Values", "Technical", "Leadership"].flatMap((c) => ["Complexity", "Sphere of influence", "Multiplier effect"].map((t) => `${c} · ${t}`));
const cell = (page: Page, name: string) => page.getByRole("region", { name, exact: true });

type CreatePerson = (o?: object) => Promise<{ id: string; email: string; name: string }>;

/* A manager with reports on a team of their own, each enrolled in the open cycle; self-assessments submitted with `selfRating` (Values · Complexity: "exceeds"). */
async function team(createPerson: CreatePerson, db: Db, reports = 1, selfRating: Rating = "meets") {
  const tag = crypto.randomUUID().slice(0, 6);
  const teamName = `Team ${tag}`;
  const manager = await createPerson({ name: `Mia Manager ${tag}`, role: "manager", trackKey: "mgmt", levelKey: "m1", team: teamName });
  const people = [];
  for (let i = 0; i < reports; i++) {
    const person = await createPerson({ name: `Eli Engineer ${tag}-${i}`, managerId: manager.id, team: teamName });
    const [reviewId] = enrolInOpenCycles(db, person.id);
    db.update(reviewCells).set({ selfRating, selfEvidence: "Shipped the **queue** rewrite." }).where(eq(reviewCells.reviewId, reviewId!)).run();
    db.update(reviewCells).set({ selfRating: "exceeds" }).where(and(eq(reviewCells.reviewId, reviewId!), eq(reviewCells.competencyKey, "values"), eq(reviewCells.themeKey, "complexity"))).run();
    db.update(reviews).set({ selfStatus: "submitted", selfVersion: 3, selfSubmittedAt: new Date() }).where(eq(reviews.id, reviewId!)).run();
    people.push({ ...person, reviewId: reviewId! });
  }
  return { manager, people, teamName };
}

const openCycle = (db: Db) => db.select({ id: reviewCycles.id, name: reviewCycles.name }).from(reviewCycles).where(eq(reviewCycles.status, "open")).orderBy(asc(reviewCycles.openedAt)).get()!;

/* Every page and server-component payload the browser receives, as text. */
function recordBodies(page: Page) {
  const bodies: Promise<string>[] = [];
  page.on("response", (response: Response) => {
    const type = response.request().resourceType();
    const contentType = response.headers()["content-type"] ?? "";
    if (type === "document" || contentType.includes("text/x-component") || type === "fetch" || type === "xhr") bodies.push(response.text().catch(() => ""));
  });
  return async () => Promise.all(bodies);
}

test("the manager sees the disagreement, writes, keeps private notes and shares; the engineer responds and acknowledges and never receives the notes", async ({ browser, createPerson, db }) => {
  // Two sign-ins through the form and three axe scans: 28 s alone on this two-core machine, more with other builds running.
  test.setTimeout(60_000);
  const { manager, people } = await team(createPerson, db);
  const engineer = people[0]!;
  const secret = `Private ${crypto.randomUUID()}`;

  const page = await pageAs(browser, manager);
  await page.clock.install();
  await page.getByRole("listitem").filter({ hasText: `Write ${engineer.name}'s review for ${openCycle(db).name}` }).getByRole("link", { name: "Start" }).click();
  await expect(page.getByTestId("manager-save-status")).toHaveText("No changes yet");
  const values = cell(page, "Values · Complexity");
  await expect(values.getByText(/Expected at IC2/)).toBeVisible();
  await expect(values.getByText("Self: Exceeds")).toBeVisible();
  await expect(values.getByText("queue")).toHaveJSProperty("tagName", "STRONG");
  await values.getByRole("radio", { name: "Developing" }).check();
  await expect(values.getByText("Differs by 2")).toBeVisible();
  for (const name of CELLS.slice(1)) await cell(page, name).getByRole("radio", { name: "Meets" }).check();
  await expect(cell(page, "Technical · Complexity").getByText(/Differs by/)).toHaveCount(0);
  await values.getByLabel("Your comment on Values · Complexity").fill("Needs more **design** work.");
  await expect(page.getByTestId("manager-save-status")).toHaveText("Unsaved changes");
  await page.clock.runFor(AUTOSAVE);
  await expect(page.getByTestId("manager-save-status")).toHaveText(/^Saved \d\d:\d\d$/);

  const notes = page.getByTestId("private-notes");
  await expect(notes.getByText("Private: only you, managers above you and admins")).toBeVisible();
  await notes.getByRole("textbox", { name: "Private notes" }).fill(secret);
  await notes.getByRole("button", { name: "Save private notes" }).click();
  await expect(notes.getByText("Notes saved.")).toBeVisible();
  await expectNoSeriousViolations(page);

  await page.getByRole("button", { name: `Share with ${engineer.name}` }).click();
  const summary = page.getByRole("textbox", { name: "Summary" });
  await expect(summary).toHaveAccessibleDescription(/Write a summary before sharing/);
  await summary.fill("A good half; design depth is next.");
  await page.getByRole("button", { name: `Share with ${engineer.name}` }).click();
  await expect(page.getByRole("heading", { name: "Manager's summary" })).toBeVisible();
  await expect(page.getByText("Manager review: Shared")).toBeVisible();
  const heatmap = page.getByRole("table", { name: "Self against manager, per cell" });
  await expect(heatmap.getByRole("cell").filter({ hasText: "Differs by 2" })).toHaveText(/Self: Exceeds.*Manager: Developing.*Differs by 2/);
  await expect(cell(page, "Values · Complexity").getByText("Differs by 2")).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.context().close();

  // The engineer, recording every page and payload the browser receives.
  const mine = await pageAs(browser, engineer);
  const bodies = recordBodies(mine);
  await mine.goto("/");
  await mine.getByRole("listitem").filter({ hasText: `Read and acknowledge your review for ${openCycle(db).name}` }).getByRole("link", { name: "Read" }).click();
  await expect(mine.getByRole("heading", { name: `My review: ${openCycle(db).name}` })).toBeVisible();
  await expect(mine.getByText("A good half; design depth is next.")).toBeVisible();
  await expect(cell(mine, "Values · Complexity").getByText("Differs by 2")).toBeVisible();
  await expect(cell(mine, "Values · Complexity").getByText("design")).toHaveJSProperty("tagName", "STRONG");
  await expect(mine.getByTestId("private-notes")).toHaveCount(0);
  await expect(mine.getByText("Private notes")).toHaveCount(0);
  await expectNoSeriousViolations(mine);
  await mine.getByLabel("Your response (optional)").fill("I see design differently; let us talk.");
  await mine.getByRole("button", { name: "Acknowledge review" }).click();
  await expect(mine.getByRole("button", { name: "Acknowledge review" })).toHaveCount(0);
  await expect(mine.getByText(/^Acknowledged \d+ \w+ \d{4}/)).toBeVisible();
  await expect(mine.getByText("I see design differently; let us talk.")).toBeVisible();
  await mine.getByRole("link", { name: "Rating history" }).click();
  await expect(mine.getByRole("table", { name: "Self and manager ratings per cell and cycle" })).toBeVisible();
  await mine.goto("/reviews");
  // The review page loaded last, as a document, so its body is still there to read.
  await mine.goto(`/reviews/${engineer.reviewId}`);
  await expect(mine.getByText("A good half; design depth is next.")).toBeVisible();
  const received = await bodies();
  expect(received.length).toBeGreaterThan(3);
  expect(received.filter((b) => b.includes(secret))).toEqual([]);
  expect(received.join("\n")).toContain("A good half; design depth is next.");
  // The same page asked for directly with the engineer's session: as HTML and as the server-component payload.
  for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
    const raw = await (await mine.request.get(`/reviews/${engineer.reviewId}`, { headers })).text();
    expect(raw).toContain("A good half; design depth is next.");
    expect(raw).not.toContain(secret);
  }
  await mine.context().close();

  expect(db.select({ s: reviews.managerStatus, r: reviews.engineerResponse }).from(reviews).where(eq(reviews.id, engineer.reviewId)).get()).toEqual({ s: "acknowledged", r: "I see design differently; let us talk." });
  expect(db.select({ body: reviewPrivateNotes.body }).from(reviewPrivateNotes).where(eq(reviewPrivateNotes.reviewId, engineer.reviewId)).get()?.body).toBe(secret);
});

test("an unrelated manager is refused the review by URL and by a replayed server action with a changed id", async ({ browser, createPerson, db }) => {
  const owner = await team(createPerson, db);
  const other = await team(createPerson, db);
  const target = owner.people[0]!.reviewId;
  const page = await pageAs(browser, other.manager);

  await page.goto(`/reviews/${target}`);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(page.getByText(owner.people[0]!.name)).toHaveCount(0);

  // Capture the unrelated manager's autosave on their own report, then replay it against the other team's review.
  await page.clock.install();
  await page.goto(`/reviews/${other.people[0]!.reviewId}`);
  await cell(page, "Values · Complexity").getByRole("radio", { name: "Not yet" }).check();
  const request = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await page.clock.runFor(AUTOSAVE);
  const captured = await request;
  await expect(page.getByTestId("manager-save-status")).toHaveText(/^Saved/);
  const body = captured.postData()!;
  expect(body).toContain(other.people[0]!.reviewId);
  const replay = await page.request.post(captured.url(), {
    headers: { "next-action": captured.headers()["next-action"]!, "content-type": captured.headers()["content-type"] ?? "text/plain;charset=UTF-8", accept: "text/x-component" },
    data: body.replaceAll(other.people[0]!.reviewId, target).replace(/"version":\d+/, '"version":1'),
  });
  expect(await replay.text()).toContain("does not exist or you do not have access");
  expect(db.select({ v: reviews.managerVersion, s: reviews.managerStatus }).from(reviews).where(eq(reviews.id, target)).get()).toEqual({ v: 1, s: "not-started" });
  expect(db.select({ r: reviewCells.managerRating }).from(reviewCells).where(eq(reviewCells.reviewId, target)).all().every((c) => c.r === null)).toBe(true);
  await page.context().close();
});

test("the team page and calibration show the team's ratings, the CSV matches, and every new page passes axe", async ({ browser, createPerson, db }) => {
  test.slow(); // two sign-ins, a CSV download and four axe scans
  const { manager, people, teamName } = await team(createPerson, db, 2);
  const [first, second] = people as [(typeof people)[0], (typeof people)[0]];
  const rate = (reviewId: string, rating: Rating) => db.update(reviewCells).set({ managerRating: rating }).where(eq(reviewCells.reviewId, reviewId)).run();
  rate(first.reviewId, "developing");
  rate(second.reviewId, "exceeds");
  db.update(reviews).set({ managerStatus: "draft", managerVersion: 2 }).where(eq(reviews.id, first.reviewId)).run();
  const cycle = openCycle(db);
  const page = await pageAs(browser, manager);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Team reviews" }).click();
  await expect(page.getByRole("heading", { name: "Team reviews", level: 1 })).toBeVisible();
  // Other specs may open a cycle of their own for a moment: this one looks at the demo's.
  await page.goto(`/reviews/team?cycle=${cycle.id}`);
  const rows = page.getByTestId("team-row");
  await expect(rows).toHaveCount(2);
  await expect(rows.first()).toContainText("Direct report: you write this review");
  await expectNoSeriousViolations(page);
  await page.getByLabel("Status").selectOption("draft");
  await page.getByRole("button", { name: "Show" }).click();
  await expect(page).toHaveURL(/status=draft/);
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toContainText(first.name);

  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Calibration" }).click();
  await expect(page.getByRole("heading", { name: "Calibration", level: 1 })).toBeVisible();
  await page.goto(`/reviews/calibration?cycle=${cycle.id}`);
  await page.getByLabel("Team").selectOption(teamName);
  await page.getByRole("button", { name: "Show" }).click();
  const grid = page.getByTestId("calibration-heatmap");
  await expect(grid.getByRole("row")).toHaveCount(2);
  const firstRow = grid.getByRole("row").filter({ hasText: first.name });
  await expect(firstRow.getByRole("cell").first()).toHaveText(/Developing\s*Self: Exceeds\s*Differs by 2/);
  await expect(grid.getByRole("row").filter({ hasText: second.name }).getByRole("cell").nth(1)).toHaveText(/Exceeds\s*Self: Meets/);
  await expect(page.getByTestId("calibration-counts").getByRole("row").first().getByRole("cell").first()).toHaveText("Not yet 0, Developing 1, Meets 0, Exceeds 1");
  await expectNoSeriousViolations(page);

  const download = page.waitForEvent("download");
  await page.getByRole("link", { name: "Download CSV" }).click();
  const csv = await (await download).createReadStream().then(async (stream) => {
    const chunks: Buffer[] = [];
    for await (const chunk of stream) chunks.push(chunk as Buffer);
    return Buffer.concat(chunks).toString("utf8").replace(/^\uFEFF/, "");
  });
  const lines = csv.trim().split(/\r?\n/);
  expect(lines[0]).toMatch(/^name,team,level,manager,manager_status,values\.complexity manager,values\.complexity self,/);
  expect(lines).toHaveLength(3);
  expect(lines.find((l) => l.startsWith(first.name))).toBe([first.name, teamName, "IC2 · Software Engineer", manager.name, "draft", ...Array(9).fill(null).flatMap((_, i) => ["Developing", i === 0 ? "Exceeds" : "Meets"])].join(","));
  expect(lines.find((l) => l.startsWith(second.name))).toContain(",Exceeds,Exceeds,Exceeds,Meets,");

  await firstRow.getByRole("link", { name: first.name }).click();
  await expect(page.getByRole("heading", { name: `${first.name}'s review: ${cycle.name}` })).toBeVisible();
  await page.getByRole("link", { name: "Rating history" }).click();
  await expect(page.getByRole("img", { name: /Values · Complexity, manager ratings/ })).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.context().close();
});
