import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { Markdown } from "./markdown";

const render = (text: string) => renderToStaticMarkup(createElement(Markdown, null, text));

describe("Markdown", () => {
  it("renders emphasis, lists and safe links", () => {
    const html = render("Led the **migration**:\n\n- one\n- two\n\n[RFC](https://example.com/rfc)");
    expect(html).toContain("<strong>migration</strong>");
    expect(html).toContain("<li>one</li>");
    expect(html).toContain('<a href="https://example.com/rfc" rel="noopener noreferrer nofollow" target="_blank">RFC</a>');
  });

  it("never lets raw HTML or script URLs through", () => {
    const html = render('<script>alert(1)</script><img src=x onerror="alert(2)">\n\nText with <b>inline</b> HTML and [click](javascript:alert(3))');
    expect(html).not.toMatch(/<script|<img|onerror|javascript:|<b>/i);
    expect(html).toContain("Text with inline HTML and <span>click</span>");
  });

  it("flattens headings and drops images", () => {
    const html = render("# Big heading\n\n![pic](https://example.com/a.png)");
    expect(html).not.toMatch(/<h1|<img/);
    expect(html).toContain("Big heading");
  });
});
