import type { Page } from "@playwright/test";
import { Form } from "./pages";

/* The claim form on /stipend/new. */
export const claimForm = (page: Page) => new Form(page, "File claim");

/* Shared by the stipend specs: the claim form's required fields, filled the way a person would. */
export async function fillClaim(page: Page, claim: { item: string; vendor?: string; category?: string; amount: string }) {
  await claimForm(page).fill({ Item: claim.item, Vendor: claim.vendor ?? "Bookshop", Category: claim.category ?? "Books", "Amount paid": claim.amount });
}

export const PNG = Buffer.from("iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==", "base64");

/* A PDF of exactly `bytes` bytes: the signature, then padding. */
export const pdfOfSize = (bytes: number) => Buffer.concat([Buffer.from("%PDF-1.4\n"), Buffer.alloc(bytes - 9, 0x20)]);
