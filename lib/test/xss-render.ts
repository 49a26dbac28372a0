import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { expect } from "vitest";
import { Markdown } from "@/components/markdown";
import { readHtml } from "./inert-html";

/*
 * How the stored-XSS tests judge a value read back from the database: render
 * it the way its page does (Markdown, or React text) and read the markup
 * strictly (lib/test/inert-html.ts). Text must come back exactly as typed.
 */
export const MARKDOWN_TAGS = new Set(["div", "p", "em", "strong", "ul", "ol", "li", "a", "code", "pre", "blockquote", "br", "del", "span"]);

export function expectInert(kind: "markdown" | "text", value: string) {
  const html = kind === "markdown" ? renderToStaticMarkup(createElement(Markdown, null, value)) : renderToStaticMarkup(createElement("p", null, value));
  const reading = readHtml(html, kind === "markdown" ? MARKDOWN_TAGS : new Set(["p"]));
  expect(reading.problems, value).toEqual([]);
  if (kind === "text") expect(reading.text, value).toBe(value);
}

/* A DAL Result that must have succeeded (the refusal shown when it did not). */
export const ok = <T extends { ok: boolean }>(result: T) => {
  expect(result, JSON.stringify(result)).toMatchObject({ ok: true });
  return result;
};
