import type { Request } from "@playwright/test";
import { and, eq } from "drizzle-orm";
import { notifications } from "@/db/schema";
import { expectNoSeriousViolations } from "./support/a11y";
import { expect, storageStateFor, test } from "./support/fixtures";
import { expectUnread, fileClaimThroughForm, notificationItem, notificationsLink } from "./support/notifications";
import { Form, pageAs } from "./support/pages";

test("a claim tells the manager and the decision tells the engineer; opening an item reads it, and the count follows", async ({ browser, createPerson }) => {
  // Two sign-ins, a claim filed through the form, a decision and an axe scan outgrow 30 s on a loaded two-core machine.
  test.setTimeout(60_000);
  const tag = Date.now().toString(36);
  const manager = await createPerson({ role: "manager", trackKey: "mgmt", levelKey: "m1", name: `Nia Manager ${tag}` });
  const engineer = await createPerson({ managerId: manager.id, name: `Ezra Engineer ${tag}` });
  const item = `Refactoring UI ${tag}`;

  const engineerPage = await pageAs(browser, engineer);
  await expectUnread(engineerPage, 0);
  await fileClaimThroughForm(engineerPage, item);

  const managerPage = await pageAs(browser, manager);
  await expectUnread(managerPage, 1);
  await notificationsLink(managerPage).click();
  await expect(managerPage.getByRole("heading", { name: "Notifications", level: 1 })).toBeVisible();
  const filed = notificationItem(managerPage, `${engineer.name} filed a stipend claim: ${item}`);
  await expect(filed).toContainText("$45.00 · Books");
  await expect(filed).toContainText("Unread");
  await expectNoSeriousViolations(managerPage);

  // One click from the record: the title opens the claim and reads the notification.
  await filed.getByRole("button", { name: `${engineer.name} filed a stipend claim: ${item}`, exact: true }).click();
  await expect(managerPage.getByRole("heading", { name: item })).toBeVisible();
  await expectUnread(managerPage, 0);
  await new Form(managerPage, "Approve").fillAndSubmit({ Reason: "Good for the <design> work & more" });
  await expect(managerPage.getByText(`Approved by ${manager.name}`)).toBeVisible();

  await engineerPage.reload();
  await expectUnread(engineerPage, 1);
  await engineerPage.goto("/notifications?show=unread");
  const approved = notificationItem(engineerPage, `${manager.name} approved your claim: ${item}`);
  await expect(approved).toContainText("$45.00. Good for the <design> work & more");
  await approved.getByRole("button", { name: /^Mark read/ }).click();
  await expect(engineerPage.getByText("Nothing unread")).toBeVisible();
  await expectUnread(engineerPage, 0);
  await engineerPage.goto("/notifications");
  await expect(notificationItem(engineerPage, `${manager.name} approved your claim: ${item}`)).not.toContainText("Unread");
  await Promise.all([engineerPage.context().close(), managerPage.context().close()]);
});

test("mark all read clears the count, and the page says when there is nothing", async ({ browser, createPerson, db }) => {
  const person = await createPerson();
  const page = await pageAs(browser, person);
  await page.goto("/notifications");
  await expect(page.getByText("No notifications yet")).toBeVisible();
  await expect(page.getByRole("button", { name: "Mark all read" })).toBeDisabled();
  for (const title of ["First notice", "Second notice"]) {
    db.insert(notifications).values({ id: crypto.randomUUID(), recipientId: person.id, kind: "claim-approved", recordType: "stipend-claim", recordId: `c-${title}`, title }).run();
  }
  await page.reload();
  await expectUnread(page, 2);
  await page.getByRole("button", { name: "Mark all read" }).click();
  await expect(page.getByText("Marked 2 notifications read.")).toBeVisible();
  await expectUnread(page, 0);
  await expect(page.getByRole("heading", { name: "Your notifications" })).toBeVisible();
  await expect(page.getByText("All read", { exact: true })).toBeVisible();
  await page.context().close();
});

test("the email setting is each person's own choice, kept after a reload", async ({ browser, createPerson }) => {
  const person = await createPerson();
  const page = await pageAs(browser, person);
  await page.goto("/account");
  const setting = page.getByRole("group", { name: "Email me about notifications" });
  await expect(setting.getByRole("radio", { name: /Each notification, as it happens/ })).toBeChecked();
  await expect(page.getByText("This Trellis has no mail server set up yet")).toBeVisible();
  await setting.getByRole("radio", { name: /A daily digest/ }).check();
  await page.getByRole("button", { name: "Save email setting" }).click();
  await expect(page.getByText("Saved. You will get one email a day.")).toBeVisible();
  await expectNoSeriousViolations(page);
  await page.reload();
  await expect(page.getByRole("group", { name: "Email me about notifications" }).getByRole("radio", { name: /A daily digest/ })).toBeChecked();
  await page.context().close();
});

test("nobody can mark someone else's notification read, even by replaying the request", async ({ browser, createPerson, db, playwright, baseURL }) => {
  const owner = await createPerson({ name: `Owner ${Date.now()}` });
  const id = crypto.randomUUID();
  db.insert(notifications).values({ id, recipientId: owner.id, kind: "claim-rejected", recordType: "stipend-claim", recordId: "c-replay", title: "Only for the owner" }).run();
  const page = await pageAs(browser, owner);
  await page.goto("/notifications");
  // The owner's own submission is captured and stopped, so only the replays below could change anything.
  let submission: Request | undefined;
  await page.route("**/notifications**", async (route) => {
    if (route.request().method() !== "POST") return route.continue();
    submission = route.request();
    await route.abort();
  });
  await notificationItem(page, "Only for the owner").getByRole("button", { name: /^Mark read/ }).click();
  await expect.poll(() => submission).toBeDefined();
  const headers = await submission!.allHeaders();
  delete headers.cookie;
  for (const role of ["engineer", "manager", "admin"] as const) {
    const request = await playwright.request.newContext({ baseURL, storageState: storageStateFor(role) });
    const response = await request.post(submission!.url(), { headers, data: submission!.postDataBuffer()!, maxRedirects: 0 });
    expect(response.status(), role).toBeLessThan(500);
    await request.dispose();
  }
  const readAt = () => db.select({ readAt: notifications.readAt }).from(notifications).where(and(eq(notifications.id, id), eq(notifications.recipientId, owner.id))).get()!.readAt;
  expect(readAt()).toBeNull();
  // The same request with the owner's own session does mark it: the replays above were refused, not malformed.
  const own = await playwright.request.newContext({ baseURL, storageState: await page.context().storageState() });
  expect((await own.post(submission!.url(), { headers, data: submission!.postDataBuffer()!, maxRedirects: 0 })).status()).toBeLessThan(500);
  expect(readAt()).toEqual(expect.any(Date));
  await own.dispose();
  await page.context().close();
});
