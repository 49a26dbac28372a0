import { expect, type Page } from "@playwright/test";
import { claimForm, fillClaim } from "./stipend";

/* The notifications page and the unread count beside "Notifications" in the main navigation. */
export const notificationsLink = (page: Page) => page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: /^Notifications/ });

export async function expectUnread(page: Page, count: number) {
  await expect(notificationsLink(page)).toHaveAccessibleName(count ? `Notifications (${count} unread)` : "Notifications");
}

export const notificationItem = (page: Page, text: string | RegExp) => page.getByRole("list", { name: "Your notifications" }).getByRole("listitem").filter({ hasText: text });

/* Files a claim through the form with a receipt link, as the signed-in person. */
export async function fileClaimThroughForm(page: Page, item: string) {
  await page.goto("/stipend/new");
  await fillClaim(page, { item, amount: "45" });
  await claimForm(page).fill({ "Or a link to the receipt": "https://shop.example.com/orders/42" });
  await claimForm(page).submit();
  await expect(page.getByText("Claim filed.")).toBeVisible();
}
