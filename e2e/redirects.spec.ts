import type { APIRequestContext } from "@playwright/test";
import { HOSTILE_RETURN_PATHS, isLocalPath } from "@/lib/test/hostile-return-paths";
import { expect, SIGNED_OUT, storageStateFor, test, TEST_PASSWORD } from "./support/fixtures";
import { pageAs } from "./support/pages";

/*
 * Every redirect that carries a return address, probed over HTTP without
 * following redirects: the Location must stay on this site, as a browser
 * would resolve it. The rule itself is unit-tested in lib/auth/return-path.test.ts.
 */
function expectOnSite(location: string | undefined, baseURL: string) {
  expect(location, "a Location header").toBeTruthy();
  const origin = new URL(baseURL).origin;
  const local = location!.startsWith(`${origin}/`) ? location!.slice(origin.length) : location!;
  expect(isLocalPath(local), `Location ${JSON.stringify(location)} stays on the site`).toBe(true);
  expect(new URL(location!, `${origin}/signin`).origin).toBe(origin);
}

test.describe("signed in", () => {
  test.use({ storageState: storageStateFor("engineer") });

  test("/signin sends a signed-in visitor on, never to another site", async ({ page, baseURL }) => {
    for (const target of HOSTILE_RETURN_PATHS) {
      const response = await page.request.get(`/signin?callbackUrl=${encodeURIComponent(target)}`, { maxRedirects: 0 });
      expect(response.status(), `status for ${JSON.stringify(target)}`).toBe(307);
      expectOnSite(response.headers()["location"], baseURL!);
    }
  });

  test("Auth.js's own sign-in and sign-out endpoints keep the return address on the site", async ({ page, baseURL }) => {
    for (const target of HOSTILE_RETURN_PATHS.slice(0, 12)) {
      const response = await page.request.get(`/api/auth/signin?callbackUrl=${encodeURIComponent(target)}`, { maxRedirects: 0 });
      expectOnSite(response.headers()["location"], baseURL!);
      const callbackUrl = new URL(response.headers()["location"]!, baseURL).searchParams.get("callbackUrl");
      if (callbackUrl) expectOnSite(callbackUrl, baseURL!);
    }
  });
});

/* Follows redirects one at a time, checking each Location; returns every address visited. */
async function followOnSite(request: APIRequestContext, start: string, baseURL: string) {
  const visited = [start];
  for (let hop = 0; hop < 5; hop++) {
    const response = await request.get(visited.at(-1)!, { maxRedirects: 0 });
    if (response.status() < 300 || response.status() >= 400) return visited;
    const location = response.headers()["location"];
    expectOnSite(location, baseURL);
    visited.push(new URL(location!, baseURL).href);
  }
  throw new Error(`Too many redirects from ${start}`);
}

test("the signed-out return trip through the proxy and sign-in stays on the site", async ({ playwright, browser, baseURL, createPerson }) => {
  const person = await createPerson();
  const signedIn = await pageAs(browser, { email: person.email });
  const anonymous = await playwright.request.newContext({ storageState: SIGNED_OUT });
  for (const path of ["//evil.example/x", "/.//evil.example/x", "/%2e//evil.example/x", "///evil.example", "/\\evil.example", "/account?x=//evil.example"]) {
    // Built by hand: a path starting "//" given to request.get() would be read as another host.
    const trip = await followOnSite(anonymous, `${baseURL}${path}`, baseURL!);
    const signInUrl = trip.find((url) => new URL(url).pathname === "/signin");
    expect(signInUrl, `${path} leads to sign-in`).toBeTruthy();
    // Once signed in, following that link back must not leave either.
    await followOnSite(signedIn.request, signInUrl!, baseURL!);
  }
  await anonymous.dispose();
  await signedIn.context().close();
});

test("a crafted return address posted with the sign-in form does not leave the site", async ({ browser, baseURL, createPerson }) => {
  const person = await createPerson();
  for (const target of ["/.//evil.example/x", "/a/..//evil.example/x", "//evil.example", "https://evil.example/phish"]) {
    const context = await browser.newContext({ storageState: SIGNED_OUT });
    const page = await context.newPage();
    const offSite: string[] = [];
    page.on("request", (request) => {
      if (new URL(request.url()).hostname.endsWith("evil.example")) offSite.push(request.url());
    });
    await page.goto("/signin");
    // What a forged form post would carry; the page itself only ever renders a safe value.
    await page.locator("form", { has: page.getByRole("button", { name: "Sign in" }) }).locator('input[name="callbackUrl"]').evaluate((input, value) => ((input as HTMLInputElement).value = value), target);
    await page.getByLabel("Email").fill(person.email);
    await page.getByLabel("Password").fill(TEST_PASSWORD);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByTestId("signed-in-as")).toBeVisible();
    expect(new URL(page.url()).origin).toBe(new URL(baseURL!).origin);
    expect(isLocalPath(new URL(page.url()).pathname)).toBe(true);
    expect(offSite).toEqual([]);
    await context.close();
  }
});
