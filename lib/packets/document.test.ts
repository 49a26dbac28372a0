import { describe, expect, it } from "vitest";
import { CASE_AUDIENCE, caseAudienceFor } from "@/lib/policies/packets";
import { buildPacketDocument, documentText, type PacketDocumentSource } from "./document";

const format = { date: (d: string | Date) => String(d).slice(0, 10), dateTime: (d: Date) => d.toISOString() };
const source = (over: Partial<PacketDocumentSource> = {}): PacketDocumentSource => ({
  packet: { personName: "Ada", status: "submitted", kind: "promotion", summary: "", createdAt: new Date("2026-01-02T00:00:00Z") },
  role: "author",
  from: { label: "IC2" },
  target: { label: "IC3", trackName: "IC" },
  frameworkVersion: { number: 2, name: "Trellis" },
  startedBy: "Ada",
  cells: [
    { id: "values.complexity", anchor: "cell-values_complexity", name: "Values · Complexity", target: { expectation: "Expected words" }, text: "My case", citations: ["e1", "gone"] },
    { id: "values.influence", anchor: "cell-values_influence", name: "Values · Sphere of influence", target: null, text: "", citations: [] },
  ],
  manager: null,
  readiness: null,
  events: [{ at: new Date("2026-01-03T00:00:00Z"), step: "submit", fromStatus: "draft", toStatus: "submitted", note: "Over to you", actorName: "Ada" }],
  cited: { e1: { title: "Shipped it", occurredOn: "2026-01-01", removed: true } },
  ...over,
});

describe("the packet as a document", () => {
  it("has the facts, the summary, each cell with its expectation, case and evidence, then the timeline", () => {
    const doc = buildPacketDocument(source(), format);
    expect(doc.title).toBe("Ada: promotion packet for IC3");
    expect(doc.sections.map((s) => s.title)).toEqual(["Summary", "Values · Complexity", "Values · Sphere of influence", "Timeline"]);
    const text = documentText(doc);
    for (const words of ["Current level", "IC2", "Version 2 (Trellis)", "Expected words", "My case", "Shipped it (2026-01-01), removed from the log", "No case written for this cell.", "Not described in this framework version.", "Submitted to the manager by Ada", "Over to you"]) expect(text).toContain(words);
    // A citation whose entry is not found is left out rather than shown as a bare id.
    expect(text.join(" ")).not.toContain("gone");
    expect(text.join(" ")).not.toContain("Manager's rating");
  });

  it("takes another module's section before the timeline and its blocks at the end of a cell", () => {
    const doc = buildPacketDocument(source(), format, {
      sections: [{ id: "endorsements", title: "Endorsements", blocks: [{ kind: "note", text: "Two colleagues endorsed" }] }],
      cellBlocks: { "values.influence": [{ kind: "group", title: "Endorsed by Bo", blocks: [{ kind: "markdown", text: "Seen it", empty: "" }] }] },
    });
    expect(doc.sections.map((s) => s.id)).toEqual(["summary", "cell-values_complexity", "cell-values_influence", "endorsements", "timeline"]);
    expect(doc.sections[2]!.blocks.at(-1)).toEqual({ kind: "group", title: "Endorsed by Bo", blocks: [{ kind: "markdown", text: "Seen it", empty: "" }] });
  });

  it("carries the manager's part and who may read it only when the reader was given it", () => {
    const doc = buildPacketDocument(source({ role: "direct-manager", manager: { author: "Max", cells: [{ cell: "values.complexity", rating: "not-yet", comment: "More please", justification: "Planned" }] } }), format);
    const text = documentText(doc);
    for (const words of ["Manager's rating (Max)", "Not yet", "More please", "Justification for the gap", "Planned", "Not rated", "Ada's managers and admins, and Ada once the packet is returned or endorsed"]) expect(text).toContain(words);
  });

  it("says who reads each part in the packet page's words: the case's readers, and the committee on the timeline", () => {
    const visibleTo = (doc: ReturnType<typeof buildPacketDocument>, id: string) => doc.sections.find((s) => s.id === id)?.audience;
    const own = buildPacketDocument(source(), format);
    expect(own.facts).toContainEqual({ label: "Visible to", value: CASE_AUDIENCE });
    expect(visibleTo(own, "summary")).toBe(CASE_AUDIENCE);
    expect(visibleTo(own, "timeline")).toBe("You, your managers, admins and the promotion committee");
    const managers = buildPacketDocument(source({ role: "direct-manager" }), format);
    expect(visibleTo(managers, "summary")).toBe(caseAudienceFor("Ada"));
    expect(visibleTo(managers, "timeline")).toBe("Ada, their managers, admins and the promotion committee");
  });
});
