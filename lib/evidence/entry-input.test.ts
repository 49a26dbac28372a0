import { describe, expect, it } from "vitest";
import { evidenceFields, futureDateProblem } from "./entry-input";

describe("evidence entry input", () => {
  it("reads links one per line and cells as CellRef ids", () => {
    const parsed = evidenceFields.parse({ title: " Shipped search ", occurredOn: "2026-02-03", description: "**Big**", links: "https://a.example/1\n\n https://b.example/2 ", cells: "technical.complexity,leadership.multiplier" });
    expect(parsed).toEqual({ title: "Shipped search", occurredOn: "2026-02-03", description: "**Big**", links: ["https://a.example/1", "https://b.example/2"], cells: [{ competencyKey: "technical", themeKey: "complexity" }, { competencyKey: "leadership", themeKey: "multiplier" }] });
  });

  it.each([
    [{ links: "javascript:alert(1)" }, "links"],
    [{ links: "ftp://x.example" }, "links"],
    [{ cells: "" }, "cells"],
    [{ cells: "Values/complexity" }, "cells"],
    [{ occurredOn: "2026-02-30" }, "occurredOn"],
    [{ title: "  " }, "title"],
  ])("refuses %j beside %s", (change, field) => {
    const result = evidenceFields.safeParse({ title: "t", occurredOn: "2026-02-03", description: "", links: "", cells: "values.complexity", ...change });
    expect(result.success).toBe(false);
    expect(result.error!.issues[0]!.path[0]).toBe(field);
  });

  it("refuses wins dated after today", () => {
    expect(futureDateProblem("2026-02-04", "2026-02-03")).toMatch(/future/);
    expect(futureDateProblem("2026-02-03", "2026-02-03")).toBeNull();
  });
});
