import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import { cells, evidenceCells, evidenceEntries, frameworkVersions, versionCompetencies } from "@/db/schema";
import { expectNoSeriousViolations } from "./support/a11y";
import { callAction, findAction } from "./support/actions";
import { expect, storageStateFor, test } from "./support/fixtures";
import { pageAs } from "./support/pages";

/*
 * The framework editor on the demo data, where Morgan's draft version 3 is in
 * progress. Nothing here publishes (framework-publish.spec.ts does, on a
 * server of its own): refusals, import problems, removals refused for what is
 * in use, a conflict between two tabs, and every page's accessibility.
 */
const DRAFT = 3;
const PAGES = ["/admin/framework", `/admin/framework/${DRAFT}`, `/admin/framework/${DRAFT}/matrix`, `/admin/framework/${DRAFT}/levels`, `/admin/framework/${DRAFT}/cells/ic7`, `/admin/framework/${DRAFT}/publish`, "/admin/framework/import"];
const AUTOSAVE = 2_500;

test.describe("as an engineer", () => {
  test.use({ storageState: storageStateFor("engineer") });

  test("every editor page is missing", async ({ page }) => {
    test.setTimeout(60_000);
    for (const path of PAGES) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    }
  });

  test("every editor action is refused when called directly, and nothing changes", async ({ page, db }) => {
    test.setTimeout(60_000);
    const draftRow = () => db.select({ revision: frameworkVersions.revision, name: frameworkVersions.name, status: frameworkVersions.status }).from(frameworkVersions).where(eq(frameworkVersions.number, DRAFT)).get();
    const draftId = db.select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.number, DRAFT)).get()!.id;
    const cell = () => db.select({ expectation: cells.expectation, revision: cells.revision }).from(cells).where(and(eq(cells.versionId, draftId), eq(cells.levelKey, "ic2"), eq(cells.competencyKey, "values"), eq(cells.themeKey, "influence"))).get()!;
    const before = { draft: draftRow(), cell: cell(), versions: db.select().from(frameworkVersions).all().length, competencies: db.select().from(versionCompetencies).where(eq(versionCompetencies.versionId, draftId)).all().length };
    const ref = { number: DRAFT, revision: before.draft!.revision };
    const calls: [string, string, Record<string, unknown>][] = [
      ["app/(app)/admin/framework/actions.ts", "startDraftAction", {}],
      ["app/(app)/admin/framework/actions.ts", "updateDraftDetailsAction", { ...ref, name: "Taken over", description: "", notes: "" }],
      ["app/(app)/admin/framework/actions.ts", "discardDraftAction", { number: DRAFT }],
      ["app/(app)/admin/framework/actions.ts", "publishDraftAction", { number: DRAFT, stamp: "0.0" }],
      ["app/(app)/admin/framework/actions.ts", "importFrameworkAction", { text: "{}" }],
      ["app/(app)/admin/framework/[version]/cells/[level]/actions.ts", "saveDraftCellAction", { number: DRAFT, levelKey: "ic2", cell: "values.influence", revision: before.cell.revision, expectation: "Taken over", description: "", examples: "" }],
      ["app/(app)/admin/framework/[version]/structure-actions.ts", "addMatrixItemAction", { ...ref, part: "competency", name: "Taken over", summary: "" }],
      ["app/(app)/admin/framework/[version]/structure-actions.ts", "updateMatrixItemAction", { ...ref, part: "competency", key: "values", name: "Taken over", summary: "" }],
      ["app/(app)/admin/framework/[version]/structure-actions.ts", "moveMatrixItemAction", { ...ref, part: "competency", key: "values", direction: "down" }],
      ["app/(app)/admin/framework/[version]/structure-actions.ts", "removeMatrixItemAction", { ...ref, part: "theme", key: "multiplier" }],
      ["app/(app)/admin/framework/[version]/structure-actions.ts", "addTrackAction", { ...ref, name: "Taken over", summary: "" }],
      ["app/(app)/admin/framework/[version]/structure-actions.ts", "updateTrackAction", { ...ref, trackKey: "ic", name: "Taken over", summary: "" }],
      ["app/(app)/admin/framework/[version]/structure-actions.ts", "removeTrackAction", { ...ref, trackKey: "mgmt" }],
      ["app/(app)/admin/framework/[version]/structure-actions.ts", "addLevelAction", { ...ref, trackKey: "ic", code: "IC9", name: "Taken over", summary: "" }],
      ["app/(app)/admin/framework/[version]/structure-actions.ts", "updateLevelAction", { ...ref, levelKey: "ic2", code: "IC2", name: "Taken over", summary: "", equivalentLevelKey: "" }],
      ["app/(app)/admin/framework/[version]/structure-actions.ts", "moveLevelAction", { ...ref, levelKey: "ic2", direction: "down" }],
      ["app/(app)/admin/framework/[version]/structure-actions.ts", "removeLevelAction", { ...ref, levelKey: "ic7" }],
    ];
    for (const [file, name, input] of calls) {
      const answer = await callAction(page.request, findAction(file, name, { version: String(DRAFT), level: "ic2" }), input);
      expect(answer, name).toContain("does not exist or you do not have access");
    }
    expect({ draft: draftRow(), cell: cell(), versions: db.select().from(frameworkVersions).all().length, competencies: db.select().from(versionCompetencies).where(eq(versionCompetencies.versionId, draftId)).all().length }).toEqual(before);
  });

  test("the diff of two published versions is for everyone, with the changed words marked", async ({ page }) => {
    await page.goto("/framework");
    await page.getByRole("link", { name: "What changed since v1" }).click();
    await expect(page).toHaveURL("/framework/diff?from=1&to=2");
    await expect(page.getByTestId("diff-summary")).toContainText("3 cells reworded, 0 new, 0 removed");
    await expect(page.getByTestId("diff-technical-multiplier").locator("ins")).toContainText(["paved paths", "written"]);
    await expect(page.getByTestId("diff-technical-multiplier").locator("del")).toContainText(["patterns"]);
    await expectNoSeriousViolations(page);
    // The draft is nobody's business but the admins'.
    expect((await page.goto("/framework/diff?from=2&to=3"))?.status()).toBe(404);
  });
});

test.describe("as the admin", () => {
  test.use({ storageState: storageStateFor("admin") });

  test("an import with problems lists each by its path in plain words, and writes nothing", async ({ page, db }) => {
    const versions = db.select().from(frameworkVersions).all().length;
    await page.goto("/admin/framework");
    await page.getByRole("link", { name: "Import a file" }).click();
    const doc = await (await page.request.get("/framework/export?version=2")).json();
    doc.themes[1].name = "";
    doc.tracks[0].levels[2].code = 42;
    delete doc.tracks[1].levels[0].cells.values.complexity;
    doc.tracks[0].levels[0].cells.technical.influence.expectaton = "typo";
    await page.getByLabel("Framework file").setInputFiles({ name: "broken.json", mimeType: "application/json", buffer: Buffer.from(JSON.stringify(doc, null, 2)) });
    await page.getByRole("button", { name: "Check and import" }).click();
    await expect(page.getByText("broken.json has 4 problems. Nothing was imported.")).toBeVisible();
    const rows = page.getByTestId("import-problems").getByRole("row");
    await expect(rows).toHaveText([
      /^themes\[1\]\.nameTheme “influence”, the name is empty$/,
      /^tracks\[0\]\.levels\[0\]\.cells\.technical\.influenceLevel “IC1” on track “Individual contributor”, cell Technical \/ influence has a field the format does not know: “expectaton” \(check the spelling\)$/,
      /^tracks\[0\]\.levels\[2\]\.codeLevel “Senior Software Engineer” on track “Individual contributor”, the code should be text, not a number$/,
      /^tracks\[1\]\.levels\[0\]\.cells\.values\.complexityLevel “M1” on track “Management”, cell Values \/ Complexity has no cell for Values \/ Complexity$/,
    ]);
    await expectNoSeriousViolations(page);
    await page.getByLabel("Or paste the file's text").fill('{ "format": "trellis-framework/v1", ');
    await page.getByRole("button", { name: "Check and import" }).click();
    await expect(page.getByTestId("import-problems")).toContainText(/The file is not valid JSON at line 1, column \d+/);
    await expect(page.getByLabel("Or paste the file's text")).toHaveValue('{ "format": "trellis-framework/v1", ');
    expect(db.select().from(frameworkVersions).all().length).toBe(versions);
  });

  test("removing a level or theme in use is refused with what uses it, and nothing changes", async ({ page, db, createPerson }) => {
    // Named to come first in each list, which shows a handful of names and counts the rest.
    const principal = await createPerson({ name: `Aaron Aardvark ${Date.now()}`, trackKey: "ic", levelKey: "ic6" });
    const entry = crypto.randomUUID();
    db.insert(evidenceEntries).values({ id: entry, personId: principal.id, title: "A talk on paved paths", occurredOn: "2026-01-05", links: [] }).run();
    db.insert(evidenceCells).values({ entryId: entry, competencyKey: "values", themeKey: "multiplier" }).run();
    await page.goto(`/admin/framework/${DRAFT}/levels`);
    const level = page.getByTestId("level-ic6");
    await level.getByRole("button", { name: "Remove IC6" }).click();
    await level.getByRole("button", { name: "Remove IC6" }).click();
    await expect(level.getByTestId("in-use")).toContainText("“IC6 · Principal Engineer” is in use, so it stays.");
    await expect(level.getByTestId("in-use").getByRole("listitem").first()).toContainText(new RegExp(`(person is|people are) at this level now: ${principal.name}`));
    await page.goto(`/admin/framework/${DRAFT}/matrix`);
    const theme = page.getByTestId("theme-multiplier");
    await theme.getByRole("button", { name: "Remove Multiplier effect" }).click();
    await theme.getByRole("button", { name: "Remove Multiplier effect" }).click();
    await expect(theme.getByTestId("in-use")).toContainText(`evidence-log entries are tagged to it: “A talk on paved paths” (${principal.name})`);
    await expect(theme.getByTestId("in-use")).toContainText(/reviews in the open cycle “\d{4} H\d” are written against it/);
    const draftId = db.select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.number, DRAFT)).get()!.id;
    expect(db.select().from(cells).where(and(eq(cells.versionId, draftId), eq(cells.levelKey, "ic6"))).all()).toHaveLength(9);
    expect(db.select().from(cells).where(and(eq(cells.versionId, draftId), eq(cells.themeKey, "multiplier"))).all()).toHaveLength(12 * 3);
  });

  test("two tabs on one cell: the later save keeps its text and is shown the saved one", async ({ page, browser }) => {
    const other = await pageAs(browser, "admin");
    for (const tab of [page, other]) {
      await tab.clock.install();
      await tab.goto(`/admin/framework/${DRAFT}/cells/m3`);
    }
    const field = (tab: typeof page) => tab.getByLabel("Description for Leadership · Complexity");
    await field(page).fill("Written in the first tab.");
    await page.clock.runFor(AUTOSAVE);
    await expect(page.getByTestId("cell-leadership.complexity").getByTestId("cell-save-status")).toHaveText(/^Saved/);
    await field(other).fill("Written in the second tab.");
    await other.clock.runFor(AUTOSAVE);
    const conflict = other.getByTestId("cell-leadership.complexity").getByTestId("cell-conflict");
    await expect(conflict).toContainText("Written in the first tab.");
    await expect(field(other)).toHaveValue("Written in the second tab.");
    await conflict.getByRole("button", { name: "Keep mine and save" }).click();
    await expect(other.getByTestId("cell-leadership.complexity").getByTestId("cell-save-status")).toHaveText(/^Saved/);
    await other.context().close();
  });

  for (const path of PAGES) {
    test(`no serious accessibility violations on ${path}`, async ({ page }) => {
      await page.goto(path);
      await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
      await expectNoSeriousViolations(page);
    });
  }
});
