import { describe, expect, it } from "vitest";
import { safeReturnPath } from "./return-path";

describe("safeReturnPath", () => {
  it.each(["/", "/account", "/framework?level=ic2&cell=values.influence#cell-values-influence", "/people/abc"])("keeps a path on this site: %s", (path) => {
    expect(safeReturnPath(path)).toBe(path);
  });

  it.each([
    "https://evil.example/phish",
    "//evil.example",
    "/\\evil.example",
    "/\t/evil.example",
    "/\n/evil.example",
    "/%09/evil.example".replace("%09", "\t"),
    "javascript:alert(1)",
    "evil.example",
    "",
    null,
    42,
  ])("refuses anything that could leave the site: %j", (value) => {
    expect(safeReturnPath(value)).toBe("/");
  });

  it("normalises dot segments without leaving the site", () => {
    expect(safeReturnPath("/a/../../b")).toBe("/b");
  });
});
