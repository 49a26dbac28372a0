import { describe, expect, it } from "vitest";
import { decisionSection, earlierMissingBlocks, endorsementBlocks, missingBlocks, reopenedSection } from "./document-parts";

const format = { date: (d: string | Date | null) => (d ? String(d instanceof Date ? d.toISOString() : d).slice(0, 10) : "—"), dateTime: (d: Date) => d.toISOString() };
const cells = [
  { id: "values.complexity", name: "Values · Complexity", missing: "" },
  { id: "values.influence", name: "Values · Sphere of influence", missing: "Influence beyond the team" },
];
const decided = (outcome: "approved" | "declined") => ({ outcome, reasons: "Because", effectiveDate: outcome === "approved" ? "2026-03-01" : null, decidedAt: new Date("2026-02-20T10:00:00Z"), decidedBy: null });

describe("the decided and endorsed parts of a packet document", () => {
  it("has no decision section until there is a decision, and says who an approval concerns and from when", () => {
    const view = { packet: { personName: "Ada" }, role: "admin", target: { label: "IC3" }, cells, decision: null };
    expect(decisionSection(view, format, "all")).toEqual([]);
    const [approved] = decisionSection({ ...view, cells: cells.map((c) => ({ ...c, missing: "" })), decision: decided("approved") }, format, "all");
    expect(approved!.blocks[0]).toEqual({
      kind: "facts",
      items: [
        { label: "Outcome", value: "Approved: Ada is IC3 from 2026-03-01" },
        { label: "Effective date", value: "2026-03-01" },
        { label: "Decided", value: "2026-02-20T10:00:00.000Z" },
        { label: "Recorded by", value: "an admin no longer here, for the promotion committee" },
      ],
    });
    const [declined] = decisionSection({ ...view, role: "author", decision: decided("declined") }, format, "all");
    expect(declined!.blocks.at(-1)).toEqual({ kind: "list", label: "What is missing (written beside each cell)", items: ["Values · Sphere of influence"] });
    expect(missingBlocks({ cells })).toEqual({ "values.influence": [{ kind: "group", title: "What is missing", blocks: [{ kind: "markdown", text: "Influence beyond the team", empty: "" }] }] });
  });

  it("puts each answer beside its cell and names who was asked but gave that cell no answer", () => {
    const answer = { comment: "Seen it", answeredAt: new Date("2026-02-01T00:00:00Z"), answeredText: "Old words", freshness: "current" as const };
    const blocks = endorsementBlocks(
      {
        endorsements: [
          { endorserName: "Bo", state: "answered", declineReason: "", cells: [{ cell: "values.complexity", stance: "endorse", ...answer }, { cell: "values.influence", stance: null, ...answer, freshness: null }] },
          { endorserName: "Cy", state: "closed", declineReason: "", cells: [{ cell: "values.complexity", stance: null, comment: "", answeredAt: null, answeredText: null, freshness: null }] },
          { endorserName: "Di", state: "declined", declineReason: "I have not worked with Ada this year.", cells: [{ cell: "values.influence", stance: null, comment: "", answeredAt: null, answeredText: null, freshness: null }] },
        ],
      },
      format,
    );
    expect(blocks["values.complexity"]).toEqual([
      { kind: "group", title: "Endorsed by Bo (2026-02-01)", blocks: [{ kind: "markdown", text: "Seen it", empty: "No comment." }] },
      { kind: "note", text: "Also asked to endorse this cell: Cy (not answered before the packet closed)." },
    ]);
    expect(blocks["values.influence"]).toEqual([{ kind: "note", text: "Also asked to endorse this cell: Bo (no answer for this cell), Di (declined: I have not worked with Ada this year.)." }]);
  });

  it("gives a reopened draft where it came from and, beside each cell, what was missing last time unless it has its own", () => {
    expect(reopenedSection({ cells, reopenedFrom: null }, format, "all")).toEqual([]);
    const reopenedFrom = { decidedAt: new Date("2026-02-20T10:00:00Z"), reasons: "Not yet across teams", missing: { "values.complexity": "Bigger projects", "values.influence": "Older words" } };
    const [section] = reopenedSection({ cells, reopenedFrom }, format, "all");
    expect(section).toMatchObject({ id: "reopened-from", title: "Reopened from a declined packet", audience: "all" });
    expect(section!.blocks.slice(0, 2)).toEqual([
      { kind: "facts", items: [{ label: "Declined", value: "2026-02-20" }] },
      { kind: "group", title: "The committee's reasons then", blocks: [{ kind: "markdown", text: "Not yet across teams", empty: "No reasons written." }] },
    ]);
    // values.influence has a "what is missing" of its own, which missingBlocks gives; the earlier words are not repeated.
    expect(earlierMissingBlocks({ cells, reopenedFrom })).toEqual({ "values.complexity": [{ kind: "group", title: "What was missing last time", blocks: [{ kind: "markdown", text: "Bigger projects", empty: "" }] }] });
  });
});
