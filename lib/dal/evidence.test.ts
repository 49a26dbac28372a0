import { beforeAll, describe, expect, it } from "vitest";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { evidenceEntries } from "@/db/schema";
import { NotFoundError } from "@/lib/errors";
import { buildOrg, type Org } from "@/lib/test/org";
import { createEvidence, deleteEvidence, listEvidence, listLearningByCell, updateEvidence } from "./evidence";
import { createClaim } from "./stipend-claims";

let org: Org;
const tech = { competencyKey: "technical", themeKey: "complexity" };
const lead = { competencyKey: "leadership", themeKey: "multiplier" };
const log = (title: string, occurredOn: string, cells = [tech]) => {
  const r = createEvidence(org.as.engineer, { title, occurredOn, description: "", links: [], cells });
  if (!r.ok) throw new Error(JSON.stringify(r));
  return r.value;
};

beforeAll(() => {
  org = buildOrg();
});

describe("evidence log", () => {
  it("lists newest first and filters by cell and by date range", () => {
    log("Migrated billing", "2026-01-10");
    log("Mentored two juniors", "2026-02-15", [lead, tech]);
    log("Ran the guild", "2026-03-20", [lead]);
    const titles = (filters: Parameters<typeof listEvidence>[2]) => listEvidence(org.as.engineer, org.people.engineer.id, filters).map((e) => e.title);
    expect(titles({})).toEqual(["Ran the guild", "Mentored two juniors", "Migrated billing"]);
    expect(titles({ cell: lead })).toEqual(["Ran the guild", "Mentored two juniors"]);
    expect(titles({ from: "2026-02-01", to: "2026-02-28" })).toEqual(["Mentored two juniors"]);
    expect(titles({ cell: tech, from: "2026-02-16" })).toEqual([]);
    expect(listEvidence(org.as.engineer, org.people.engineer.id, { cell: lead })[1]!.cells).toEqual(expect.arrayContaining([lead, tech]));
  });

  it("needs at least one known cell", () => {
    expect(createEvidence(org.as.engineer, { title: "x", occurredOn: "2026-01-01", description: "", links: [], cells: [] })).toMatchObject({ ok: false, fieldErrors: { cells: [expect.any(String)] } });
    expect(createEvidence(org.as.engineer, { title: "x", occurredOn: "2026-01-01", description: "", links: [], cells: [{ competencyKey: "values", themeKey: "nope" }] })).toMatchObject({ ok: false });
  });

  it("edits against the loaded version and deletes an uncited entry for good", () => {
    const id = log("Typo in the title", "2026-01-05");
    expect(updateEvidence(org.as.engineer, id, 1, { title: "Fixed title", occurredOn: "2026-01-05", description: "More", links: ["https://example.com/pr/1"], cells: [lead] }).ok).toBe(true);
    expect(updateEvidence(org.as.engineer, id, 1, { title: "Stale tab", occurredOn: "2026-01-05", description: "", links: [], cells: [lead] })).toMatchObject({ ok: false, conflict: { version: 2 } });
    expect(() => updateEvidence(org.as.manager, id, 2, { title: "Manager edit", occurredOn: "2026-01-05", description: "", links: [], cells: [lead] })).toThrow(NotFoundError);
    expect(() => deleteEvidence(org.as.admin, id)).toThrow(NotFoundError);
    expect(deleteEvidence(org.as.engineer, id)).toMatchObject({ ok: true, value: "deleted" });
    expect(db().select().from(evidenceEntries).where(eq(evidenceEntries.id, id)).get()).toBeUndefined();
  });

  it("shows the stipend claims tied to a cell, not withdrawn ones or ones without a cell", async () => {
    const file = (item: string, cell: typeof tech | null) =>
      createClaim(org.as.engineer, { purchaseDate: "2026-02-01", item, vendor: "Shop", category: "Books", amountPaidMinor: 1000, currencyPaid: "USD", amountChargedMinor: null, receiptUrl: "https://shop.example.com/r", receiptFile: null, note: "", cell }, "2026-11-01");
    await file("SRE book", tech);
    await file("Untagged book", null);
    const learning = listLearningByCell(org.as.manager, org.people.engineer.id);
    expect(learning.map((c) => [c.item, c.cell])).toEqual([["SRE book", "technical.complexity"]]);
    expect(() => listLearningByCell(org.as.peer, org.people.engineer.id)).toThrow(NotFoundError);
  });
});
