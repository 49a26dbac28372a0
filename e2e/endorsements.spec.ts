import { endorsementCells, packetPrivateNotes } from "@/db/schema";
import { insertEndorsementRequest, insertPacket } from "@/lib/test/factory-packets";
import { expectNoSeriousViolations } from "./support/a11y";
import { expect, test } from "./support/fixtures";
import { cellNames, packetCell, recordBodies } from "./support/packets";
import { pageAs } from "./support/pages";

/*
 * Endorsements in the browser: the author asks a colleague about three cells,
 * the colleague endorses two and questions one, the author reads the answers
 * and an edit afterwards shows one as given to an earlier version. An
 * endorser never receives the manager's ratings, comments or private notes.
 */
const AUTOSAVE = 2_500;
type CreatePerson = (o?: object) => Promise<{ id: string; email: string; name: string }>;

async function team(createPerson: CreatePerson) {
  const tag = crypto.randomUUID().slice(0, 6);
  const manager = await createPerson({ name: `Mona Manager ${tag}`, role: "manager", trackKey: "mgmt", levelKey: "m1" });
  const author = await createPerson({ name: `Ari Author ${tag}`, managerId: manager.id });
  const colleague = await createPerson({ name: `Cleo Colleague ${tag}`, managerId: manager.id });
  return { tag, manager, author, colleague };
}

test("a colleague endorses two cells and questions one; an edit afterwards shows that answer as given to an earlier version", async ({ browser, createPerson, db }) => {
  // Two sign-ins through the form, an autosave and five axe scans.
  test.setTimeout(120_000);
  const { tag, author, colleague } = await team(createPerson);
  const packetId = insertPacket(db, { personId: author.id, caseText: `The case ${tag}` });
  const [first, second, third] = cellNames(db) as [string, string, string];

  // The author asks.
  const mine = await pageAs(browser, author);
  await mine.goto(`/packets/${packetId}`);
  const ask = mine.getByRole("form", { name: "Ask colleagues to endorse" });
  await ask.getByRole("button", { name: "Ask for endorsement" }).click();
  await expect(ask.getByRole("group", { name: "Colleagues" })).toHaveAccessibleDescription(/Choose at least one colleague/);
  await ask.getByLabel("Find a colleague").fill(colleague.name);
  await ask.getByRole("checkbox", { name: new RegExp(colleague.name) }).check();
  for (const name of [first, second, third]) await ask.getByRole("checkbox", { name, exact: true }).check();
  await ask.getByLabel("Note to them (optional)").fill("You saw the migration up close.");
  await ask.getByRole("button", { name: "Ask for endorsement" }).click();
  await expect(ask.getByText("Asked 1 colleague.", { exact: false })).toBeVisible();
  const request = mine.getByTestId("endorsement-request").filter({ hasText: colleague.name });
  await expect(request).toContainText("Waiting for an answer");
  await expectNoSeriousViolations(mine);
  await mine.context().close();

  // The colleague answers from Needs my action.
  const peer = await pageAs(browser, colleague);
  await peer.getByRole("listitem").filter({ hasText: `Endorse ${author.name}'s promotion packet` }).getByRole("link", { name: "Answer" }).click();
  await expect(peer.getByRole("heading", { level: 1, name: `Endorse ${author.name}'s promotion packet` })).toBeVisible();
  await expect(peer.getByText("You saw the migration up close.")).toBeVisible();
  await expect(peer.getByTestId("endorse-cell")).toHaveCount(3);
  await expectNoSeriousViolations(peer);
  await packetCell(peer, first).getByRole("radio", { name: "Endorse" }).check();
  await packetCell(peer, second).getByRole("radio", { name: "Endorse" }).check();
  await peer.getByLabel(`Comment on ${second}`).fill("I reviewed **every step**.");
  await packetCell(peer, third).getByRole("radio", { name: "Question" }).check();
  await peer.getByRole("button", { name: "Save my answer" }).click();
  await expect(peer.getByLabel(`Comment on ${third}`)).toHaveAccessibleDescription(/Say what you question about this claim/);
  await expect(packetCell(peer, first).getByRole("radio", { name: "Endorse" })).toBeChecked();
  await peer.getByLabel(`Comment on ${third}`).fill("I did not see work outside the team.");
  await peer.getByRole("button", { name: "Save my answer" }).click();
  await expect(peer.getByText("Answer saved.", { exact: false })).toBeVisible();
  await expectNoSeriousViolations(peer);
  await peer.goto("/endorsements");
  await expect(peer.getByTestId("endorsement-row").filter({ hasText: author.name })).toContainText("Answered");
  await expectNoSeriousViolations(peer);
  await peer.context().close();
  expect(db.select({ stance: endorsementCells.stance }).from(endorsementCells).all().filter((c) => c.stance).length).toBeGreaterThanOrEqual(3);

  // The author reads the answers, then rewrites the first cell: that answer is now to an earlier version.
  const back = await pageAs(browser, author);
  await back.clock.install();
  await back.goto(`/packets/${packetId}`);
  const answers = back.getByTestId("endorsement-request").filter({ hasText: colleague.name }).getByTestId("endorsement-answer");
  await expect(answers).toHaveText([new RegExp(`^Endorsed ${first}`), new RegExp(`^Endorsed ${second}`), new RegExp(`^Questioned ${third}`)]);
  await expect(answers.nth(1).getByText("every step")).toHaveJSProperty("tagName", "STRONG");
  await expect(back.getByTestId("earlier-version")).toHaveCount(0);
  await back.getByLabel(`Your case for ${first}`).fill(`Rewritten ${tag}`);
  await back.clock.runFor(AUTOSAVE);
  await expect(back.getByTestId("case-save-status")).toHaveText(/^Saved/);
  await back.reload();
  const stale = answers.first().getByTestId("earlier-version");
  await expect(stale).toContainText("Given to an earlier version of this cell");
  await stale.locator("summary").click();
  await expect(stale).toContainText(`The case ${tag}`);
  await expect(stale.locator("ins")).toContainText("Rewritten");
  await expect(stale.locator("del")).toContainText("The case");
  await expect(answers.nth(1).getByTestId("earlier-version")).toHaveCount(0);
  await expectNoSeriousViolations(back);
  await back.context().close();
});

test("an endorser never receives the manager's ratings, comments or private notes, and cannot open the packet itself", async ({ browser, createPerson, db }) => {
  test.setTimeout(60_000);
  const { tag, author, colleague, manager } = await team(createPerson);
  const comment = `Manager comment ${tag}`;
  const note = `Private note ${tag}`;
  const packetId = insertPacket(db, { personId: author.id, status: "endorsed", caseText: `The claim ${tag}`, managerComment: comment });
  db.insert(packetPrivateNotes).values({ packetId, body: note, version: 1, updatedById: manager.id, updatedAt: new Date() }).run();
  const requestId = insertEndorsementRequest(db, { packetId, endorserId: colleague.id, cells: ["values.complexity", "technical.influence"] });

  const page = await pageAs(browser, colleague);
  const bodies = recordBodies(page);
  await page.goto(`/endorsements/${requestId}`);
  await expect(page.getByTestId("endorse-cell").first()).toContainText(`The claim ${tag}`);
  for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
    const raw = await (await page.request.get(`/endorsements/${requestId}`, { headers })).text();
    expect(raw).toContain(`The claim ${tag}`);
    for (const secret of [comment, note, "Meets", "Readiness", "Summary"]) expect(raw, secret).not.toContain(secret);
  }
  const received = await bodies();
  expect(received.filter((b) => b.includes(comment) || b.includes(note))).toEqual([]);
  for (const path of [`/packets/${packetId}`, `/committee/${packetId}`]) {
    await page.goto(path);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    expect(await page.content()).not.toContain(`The claim ${tag}`);
  }
  await page.context().close();
});
