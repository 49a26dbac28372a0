import { describe, expect, it } from "vitest";
import { changeRatio, wordDiff } from "./word-diff";

const join = (parts: ReturnType<typeof wordDiff>, keep: "before" | "after") =>
  parts
    .filter((p) => p.kind === "same" || p.kind === (keep === "before" ? "removed" : "added"))
    .map((p) => p.text)
    .join("");

describe("wordDiff", () => {
  it("marks the words that change and keeps the rest", () => {
    expect(wordDiff("Works with their own team daily", "Works with the whole pod daily")).toEqual([
      { kind: "same", text: "Works with " },
      { kind: "removed", text: "their own team " },
      { kind: "added", text: "the whole pod " },
      { kind: "same", text: "daily" },
    ]);
  });

  it("rebuilds both texts exactly from its parts", () => {
    const before = "Delivers well-defined tasks, asking for help early.";
    const after = "Delivers ambiguous multi-team projects, and helps others early.";
    const parts = wordDiff(before, after);
    expect(join(parts, "before")).toBe(before);
    expect(join(parts, "after")).toBe(after);
  });

  it("ignores case and trailing punctuation when matching words", () => {
    expect(wordDiff("Owns the service.", "owns the service and its roadmap").filter((p) => p.kind === "removed")).toEqual([]);
  });

  it("handles identical and empty texts", () => {
    expect(wordDiff("same words here", "same words here")).toEqual([{ kind: "same", text: "same words here" }]);
    expect(wordDiff("", "new text")).toEqual([{ kind: "added", text: "new text" }]);
    expect(wordDiff("old text", "")).toEqual([{ kind: "removed", text: "old text" }]);
  });

  it("measures how much of the new text is new", () => {
    expect(changeRatio(wordDiff("a b c d", "a b c d"))).toBe(0);
    expect(changeRatio(wordDiff("a b", "x y"))).toBe(1);
    expect(changeRatio(wordDiff("a b c d", "a b x y"))).toBe(0.5);
  });
});
