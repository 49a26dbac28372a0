import type { Page } from "@playwright/test";
import { eq } from "drizzle-orm";
import { packetCells, packets } from "@/db/schema";
import { insertPacket } from "@/lib/test/factory-packets";
import { expectNoSeriousViolations } from "./support/a11y";
import { expect, test } from "./support/fixtures";
import { cellNames, packetCell } from "./support/packets";
import { pageAs } from "./support/pages";

/*
 * Who may reach a packet: an unrelated engineer and an unrelated manager are
 * refused by URL and by replaying a server action with another packet's id;
 * a manager starts a packet for a report (and only one); an admin sets the
 * readiness rule that every packet states.
 */
const AUTOSAVE = 2_500;
type CreatePerson = (o?: object) => Promise<{ id: string; email: string; name: string }>;

async function team(createPerson: CreatePerson) {
  const tag = crypto.randomUUID().slice(0, 6);
  const manager = await createPerson({ name: `Milo Manager ${tag}`, role: "manager", trackKey: "mgmt", levelKey: "m1" });
  const engineer = await createPerson({ name: `Edie Engineer ${tag}`, managerId: manager.id });
  return { manager, engineer };
}

/* Makes a change that autosaves, and returns the server action request it sent. */
async function captureAutosave(page: Page, change: () => Promise<void>) {
  const request = page.waitForRequest((r) => r.method() === "POST" && Boolean(r.headers()["next-action"]));
  await change();
  await page.clock.runFor(AUTOSAVE);
  return request;
}

async function replay(page: Page, captured: Awaited<ReturnType<typeof captureAutosave>>, fromId: string, toId: string) {
  const body = captured.postData()!;
  expect(body).toContain(fromId);
  const response = await page.request.post(captured.url(), {
    headers: { "next-action": captured.headers()["next-action"]!, "content-type": captured.headers()["content-type"] ?? "text/plain;charset=UTF-8", accept: "text/x-component" },
    data: body.replaceAll(fromId, toId).replace(/"version":\d+/, '"version":1'),
  });
  return response.text();
}

test("an unrelated engineer and an unrelated manager are refused by URL and by a replayed action", async ({ browser, createPerson, db }) => {
  // Two sign-ins through the form and two autosaves.
  test.setTimeout(60_000);
  const target = await team(createPerson);
  const targetPacket = insertPacket(db, { personId: target.engineer.id, status: "submitted", caseText: "The real case" });
  const other = await team(createPerson);
  const cells = cellNames(db);
  const untouched = () => db.select({ summary: packets.summary, caseVersion: packets.caseVersion, managerVersion: packets.managerVersion, status: packets.status }).from(packets).where(eq(packets.id, targetPacket)).get();
  const before = untouched();

  // The unrelated engineer: their own draft's autosave, replayed against the target packet.
  const ownPacket = insertPacket(db, { personId: other.engineer.id });
  const engineer = await pageAs(browser, other.engineer);
  await engineer.goto(`/packets/${targetPacket}`);
  await expect(engineer.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await expect(engineer.getByText(target.engineer.name)).toHaveCount(0);
  await engineer.clock.install();
  await engineer.goto(`/packets/${ownPacket}`);
  const caseSave = await captureAutosave(engineer, () => engineer.getByLabel(`Your case for ${cells[0]}`).fill("Mine"));
  expect(await replay(engineer, caseSave, ownPacket, targetPacket)).toContain("does not exist or you do not have access");
  await engineer.context().close();

  // The unrelated manager: their own report's submitted packet, rated, replayed against the target.
  const otherReport = await createPerson({ managerId: other.manager.id });
  const reportPacket = insertPacket(db, { personId: otherReport.id, status: "submitted", caseText: "Theirs" });
  const manager = await pageAs(browser, other.manager);
  await manager.goto(`/packets/${targetPacket}`);
  await expect(manager.getByRole("heading", { name: "Page not found" })).toBeVisible();
  await manager.clock.install();
  await manager.goto(`/packets/${reportPacket}`);
  const reviewSave = await captureAutosave(manager, () => packetCell(manager, cells[0]!).getByRole("radio", { name: "Exceeds" }).check());
  await expect(manager.getByTestId("review-save-status")).toHaveText(/^Saved/);
  expect(await replay(manager, reviewSave, reportPacket, targetPacket)).toContain("does not exist or you do not have access");
  await manager.context().close();

  expect(untouched()).toEqual(before);
  expect(db.select({ r: packetCells.managerRating }).from(packetCells).where(eq(packetCells.packetId, targetPacket)).all().every((c) => c.r === null)).toBe(true);
});

test("a manager starts a Senior report's move to the management track, once", async ({ browser, createPerson }) => {
  // A sign-in and three axe scans: over 30 s while other builds share the two cores.
  test.setTimeout(60_000);
  const tag = crypto.randomUUID().slice(0, 6);
  const manager = await createPerson({ name: `Max Manager ${tag}`, role: "manager", trackKey: "mgmt", levelKey: "m2" });
  const senior = await createPerson({ name: `Sid Senior ${tag}`, managerId: manager.id, levelKey: "ic3" });
  const page = await pageAs(browser, manager);
  await page.goto("/packets/new");
  await page.getByLabel("Who is the packet for").selectOption({ label: senior.name });
  await page.getByRole("button", { name: "Choose" }).click();
  await expect(page.getByRole("heading", { name: `A packet for ${senior.name}` })).toBeVisible();
  await expect(page.getByRole("radio")).toHaveCount(2);
  await page.getByRole("button", { name: "Start the packet" }).click();
  await expect(page.getByText("Choose the level this packet is for")).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.getByRole("radio", { name: /M1 · Engineering Manager/ }).check();
  await page.getByRole("button", { name: "Start the packet" }).click();
  await expect(page.getByRole("heading", { name: `${senior.name}'s promotion packet: M1 · Engineering Manager` })).toBeVisible();
  await expect(page.getByText(/a move to the Management track/)).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.goto(`/packets/new?person=${senior.id}`);
  await expect(page.getByText(`${senior.name} already has an open packet`)).toBeVisible();
  await page.goto("/packets");
  await expect(page.getByTestId("packet-row").filter({ hasText: senior.name })).toContainText("Direct report");
  await expectNoSeriousViolations(page);
  await page.context().close();
});

test("an admin sets the readiness rule, with the number checked beside its field, and packets state it", async ({ browser }) => {
  // Two axe scans and six page loads.
  test.setTimeout(60_000);
  const page = await pageAs(browser, "admin");
  await page.goto("/admin/packets");
  await expect(page.getByTestId("rule-in-words")).toHaveText(/or writes a justification for each cell rated below that\.$/);
  await expectNoSeriousViolations(page);
  await page.getByRole("radio", { name: "For at most a number of cells (below)" }).check();
  await page.getByRole("button", { name: "Save readiness rule" }).click();
  await expect(page.getByLabel("Most justified gaps a packet may have")).toHaveAccessibleDescription(/Enter a whole number from 1 to 99/);
  await expect(page.getByRole("radio", { name: "For at most a number of cells (below)" })).toBeChecked();
  // Two: the other packet specs running beside this one justify one gap at most.
  await page.getByLabel("Most justified gaps a packet may have").fill("2");
  await page.getByRole("button", { name: "Save readiness rule" }).click();
  await expect(page.getByTestId("rule-in-words")).toHaveText(/for at most 2 cells\.$/);
  await page.goto("/packets");
  await page.getByRole("link", { name: /Noor Haddad: M1/ }).click();
  await expect(page.getByTestId("readiness")).toContainText("for at most 2 cells.");
  await expect(page.getByTestId("readiness")).toContainText("M1 · Engineering Manager, the target level on the Management track");
  await expectNoSeriousViolations(page);
  await page.goto("/admin/packets");
  await page.getByRole("radio", { name: "For any number of cells" }).check();
  await page.getByRole("button", { name: "Save readiness rule" }).click();
  await expect(page.getByTestId("rule-in-words")).toHaveText(/or writes a justification for each cell rated below that\.$/);
  await page.context().close();
});
