import { eq } from "drizzle-orm";
import { packetCells, packetPrivateNotes, packets } from "@/db/schema";
import { insertPacket } from "@/lib/test/factory-packets";
import { expectNoSeriousViolations } from "./support/a11y";
import { expect, test } from "./support/fixtures";
import { cellNames, logWin, packetCell, recordBodies } from "./support/packets";
import { pageAs } from "./support/pages";

/*
 * A promotion packet end to end, each test with a team of its own: the
 * engineer drafts and submits, the manager returns it with feedback, the
 * engineer revises and resubmits, the manager rates, the readiness meter
 * names the gap, a justification clears it and the manager endorses. The
 * private notes never reach the engineer's browser.
 */
const AUTOSAVE = 2_500;
const IC3 = "IC3 · Senior Software Engineer";
const GAP = "Leadership · Sphere of influence";

test("draft, submit, return with feedback, revise, resubmit, rate, a named gap, justify and endorse", async ({ browser, createPerson, db }) => {
  test.setTimeout(180_000);
  const tag = crypto.randomUUID().slice(0, 6);
  const manager = await createPerson({ name: `Mira Manager ${tag}`, role: "manager", trackKey: "mgmt", levelKey: "m1" });
  const engineer = await createPerson({ name: `Ezra Engineer ${tag}`, managerId: manager.id });
  const win = `Rebuilt the deploy pipeline ${tag}`;
  logWin(db, engineer.id, win, ["technical", "complexity"]);
  const cells = cellNames(db);
  const secret = `Packet secret ${crypto.randomUUID()}`;

  // The engineer starts and drafts.
  const mine = await pageAs(browser, engineer);
  await mine.clock.install();
  await mine.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Promotion packets" }).click();
  await expect(mine.getByText("No packets yet")).toBeVisible();
  await expectNoSeriousViolations(mine);
  await mine.getByRole("link", { name: "Start a packet" }).first().click();
  await expect(mine.getByText("Currently IC2 · Software Engineer on the Individual contributor track.")).toBeVisible();
  await expectNoSeriousViolations(mine);
  await mine.getByRole("radio", { name: new RegExp(IC3) }).check();
  await mine.getByRole("button", { name: "Start the packet" }).click();
  await expect(mine.getByRole("heading", { name: `My promotion packet: ${IC3}` })).toBeVisible();
  const values = packetCell(mine, cells[0]!);
  await expect(values.getByText(`Expected at ${IC3}:`)).toBeVisible();
  await values.getByText("What changes from IC2 · Software Engineer").click();
  await expect(values.getByTestId("what-changes").locator("ins").first()).toBeVisible();
  await expect(values.getByLabel(`Your case for ${cells[0]}`)).toHaveAccessibleDescription(/Visible to: You, your managers and admins/);
  await expectNoSeriousViolations(mine);
  await mine.getByLabel(`Summary: why now, for ${IC3}`).fill("I have been doing **senior** work for a year.");
  for (const name of cells.slice(0, -1)) await mine.getByLabel(`Your case for ${name}`).fill(`My case for ${name}.`);
  await packetCell(mine, "Technical · Complexity").getByRole("button", { name: `Cite ${win}` }).click();
  await expect(mine.getByTestId("case-save-status")).toHaveText("Unsaved changes");
  await mine.clock.runFor(AUTOSAVE);
  await expect(mine.getByTestId("case-save-status")).toHaveText(/^Saved \d\d:\d\d$/);
  // One cell left empty: submitting names it beside the field.
  await mine.getByRole("button", { name: `Submit to ${manager.name}` }).click();
  const last = cells.at(-1)!;
  await expect(mine.getByLabel(`Your case for ${last}`)).toHaveAccessibleDescription(/Write the case for this cell/);
  await mine.getByLabel(`Your case for ${last}`).fill(`My case for ${last}.`);
  await mine.getByLabel(`Note for ${manager.name} (optional)`).fill("Ready when you are.");
  await mine.getByRole("button", { name: `Submit to ${manager.name}` }).click();
  await expect(mine.getByText("Submitted to manager", { exact: true })).toBeVisible();
  await expect(mine.getByText(/You see their ratings and comments when they return or endorse it/)).toBeVisible();
  const packetId = mine.url().split("/").at(-1)!;
  await mine.context().close();

  // The manager reviews, keeps a private note and returns it.
  const boss = await pageAs(browser, manager);
  await boss.clock.install();
  await boss.getByRole("listitem").filter({ hasText: `Review ${engineer.name}'s promotion packet for ${IC3}` }).getByRole("link", { name: "Review" }).click();
  const readiness = boss.getByTestId("readiness");
  await expect(readiness).toContainText(`Not ready: ${cells.length} cells hold the packet back.`);
  await expect(packetCell(boss, "Technical · Complexity").getByRole("link", { name: win })).toBeVisible();
  for (const name of cells) await packetCell(boss, name).getByRole("radio", { name: name === GAP ? "Not yet" : "Meets" }).check();
  await boss.getByLabel(`Your comment on ${GAP}`).fill("Show work that reached **beyond your team**.");
  await boss.clock.runFor(AUTOSAVE);
  await expect(boss.getByTestId("review-save-status")).toHaveText(/^Saved/);
  await expect(readiness).toContainText("Not ready: 1 cell holds the packet back.");
  await expect(readiness.getByRole("list", { name: "Cells holding the packet back" }).getByRole("listitem")).toHaveText([`${GAP}: Rated Not yet, below Meets, with no written justification`]);
  await readiness.getByRole("link", { name: GAP }).click();
  await expect(boss).toHaveURL(/#cell-leadership_influence$/);
  await boss.getByTestId("private-notes").getByRole("textbox", { name: "Private notes" }).fill(secret);
  await boss.getByRole("button", { name: "Save private notes" }).click();
  await expect(boss.getByText("Notes saved.")).toBeVisible();
  await expectNoSeriousViolations(boss);
  await boss.getByRole("button", { name: `Return to ${engineer.name} with feedback` }).click();
  await expect(boss.getByLabel("What needs to change")).toHaveAccessibleDescription(/Say what needs to change/);
  await boss.getByLabel("What needs to change").fill("Strong technically; the influence cell needs cross-team evidence.");
  await boss.getByRole("button", { name: `Return to ${engineer.name} with feedback` }).click();
  await expect(boss.getByText("Draft", { exact: true })).toBeVisible();
  await boss.context().close();

  // The engineer revises beside the feedback and resubmits; the notes never reach their browser.
  const again = await pageAs(browser, engineer);
  const bodies = recordBodies(again);
  await again.clock.install();
  await again.getByRole("listitem").filter({ hasText: `Revise your promotion packet for ${IC3}` }).getByRole("link", { name: "Revise" }).click();
  await expect(again.getByTestId("returned")).toContainText("the influence cell needs cross-team evidence");
  const feedback = packetCell(again, GAP).getByTestId("cell-feedback");
  await expect(feedback).toContainText("Not yet");
  await expect(feedback.getByText("beyond your team")).toHaveJSProperty("tagName", "STRONG");
  await expect(again.getByTestId("readiness")).toContainText("Not ready: 1 cell holds the packet back.");
  await expectNoSeriousViolations(again);
  await again.getByLabel(`Your case for ${GAP}`).fill("I led the incident review across three teams.");
  await again.clock.runFor(AUTOSAVE);
  await expect(again.getByTestId("case-save-status")).toHaveText(/^Saved/);
  await again.getByRole("button", { name: `Submit to ${manager.name}` }).click();
  await expect(again.getByText("Submitted to manager", { exact: true })).toBeVisible();
  for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
    const raw = await (await again.request.get(`/packets/${packetId}`, { headers })).text();
    expect(raw).toContain("I led the incident review across three teams.");
    expect(raw).not.toContain(secret);
  }
  const received = await bodies();
  expect(received.length).toBeGreaterThan(2);
  expect(received.filter((b) => b.includes(secret))).toEqual([]);
  await again.context().close();

  // The manager cannot endorse over the gap until they justify it.
  const decide = await pageAs(browser, manager);
  await decide.clock.install();
  await decide.goto(`/packets/${packetId}`);
  await expect(packetCell(decide, GAP).getByText("I led the incident review across three teams.")).toBeVisible();
  await decide.getByRole("button", { name: "Endorse for the committee" }).click();
  await expect(decide.getByText(`Not ready to endorse: ${GAP} holds the packet back.`, { exact: false })).toBeVisible();
  await decide.getByLabel(`Justification for a gap in ${GAP}`).fill("The cross-team incident review shows it; the scope grows next quarter.");
  await decide.clock.runFor(AUTOSAVE);
  await expect(decide.getByTestId("readiness")).toContainText(`Ready: ${cells.length - 1} of ${cells.length} cells at Meets or above, 1 gap justified.`);
  await decide.getByLabel("Endorsement note (optional)").fill("A clear case.");
  await decide.getByRole("button", { name: "Endorse for the committee" }).click();
  await expect(decide.getByText("Endorsed · with the committee", { exact: true })).toBeVisible();
  await expect(decide.getByTestId("timeline").getByRole("listitem")).toHaveCount(5);
  await expect(decide.getByTestId("timeline")).toContainText("Returned with feedback by " + manager.name);
  await expectNoSeriousViolations(decide);
  await decide.context().close();

  expect(db.select({ status: packets.status }).from(packets).where(eq(packets.id, packetId)).get()).toEqual({ status: "endorsed" });
  expect(db.select({ body: packetPrivateNotes.body }).from(packetPrivateNotes).where(eq(packetPrivateNotes.packetId, packetId)).get()?.body).toBe(secret);
});

test("two tabs on one packet: the later save is told, keeps its text and sees the saved version", async ({ browser, createPerson, db }) => {
  const manager = await createPerson({ role: "manager", trackKey: "mgmt", levelKey: "m1" });
  const engineer = await createPerson({ managerId: manager.id });
  const packetId = insertPacket(db, { personId: engineer.id });
  const first = cellNames(db)[0]!;
  const one = await pageAs(browser, engineer);
  const two = await one.context().newPage();
  for (const tab of [one, two]) {
    await tab.clock.install();
    await tab.goto(`/packets/${packetId}`);
  }
  await one.getByLabel(`Your case for ${first}`).fill("Written in the first tab.");
  await one.clock.runFor(AUTOSAVE);
  await expect(one.getByTestId("case-save-status")).toHaveText(/^Saved/);
  await two.getByLabel(`Your case for ${first}`).fill("Written in the second tab.");
  await two.clock.runFor(AUTOSAVE);
  const conflict = two.getByTestId("conflict");
  await expect(conflict.getByTestId("conflict-cell")).toContainText("Written in the first tab.");
  await expect(two.getByLabel(`Your case for ${first}`)).toHaveValue("Written in the second tab.");
  await conflict.getByRole("button", { name: "Keep mine and save" }).click();
  await expect(two.getByTestId("case-save-status")).toHaveText(/^Saved/);
  await one.context().close();
  expect(db.select({ text: packetCells.caseText }).from(packetCells).where(eq(packetCells.packetId, packetId)).all().map((c) => c.text)).toContain("Written in the second tab.");
});
