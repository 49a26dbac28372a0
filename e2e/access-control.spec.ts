import { eq } from "drizzle-orm";
import { people } from "@/db/schema";
import type { BrowserContext } from "@playwright/test";
import { DEMO, expect, SIGNED_OUT, signedInPage, storageStateFor, test, type DemoRole } from "./support/fixtures";

/*
 * The page rows of the access-control table, over HTTP with each demo role's
 * session. Forbidden pages answer exactly like missing ones (404). The
 * DAL/action rows live in lib/access-control.test.ts.
 */
/* "ended": a real session cookie whose session was ended on the server, so the request passes the proxy and only the page's own check can refuse it. */
type Who = DemoRole | "anonymous" | "ended";
type Row = { path: (ids: Record<string, string>) => string; as: Who; expect: 200 | 404 | "sign-in" };

const rows: Row[] = [
  { path: () => "/", as: "anonymous", expect: "sign-in" },
  { path: () => "/", as: "ended", expect: "sign-in" },
  { path: () => "/account", as: "ended", expect: "sign-in" },
  { path: () => "/framework", as: "ended", expect: "sign-in" },
  { path: () => "/admin/people", as: "ended", expect: "sign-in" },
  { path: () => "/framework/export?version=1", as: "ended", expect: 404 },
  { path: () => "/admin/people/export", as: "ended", expect: 404 },
  { path: () => "/account", as: "anonymous", expect: "sign-in" },
  { path: (id) => `/people/${id.engineer}`, as: "anonymous", expect: "sign-in" },
  { path: (id) => `/people/${id.engineer}`, as: "engineer", expect: 200 },
  { path: (id) => `/people/${id.engineerPeer}`, as: "engineer", expect: 404 },
  { path: (id) => `/people/${id.manager}`, as: "engineer", expect: 404 },
  { path: () => `/people/no-such-person`, as: "engineer", expect: 404 },
  { path: (id) => `/people/${id.engineer}`, as: "manager", expect: 200 },
  { path: (id) => `/people/${id.otherTeam}`, as: "manager", expect: 404 },
  { path: (id) => `/people/${id.otherTeam}`, as: "admin", expect: 200 },
  ...["/admin/people", "/admin/people/new", "/admin/people/import", "/admin/people/export", "/admin/org", "/admin/committee", "/admin/audit"].flatMap((adminPath) => [
    { path: () => adminPath, as: "engineer" as const, expect: 404 as const },
    { path: () => adminPath, as: "manager" as const, expect: 404 as const },
    { path: () => adminPath, as: "admin" as const, expect: 200 as const },
  ]),
  { path: (id) => `/admin/people/${id.engineer}`, as: "manager", expect: 404 },
  { path: (id) => `/admin/people/${id.engineer}`, as: "admin", expect: 200 },
];

test.describe("access control over HTTP", () => {
  let ids: Record<string, string>;
  let endedState: Awaited<ReturnType<BrowserContext["storageState"]>>;
  test.beforeAll(async ({ db, browser, createPerson }) => {
    // An admin whose session is then ended by deactivation: the strongest cookie there is, made worthless.
    const person = await createPerson({ role: "admin", trackKey: "mgmt", levelKey: "m3" });
    const page = await signedInPage(browser, person.email);
    endedState = await page.context().storageState();
    await page.context().close();
    db.update(people).set({ active: false }).where(eq(people.id, person.id)).run();
    const idOf = (email: string) => db.select({ id: people.id }).from(people).where(eq(people.email, email)).get()!.id;
    ids = { engineer: idOf(DEMO.engineer.email), engineerPeer: idOf("alex@example.com"), manager: idOf(DEMO.manager.email), otherTeam: idOf("noor@example.com") };
  });

  for (const [i, row] of rows.entries()) {
    test(`#${i + 1} ${row.as} -> ${row.expect}`, async ({ playwright, baseURL }) => {
      const request = await playwright.request.newContext({
        baseURL,
        storageState: row.as === "anonymous" ? SIGNED_OUT : row.as === "ended" ? endedState : storageStateFor(row.as),
        maxRedirects: 0,
      });
      const path = row.path(ids);
      const response = await request.get(path);
      if (row.expect === "sign-in") {
        expect(response.status()).toBe(307);
        expect(response.headers().location).toBe(`/signin?callbackUrl=${encodeURIComponent(path)}${row.as === "ended" ? "&ended=deactivated" : ""}`);
      } else {
        expect(response.status(), path).toBe(row.expect);
      }
      await request.dispose();
    });
  }

  test("a refused page looks like a missing one to the person", async ({ browser }) => {
    const context = await browser.newContext({ storageState: storageStateFor("engineer") });
    const page = await context.newPage();
    await page.goto(`/people/${ids.manager}`);
    await expect(page.getByRole("heading", { name: "Page not found" })).toBeVisible();
    await expect(page.getByText(DEMO.manager.name)).toHaveCount(0);
    await context.close();
  });
});
