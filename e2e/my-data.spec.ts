import fs from "node:fs";
import { packetPrivateNotes } from "@/db/schema";
import { dataExportSchema } from "@/lib/data-export/format";
import { insertPacket } from "@/lib/test/factory-packets";
import { expectNoSeriousViolations } from "./support/a11y";
import { expect, SIGNED_OUT, storageStateFor, test } from "./support/fixtures";
import { logWin } from "./support/packets";
import { pageAs } from "./support/pages";

/*
 * "Download my data" on the Account page: one JSON file in the documented
 * format with the person's own records, and never a manager's private note.
 * The download takes no person, so someone else asking gets their own file,
 * and a visitor without a session gets nothing.
 */
test("a person downloads their own data; the file matches the format and holds no private note; nobody else gets it", async ({ browser, createPerson, db, playwright, baseURL }) => {
  test.setTimeout(60_000);
  const tag = crypto.randomUUID().slice(0, 6);
  const manager = await createPerson({ name: `Nell Manager ${tag}`, role: "manager", trackKey: "mgmt", levelKey: "m1" });
  const engineer = await createPerson({ name: `Otto Owner ${tag}`, managerId: manager.id });
  const win = `Ran the incident review ${tag}`;
  logWin(db, engineer.id, win, ["values", "multiplier"]);
  const packetId = insertPacket(db, { personId: engineer.id, status: "submitted", caseText: `My case ${tag}` });
  const secret = `Private note ${crypto.randomUUID()}`;
  db.insert(packetPrivateNotes).values({ packetId, body: secret, version: 1, updatedById: manager.id, updatedAt: new Date() }).run();

  const page = await pageAs(browser, engineer);
  await page.getByRole("link", { name: "Account" }).click();
  await expect(page.getByRole("heading", { name: "Your data" })).toBeVisible();
  await expect(page.getByText("Managers' private notes are never in it.")).toBeVisible();
  await expectNoSeriousViolations(page);
  const [download] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: "Download my data" }).click()]);
  expect(download.suggestedFilename()).toMatch(new RegExp(`^trellis-data-otto-owner-${tag}-\\d{4}-\\d{2}-\\d{2}\\.json$`));
  const text = fs.readFileSync((await download.path())!, "utf8");
  const data = dataExportSchema.parse(JSON.parse(text));
  expect(data.person).toMatchObject({ id: engineer.id, name: engineer.name, email: engineer.email });
  expect(data.evidence.map((e) => e.title)).toEqual([win]);
  expect(data.packets).toEqual([expect.objectContaining({ id: packetId, status: "submitted", managerPart: null })]);
  expect(data.packets[0]!.cells.every((c) => c.case === `My case ${tag}`)).toBe(true);
  expect(text).not.toContain(secret);
  await page.context().close();

  // Someone else asking gets their own file; a visitor without a session gets the 404 every download gives.
  const other = await playwright.request.newContext({ baseURL, storageState: storageStateFor("engineer") });
  const theirs = await other.get("/account/export");
  expect(theirs.status()).toBe(200);
  const theirText = await theirs.text();
  expect(JSON.parse(theirText).person.email).toBe("jordan@example.com");
  for (const mine of [engineer.name, win, `My case ${tag}`]) expect(theirText).not.toContain(mine);
  await other.dispose();
  const anonymous = await playwright.request.newContext({ baseURL, storageState: SIGNED_OUT, maxRedirects: 0 });
  const signedOut = await anonymous.get("/account/export");
  expect(signedOut.status()).toBe(307);
  expect(signedOut.headers().location).toBe(`/signin?callbackUrl=${encodeURIComponent("/account/export")}`);
  await anonymous.dispose();
});
