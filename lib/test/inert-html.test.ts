import { describe, expect, it } from "vitest";
import { readHtml } from "./inert-html";

const ALLOWED = new Set(["p", "a", "span"]);

/* The reader the XSS corpus relies on must see what a browser would run. */
describe("readHtml", () => {
  it("passes plain, escaped output and reads its text and links back", () => {
    const reading = readHtml('<p>Tom &amp; <span>&lt;b&gt;</span> <a href="https://example.com/?a=1&amp;b=2">x</a></p>', ALLOWED);
    expect(reading.problems).toEqual([]);
    expect(reading.text).toBe("Tom & <b> x");
    expect(reading.elements[2]).toEqual({ tag: "a", attributes: { href: "https://example.com/?a=1&b=2" } });
  });

  it.each([
    ['<p><script>alert(1)</script></p>', /<script> is not allowed/],
    ['<p onclick="alert(1)">x</p>', /runs script/],
    ['<span style="background:url(x)">x</span>', /style> is not allowed/],
    ['<a href="javascript:alert(1)">x</a>', /not an http\(s\) or mailto link/],
    ['<a href="java&#x09;script:alert(1)">x</a>', /not an http\(s\) or mailto link/],
    ['<a href=" &#106;avascript:alert(1)">x</a>', /not an http\(s\) or mailto link/],
    ["<p>1 < 2</p>", /not a tag/],
    ["<p>a > b</p>", /unescaped ">"/],
    ["<p><img src=x onerror=alert(1)></p>", /not a tag|not allowed/],
  ])("flags %s", (html, problem) => {
    expect(readHtml(html, ALLOWED).problems.join("\n")).toMatch(problem);
  });
});
