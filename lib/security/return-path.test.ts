import { describe, expect, it } from "vitest";
import { HOSTILE_RETURN_PATHS, isLocalPath } from "@/lib/test/hostile-return-paths";
import { safeRedirectUrl, safeReturnPath } from "./return-path";

const SITE = "https://trellis.test";

describe("safeReturnPath", () => {
  it.each(["/", "/account", "/framework?level=ic2&cell=values.influence#cell-values-influence", "/people/abc"])("keeps a path on this site: %s", (path) => {
    expect(safeReturnPath(path)).toBe(path);
  });

  it.each(HOSTILE_RETURN_PATHS)("never returns an address off the site: %j", (value) => {
    const result = safeReturnPath(value);
    expect(isLocalPath(result)).toBe(true);
    // Resolved the way a browser resolves a Location header.
    expect(new URL(result, `${SITE}/signin`).origin).toBe(SITE);
  });

  it.each(["/.//evil.example/x", "/%2e//evil.example/x", "/a/..//evil.example/x", "//evil.example", "/\\evil.example", "https://evil.example/phish"])(
    "falls back to the home page for %j",
    (value) => {
      expect(safeReturnPath(value)).toBe("/");
    },
  );

  it.each([null, 42, undefined, "", "evil.example", "/".padEnd(2001, "a")])("refuses anything that is not a short path: %j", (value) => {
    expect(safeReturnPath(value)).toBe("/");
  });

  it("normalises dot segments without leaving the site", () => {
    expect(safeReturnPath("/a/../../b")).toBe("/b");
  });
});

describe("safeRedirectUrl", () => {
  it.each([
    ["/account", `${SITE}/account`],
    [`${SITE}/people/abc?x=1`, `${SITE}/people/abc?x=1`],
    [`${SITE}//evil.example/x`, `${SITE}/`],
    [`${SITE}.evil.example/x`, `${SITE}/`],
    [`${SITE}@evil.example/x`, `${SITE}/`],
    ["https://evil.example/phish", `${SITE}/`],
  ])("answers %j with %j", (url, expected) => {
    expect(safeRedirectUrl(url, SITE)).toBe(expected);
  });

  it.each(HOSTILE_RETURN_PATHS)("keeps Auth.js's redirects on the site: %j", (value) => {
    const result = safeRedirectUrl(value, SITE);
    expect(new URL(result).origin).toBe(SITE);
    expect(isLocalPath(result.slice(SITE.length))).toBe(true);
  });
});
