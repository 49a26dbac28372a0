import fs from "node:fs";
import path from "node:path";
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { readHtml } from "@/lib/test/inert-html";
import { XSS_PAYLOADS } from "@/lib/test/xss-corpus";
import { Markdown } from "./markdown";

/*
 * The stored-XSS corpus (security/xss-payloads.json) through both ways Trellis
 * shows what people typed: Markdown fields through components/markdown.tsx,
 * and every other text field as React text or an attribute value. Each
 * rendering must hold no script: no tag outside Markdown's few, no on*
 * handler, no style, no link but http(s) and mailto. lib/dal/xss-fields.test.ts
 * stores the corpus in each field first; e2e/xss.spec.ts shows a few in a browser.
 */
const PAYLOADS = XSS_PAYLOADS;
const MARKDOWN_TAGS = new Set(["div", "p", "em", "strong", "ul", "ol", "li", "a", "code", "pre", "blockquote", "br", "del", "span"]);

describe("the stored-XSS corpus", () => {
  it("holds a few hundred distinct payloads", () => {
    expect(new Set(PAYLOADS).size).toBe(PAYLOADS.length);
    expect(PAYLOADS.length).toBeGreaterThanOrEqual(300);
  });

  it("renders inert as Markdown, every one", () => {
    const failures = PAYLOADS.flatMap((payload) => {
      const { problems } = readHtml(renderToStaticMarkup(createElement(Markdown, null, payload)), MARKDOWN_TAGS);
      return problems.map((problem) => ({ payload, problem }));
    });
    expect(failures).toEqual([]);
  });

  it("keeps the links Markdown may have, and only those", () => {
    const { elements } = readHtml(renderToStaticMarkup(createElement(Markdown, null, "[docs](https://example.com/a) and [mail](mailto:a@example.com) and [bad](javascript:alert(1))")), MARKDOWN_TAGS);
    expect(elements.filter((e) => e.tag === "a").map((e) => e.attributes.href)).toEqual(["https://example.com/a", "mailto:a@example.com"]);
  });

  it.each([
    ["a paragraph's text", (v: string) => createElement("p", null, v), "p"],
    ["a heading's text", (v: string) => createElement("h1", null, v), "h1"],
    ["a table cell", (v: string) => createElement("td", null, "Name: ", v), "td"],
  ])("shows every payload as plain text in %s, exactly as typed", (_, render, tag) => {
    for (const payload of PAYLOADS) {
      const reading = readHtml(renderToStaticMarkup(render(payload)), new Set([tag]));
      expect(reading.problems, payload).toEqual([]);
      expect(reading.elements, payload).toHaveLength(1);
      expect(reading.text.endsWith(payload), payload).toBe(true);
    }
  });

  it.each([
    ["a field's typed value", (v: string) => createElement("input", { defaultValue: v, "aria-label": "Title" }), "input", "value"],
    ["a title attribute", (v: string) => createElement("abbr", { title: v }, "i"), "abbr", "title"],
  ])("keeps every payload inside %s", (_, render, tag, attribute) => {
    for (const payload of PAYLOADS) {
      const reading = readHtml(renderToStaticMarkup(render(payload)), new Set([tag]));
      expect(reading.problems, payload).toEqual([]);
      expect(reading.elements, payload).toHaveLength(1);
      expect(reading.elements[0]!.attributes[attribute], payload).toBe(payload);
    }
  });

  it("is never rendered as raw HTML: no component or page sets innerHTML", () => {
    const sources = ["app", "components"].flatMap((dir) => fs.readdirSync(dir, { recursive: true, encoding: "utf8" }).filter((f) => /\.tsx?$/.test(f) && !f.endsWith(".test.ts")).map((f) => path.join(dir, f)));
    expect(sources.length).toBeGreaterThan(50);
    expect(sources.filter((file) => /dangerouslySetInnerHTML|\.innerHTML\s*=|insertAdjacentHTML|document\.write/.test(fs.readFileSync(file, "utf8")))).toEqual([]);
  });
});
