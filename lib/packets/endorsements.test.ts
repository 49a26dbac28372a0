import { describe, expect, it } from "vitest";
import { answerFreshness, answerProblems, answerSummary, requestState, whyNotAskable } from "./endorsements";

describe("who may be asked to endorse", () => {
  const chain = ["manager", "director"];
  it("any active colleague, but not the author, their managers or someone inactive", () => {
    expect(whyNotAskable({ id: "peer", name: "Pat", active: true }, "author", chain)).toBeNull();
    expect(whyNotAskable({ id: "report", name: "Ren", active: true }, "author", chain)).toBeNull();
    expect(whyNotAskable({ id: "author", name: "Ann", active: true }, "author", chain)).toBe("You cannot endorse your own packet");
    expect(whyNotAskable({ id: "director", name: "Dee", active: true }, "author", chain)).toMatch(/^Dee is one of your managers/);
    expect(whyNotAskable({ id: "gone", name: "Gus", active: false }, "author", chain)).toBe("Gus is no longer active");
  });
});

describe("staleness: an answer belongs to the words it was given to", () => {
  it("is current while the case's wording count is the one it was given to, and earlier once the author edits the cell", () => {
    expect(answerFreshness(3, 3)).toBe("current");
    expect(answerFreshness(3, 4)).toBe("earlier");
  });
  it("a pending request on a closed packet reads as not answered before it closed", () => {
    expect(requestState("pending", "submitted")).toBe("pending");
    expect(requestState("pending", "withdrawn")).toBe("closed");
    expect(requestState("answered", "approved")).toBe("answered");
  });
});

describe("an answer", () => {
  it("needs at least one cell answered, and a comment on every question", () => {
    expect(answerProblems([{ cell: "a.b", stance: null, comment: "" }])).toEqual({ fieldErrors: {}, message: "Endorse or question at least one cell, or decline the request." });
    expect(answerProblems([{ cell: "a.b", stance: "question", comment: "  " }])).toEqual({ fieldErrors: { "a.b": ["Say what you question about this claim"] } });
    expect(answerProblems([{ cell: "a.b", stance: "endorse", comment: "" }])).toBeNull();
  });
  it("is summed up for the author in words", () => {
    expect(answerSummary([{ stance: "endorse" }, { stance: "endorse" }, { stance: "question" }])).toBe("endorsed 2 cells and questioned 1 cell");
    expect(answerSummary([{ stance: null }])).toBe("answered no cell");
  });
});
