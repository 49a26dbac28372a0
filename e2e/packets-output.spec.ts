import fs from "node:fs";
import { and, eq, like } from "drizzle-orm";
import { auditLog, packetCells, packetPrivateNotes } from "@/db/schema";
import { insertPacket } from "@/lib/test/factory-packets";
import { pdfPages, squeeze } from "@/lib/test/pdf-text";
import { expectNoSeriousViolations } from "./support/a11y";
import { expect, storageStateFor, test } from "./support/fixtures";
import { cellNames } from "./support/packets";
import { pageAs } from "./support/pages";

/*
 * A packet's output: the print view reads as a finished document with every
 * cell's case and no app around it when printed, and "Download PDF" gives a
 * real PDF, named for the person and the day, whose text holds every cell's
 * case. The manager's private notes are in neither. Someone unrelated is
 * refused both by URL, exactly as for a missing packet.
 */
test("the print view and the PDF hold every cell's case, never the private notes; the wrong user gets a 404", async ({ browser, createPerson, db, playwright, baseURL }) => {
  // A sign-in, a PDF read back and two axe scans while other builds share the two cores.
  test.setTimeout(90_000);
  const tag = crypto.randomUUID().slice(0, 6);
  const manager = await createPerson({ name: `Mona Manager ${tag}`, role: "manager", trackKey: "mgmt", levelKey: "m1" });
  const engineer = await createPerson({ name: `Émile Zoë ${tag}`, managerId: manager.id });
  const id = insertPacket(db, { personId: engineer.id, status: "submitted", caseText: "placeholder" });
  const cells = cellNames(db);
  const rows = db.select({ competencyKey: packetCells.competencyKey, themeKey: packetCells.themeKey }).from(packetCells).where(eq(packetCells.packetId, id)).all();
  const caseOf = (r: { competencyKey: string; themeKey: string }) => `Case for ${r.competencyKey}.${r.themeKey} ${tag}: led the work across three teams.`;
  for (const r of rows) db.update(packetCells).set({ caseText: caseOf(r) }).where(and(eq(packetCells.packetId, id), eq(packetCells.competencyKey, r.competencyKey), eq(packetCells.themeKey, r.themeKey))).run();
  const secret = `Packet private note ${crypto.randomUUID()}`;
  db.insert(packetPrivateNotes).values({ packetId: id, body: secret, version: 1, updatedById: manager.id, updatedAt: new Date() }).run();

  const page = await pageAs(browser, engineer);
  await page.goto(`/packets/${id}`);
  await page.getByRole("link", { name: "Print view" }).click();
  const document = page.getByTestId("packet-document");
  await expect(page.getByRole("heading", { level: 1, name: `${engineer.name}: promotion packet for IC3 · Senior Software Engineer` })).toBeVisible();
  await expect(document.getByText("IC2 · Software Engineer", { exact: true })).toBeVisible();
  await expect(document.getByText(/^Version \d+ \(.+\)$/)).toBeVisible();
  for (const r of rows) await expect(document).toContainText(caseOf(r));
  for (const name of cells) await expect(page.getByRole("region", { name, exact: true })).toContainText("Expected at IC3 · Senior Software Engineer");
  await expect(document.getByRole("region", { name: "Timeline" })).toContainText(`Submitted to the manager by ${engineer.name}`);
  // The manager is still writing: their part is not the author's to read yet, on the page or on paper.
  await expect(document).not.toContainText("Manager's rating");
  await expect(page.getByText(secret)).toHaveCount(0);
  await expectNoSeriousViolations(page);
  await page.emulateMedia({ media: "print" });
  await expect(page.getByRole("navigation", { name: "Main" })).toBeHidden();
  await expect(page.getByRole("button", { name: "Print" })).toBeHidden();
  await expect(document).toBeVisible();
  await page.emulateMedia({ media: "screen" });

  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download PDF" }).click()]);
  // The name as written (RFC 6266 filename*), with the organisation's date.
  expect(download.suggestedFilename()).toMatch(new RegExp(`^promotion-packet-émile-zoë-${tag}-\\d{4}-\\d{2}-\\d{2}\\.pdf$`));
  const bytes = fs.readFileSync((await download.path())!);
  expect(bytes.subarray(0, 5).toString()).toBe("%PDF-");
  const text = squeeze((await pdfPages(bytes)).join("\n"));
  for (const r of rows) expect(text).toContain(squeeze(caseOf(r)));
  for (const name of cells) expect(text).toContain(squeeze(name));
  expect(text).toContain(squeeze(engineer.name));
  expect(text).not.toContain(squeeze(secret));
  await page.context().close();

  // The direct manager may: the PDF comes with their part, and their read is audited as a PDF.
  const boss = await pageAs(browser, manager);
  const response = await boss.request.get(`/packets/${id}/pdf`);
  expect(response.status()).toBe(200);
  expect(response.headers()["content-type"]).toBe("application/pdf");
  expect(db.select().from(auditLog).where(and(eq(auditLog.recordId, id), eq(auditLog.actorId, manager.id), like(auditLog.summary, "%(PDF)"))).all()).toHaveLength(1);
  await boss.context().close();

  // Someone unrelated (the demo engineer and manager) gets exactly what a missing packet gives.
  for (const role of ["engineer", "manager"] as const) {
    const request = await playwright.request.newContext({ baseURL, storageState: storageStateFor(role) });
    for (const path of [`/packets/${id}/pdf`, `/packets/${id}/print`]) {
      const refused = await request.get(path);
      expect(refused.status(), `${role} ${path}`).toBe(404);
      expect(await refused.text()).not.toContain(engineer.name);
    }
    expect((await request.get("/packets/no-such-packet/pdf")).status()).toBe(404);
    await request.dispose();
  }
});
