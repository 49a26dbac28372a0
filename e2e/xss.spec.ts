import type { Page } from "@playwright/test";
import { expect, test } from "./support/fixtures";
import { pageAs } from "./support/pages";
import { claimForm, fillClaim } from "./support/stipend";

/*
 * A few of the stored-XSS corpus (security/xss-payloads.json) typed into real
 * forms, then shown on the pages that display them: nothing runs (no dialog,
 * no flag set), and nothing even tries (the Content-Security-Policy, which
 * would block an injected handler, reports no violation). The whole corpus
 * goes through every field below the browser (lib/dal/xss-fields.test.ts).
 */
const PAYLOADS = [
  "<img src=x onerror=\"window.__xss=1;alert(1)\">",
  "<svg onload=alert(1)>",
  "\"><script>window.__xss=2;alert(2)</script>",
  "[click me](javascript:alert(3))",
  "<details open ontoggle=alert(4)>x</details>",
  "<a href=\"javascript:alert(5)\">link</a>",
];

function watch(page: Page) {
  const events: string[] = [];
  page.on("dialog", (dialog) => {
    events.push(`dialog: ${dialog.message()}`);
    void dialog.dismiss();
  });
  page.on("console", (message) => {
    if (/Content Security Policy|Refused to/i.test(message.text())) events.push(`csp: ${message.text()}`);
  });
  return events;
}

async function expectInert(page: Page, events: string[]) {
  expect(await page.evaluate(() => (window as { __xss?: number }).__xss)).toBeUndefined();
  await expect(page.locator('[href^="javascript:" i], [src^="javascript:" i], script:not([nonce]):not([src])')).toHaveCount(0);
  expect(await page.locator("main [onerror], main [onload], main [ontoggle]").count()).toBe(0);
  expect(events).toEqual([]);
}

test("payloads typed into the evidence form show as text on the log and the entry", async ({ browser, createPerson }) => {
  // Six entries typed, each checked on two pages: more than 30 s on a loaded two-core machine.
  test.setTimeout(90_000);
  const person = await createPerson();
  const page = await pageAs(browser, person);
  const events = watch(page);
  for (const [i, payload] of PAYLOADS.entries()) {
    await page.goto("/evidence/new");
    await page.getByLabel("What happened").fill(`${payload} #${i}`);
    await page.getByLabel("Description").fill(`Before ${payload} after`);
    await page.getByRole("checkbox", { name: "Technical · Complexity" }).check();
    await page.getByRole("button", { name: "Add to my log" }).click();
    await expect(page.getByText("Added to your log.")).toBeVisible();
    // The title is shown exactly as typed, as text.
    await expect(page.getByRole("heading", { name: `${payload} #${i}`, exact: true })).toBeVisible();
    await expectInert(page, events);
    await page.getByRole("link", { name: `${payload} #${i}`, exact: true }).click();
    await expect(page.getByRole("heading", { level: 1, name: `${payload} #${i}` })).toBeVisible();
    await expectInert(page, events);
  }
  await page.context().close();
});

test("payloads in a stipend claim's item, vendor and note show as text on the claim", async ({ browser, createPerson }) => {
  test.setTimeout(60_000);
  const person = await createPerson();
  const page = await pageAs(browser, person);
  const events = watch(page);
  for (const payload of PAYLOADS.slice(0, 3)) {
    await page.goto("/stipend/new");
    await fillClaim(page, { item: payload, vendor: payload, amount: "1" });
    await claimForm(page).fillAndSubmit({ "Or a link to the receipt": "https://shop.example.com/r/1", Note: `Note: ${payload}` });
    await expect(page).toHaveURL(/filed=/);
    await expect(page.getByText(payload, { exact: true }).first()).toBeVisible();
    await expectInert(page, events);
    await page.goto(`/stipend/claims/${new URL(page.url()).searchParams.get("filed")}`);
    await expect(page.getByRole("heading", { level: 1, name: payload })).toBeVisible();
    // The note is Markdown: raw HTML in it is dropped, never parsed into the page.
    await expect(page.getByText(/^Note:/)).toBeVisible();
    await expectInert(page, events);
  }
  await page.context().close();
});
