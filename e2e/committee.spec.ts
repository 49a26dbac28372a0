import { and, eq } from "drizzle-orm";
import { committeeVotes, packets } from "@/db/schema";
import { addToCommittee, insertPacket } from "@/lib/test/factory-packets";
import { callAction, findAction } from "./support/actions";
import { expectNoSeriousViolations } from "./support/a11y";
import { expect, test } from "./support/fixtures";
import { cellNames, packetCell } from "./support/packets";
import { pageAs } from "./support/pages";

/*
 * The committee in the browser: a member votes (blind until they have), an
 * admin approves and the person's level changes on their profile and
 * framework page; a decline shows what is missing to the engineer and the
 * manager and reopens as a new draft; a recused member cannot open the
 * packet in the committee's view, by URL or by calling the vote action.
 */
const IC3 = "IC3 · Senior Software Engineer";
const GAP = "Leadership · Sphere of influence";
type CreatePerson = (o?: object) => Promise<{ id: string; email: string; name: string }>;

async function inCommittee(createPerson: CreatePerson, db: Parameters<typeof insertPacket>[0]) {
  const tag = crypto.randomUUID().slice(0, 6);
  const director = await createPerson({ name: `Dora Director ${tag}`, role: "manager", trackKey: "mgmt", levelKey: "m3" });
  const manager = await createPerson({ name: `Milo Manager ${tag}`, role: "manager", trackKey: "mgmt", levelKey: "m1", managerId: director.id });
  const author = await createPerson({ name: `Ada Author ${tag}`, managerId: manager.id });
  const member = await createPerson({ name: `Mel Member ${tag}`, levelKey: "ic5" });
  addToCommittee(db, member.id);
  const packetId = insertPacket(db, { personId: author.id, status: "endorsed", caseText: `The case ${tag}`, managerComment: `Manager saw it ${tag}` });
  return { tag, director, manager, author, member, packetId };
}

test("a member votes; an admin approves and the person's level changes on their profile and framework page", async ({ browser, createPerson, db }) => {
  // Two sign-ins through the form and six axe scans.
  test.setTimeout(120_000);
  const { tag, author, member, packetId } = await inCommittee(createPerson, db);

  const voter = await pageAs(browser, member);
  await voter.getByRole("listitem").filter({ hasText: `Vote on ${author.name}'s promotion packet` }).getByRole("link", { name: "Vote" }).click();
  await expect(voter.getByRole("heading", { level: 1, name: `${author.name}'s promotion packet: ${IC3}` })).toBeVisible();
  await expect(voter.getByTestId("tally")).toHaveText(/^0 of \d+ members have voted\. The votes show once you have voted\.$/);
  await expect(voter.getByText(`Manager saw it ${tag}`).first()).toBeVisible();
  await expectNoSeriousViolations(voter);
  await voter.getByRole("button", { name: "Record my vote" }).click();
  await expect(voter.getByRole("group", { name: "Your vote" })).toHaveAccessibleDescription("Choose approve or decline");
  await voter.getByRole("radio", { name: "Approve" }).check();
  await voter.getByLabel("Comment").fill("Clear evidence in **every** cell.");
  await voter.getByRole("button", { name: "Record my vote" }).click();
  await expect(voter.getByTestId("tally")).toHaveText(/^1 of \d+ members voted: 1 to approve, 0 to decline\.$/);
  await expect(voter.getByTestId("vote").first()).toContainText("Your vote: Approve");
  await expectNoSeriousViolations(voter);
  await voter.goto("/committee");
  await expect(voter.getByTestId("committee-row").filter({ hasText: author.name })).toContainText("You voted: Approve");
  await expectNoSeriousViolations(voter);
  await voter.context().close();

  const admin = await pageAs(browser, "admin");
  await admin.goto(`/committee/${packetId}`);
  await expect(admin.getByTestId("votes")).toContainText(`${member.name}: Approve`);
  const decide = admin.locator("#decide");
  await decide.getByRole("radio", { name: /^Approve/ }).check();
  await decide.getByRole("button", { name: "Record the decision" }).click();
  await expect(decide.getByLabel("Reasons")).toHaveAccessibleDescription(/Write the committee's reasons/);
  await decide.getByLabel("Reasons").fill("Operating at Senior across the board.");
  await decide.getByRole("button", { name: "Record the decision" }).click();
  await expect(admin.getByTestId("decision")).toContainText(`Approved: ${author.name} is ${IC3} from`);
  await expectNoSeriousViolations(admin);
  await admin.context().close();
  expect(db.select({ status: packets.status }).from(packets).where(eq(packets.id, packetId)).get()).toEqual({ status: "approved" });

  const person = await pageAs(browser, author);
  await person.getByRole("link", { name: "My profile" }).click();
  await expect(person.getByRole("heading", { level: 1, name: author.name })).toBeVisible();
  await expect(person.getByText(/^Senior Software Engineer \(IC3\) · Individual contributor/)).toBeVisible();
  await expect(person.getByRole("list", { name: "Level history" }).getByRole("listitem").first()).toContainText(`Senior Software Engineer (IC3)`);
  await expect(person.getByRole("list", { name: "Level history" }).getByRole("listitem").first()).toContainText(`${IC3}: promotion packet approved by the committee`);
  await person.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Framework" }).click();
  await expect(person.getByRole("heading", { level: 1 })).toHaveText("Senior Software Engineer (IC3)");
  await person.getByRole("link", { name: "My next level" }).click();
  await expect(person).toHaveURL("/framework/compare?from=ic3&to=ic4");
  await person.goto(`/packets/${packetId}`);
  await expect(person.getByTestId("decision")).toContainText(`Approved: you are ${IC3} from`);
  await expect(person.getByTestId("decision")).toContainText("Operating at Senior across the board.");
  await person.context().close();
});

test("a decline shows what is missing to the engineer and the manager; the engineer reopens it as a new draft", async ({ browser, createPerson, db }) => {
  test.setTimeout(120_000);
  const { author, manager, packetId } = await inCommittee(createPerson, db);
  const admin = await pageAs(browser, "admin");
  await admin.goto(`/committee/${packetId}`);
  const decide = admin.locator("#decide");
  await decide.getByRole("radio", { name: /^Decline/ }).check();
  await decide.getByLabel("Reasons").fill("Not yet beyond the team.");
  await decide.getByRole("button", { name: "Record the decision" }).click();
  await expect(decide.getByRole("group", { name: "What is missing" })).toHaveAccessibleDescription(/Say what is missing for at least one cell/);
  await expect(decide.getByLabel("Reasons")).toHaveValue("Not yet beyond the team.");
  await decide.getByLabel(`Missing in ${GAP}`).fill("Work that changed **another team's** roadmap.");
  await decide.getByRole("button", { name: "Record the decision" }).click();
  await expect(admin.getByTestId("decision")).toContainText("Declined by the committee");
  await admin.context().close();

  const boss = await pageAs(browser, manager);
  await boss.goto(`/packets/${packetId}`);
  await expect(boss.getByTestId("decision").getByRole("list", { name: "What is missing, by cell" })).toContainText(GAP);
  await expect(packetCell(boss, GAP).getByTestId("cell-missing")).toContainText("Work that changed another team's roadmap.");
  await boss.context().close();

  const person = await pageAs(browser, author);
  await person.goto(`/packets/${packetId}`);
  await expect(person.getByTestId("decision")).toContainText("Not yet beyond the team.");
  await expect(packetCell(person, GAP).getByTestId("cell-missing").getByText("another team's")).toHaveJSProperty("tagName", "STRONG");
  await expectNoSeriousViolations(person);
  await person.getByRole("button", { name: "Reopen as a new draft" }).click();
  await expect(person.getByTestId("reopened-from")).toContainText("Reopened from a packet declined on");
  expect(person.url()).not.toContain(packetId);
  await expect(person.getByLabel(`Your case for ${cellNames(db)[0]}`)).toHaveValue(/^The case /);
  await expect(packetCell(person, GAP).getByTestId("cell-missing")).toContainText("What was missing last time");
  await expectNoSeriousViolations(person);
  await person.getByRole("link", { name: "Read the declined packet and its history" }).click();
  await expect(person.getByTestId("decision")).toContainText("Reopened as a new draft");
  await person.context().close();
});

test("a recused member sees the packet listed as recused and cannot open it by URL or by calling the vote action", async ({ browser, createPerson, db }) => {
  test.setTimeout(60_000);
  const { tag, director, author, member, packetId } = await inCommittee(createPerson, db);
  addToCommittee(db, director.id);
  const secretVote = `Member's vote comment ${tag}`;
  db.insert(committeeVotes).values({ packetId, memberId: member.id, vote: "decline", comment: secretVote }).run();

  const page = await pageAs(browser, director);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Committee" }).click();
  const row = page.getByTestId("committee-row").filter({ hasText: author.name });
  await expect(row).toContainText("Recused: someone in your org");
  await expect(row.getByRole("link")).toHaveCount(0);
  await expectNoSeriousViolations(page);
  await page.goto(`/committee/${packetId}`);
  await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
  const answer = await callAction(page.request, findAction("app/(app)/committee/actions.ts", "recordVoteAction", { id: packetId }), { packetId, vote: "approve", comment: "Recused vote" });
  expect(answer).toContain("does not exist or you do not have access");
  expect(db.select().from(committeeVotes).where(and(eq(committeeVotes.packetId, packetId), eq(committeeVotes.memberId, director.id))).all()).toEqual([]);
  // As a manager above the author, the director still reads the packet itself: never the committee's votes.
  for (const headers of [{}, { RSC: "1" }] as Record<string, string>[]) {
    const raw = await (await page.request.get(`/packets/${packetId}`, { headers })).text();
    expect(raw).toContain(`The case ${tag}`);
    expect(raw).not.toContain(secretVote);
  }
  await page.context().close();
});
