import type { PersonInput } from "@/lib/dal/people-admin";
import { createClaim, type NewClaim } from "@/lib/dal/stipend-claims";
import type { Viewer } from "@/lib/domain/viewer";
import type { StipendYearSettings } from "@/lib/stipend/balance";

/*
 * Builders for the inputs tests pass to the DAL: one valid default each, and
 * a test names only what it is about. Unit tests only (they reach the DAL);
 * e2e fixtures use lib/test/factory.ts.
 */

/* The date every claim test treats as "today", so a claim's year never depends on the real clock. */
export const TEST_TODAY = "2026-11-22";
export const TEST_YEAR = 2026;

/* A tiny file that sniffs as a PDF. */
export const receiptPdf = (name = "receipt.pdf") => new File([Buffer.from("%PDF-1.4\n%tiny\n")], name, { type: "application/pdf" });

/* A valid claim with a receipt link; `{ receiptUrl: null, receiptFile: receiptPdf() }` for an upload. */
export const claimInput = (overrides: Partial<NewClaim> = {}): NewClaim => ({
  purchaseDate: "2026-03-10",
  item: "Designing Data-Intensive Applications",
  vendor: "O'Reilly",
  category: "Books",
  amountPaidMinor: 4_999,
  currencyPaid: "USD",
  amountChargedMinor: null,
  receiptUrl: "https://shop.example.com/orders/1",
  receiptFile: null,
  note: "",
  cell: null,
  ...overrides,
});

/* Files a claim that must be accepted, and returns its id. */
export async function fileClaim(viewer: Viewer, overrides: Partial<NewClaim> = {}, today = TEST_TODAY, now?: Date) {
  const result = await createClaim(viewer, claimInput(overrides), today, now);
  if (!result.ok) throw new Error(`claim refused: ${result.field}: ${result.message}`);
  return result.id;
}

/* A stipend year's settings as an admin would save them. */
export const yearSettingsInput = (overrides: Partial<Omit<StipendYearSettings, "year">> = {}): Omit<StipendYearSettings, "year"> => ({
  allowanceMinor: 200_000,
  currency: "USD",
  categories: ["Books", "Courses"],
  overBalance: "refuse",
  prorateNewStarters: true,
  ...overrides,
});

/* The people-admin form for a person: from an existing record (`{ ...person }` works), or a new one. */
export const personInput = ({ name = "Form Person", email = "form.person@test.example", role = "engineer", managerId = null, team = "Test team", startDate = "2024-01-15" }: Partial<PersonInput> = {}): PersonInput => ({
  name,
  email,
  role,
  managerId,
  team,
  startDate,
});
