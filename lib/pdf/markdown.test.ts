import { describe, expect, it } from "vitest";
import { markdownParagraphs, paragraphsText } from "./markdown";

describe("Markdown for the PDF", () => {
  it("keeps the words and their emphasis, lists with their markers, and safe link targets only", () => {
    const paragraphs = markdownParagraphs("Led **the** _migration_ `fast`.\n\n1. one\n2. two\n   - nested\n\n> quoted\n\n[ok](https://example.com) [bad](javascript:alert(1))");
    expect(paragraphsText(paragraphs)).toBe("Led the migration fast.\n1. one\n2. two\n• nested\nquoted\nok bad");
    expect(paragraphs[0]!.runs).toEqual([{ text: "Led " }, { text: "the", bold: true }, { text: " " }, { text: "migration", italic: true }, { text: " " }, { text: "fast", code: true }, { text: "." }]);
    expect(paragraphs.map((p) => [p.kind, p.indent])).toEqual([["text", 0], ["text", 1], ["text", 1], ["text", 2], ["quote", 0], ["text", 0]]);
    expect(paragraphs.at(-1)!.runs).toEqual([{ text: "ok", link: "https://example.com" }, { text: " " }, { text: "bad" }]);
  });

  it("drops raw HTML and images, as the page's Markdown does", () => {
    expect(paragraphsText(markdownParagraphs('<script>alert(1)</script>\n\nText ![alt](https://example.com/x.png) <b>bold</b> end'))).toBe("Text  bold end");
  });

  it("has nothing to draw for empty text", () => {
    expect(markdownParagraphs("")).toEqual([]);
    expect(markdownParagraphs("   \n\n")).toEqual([]);
  });
});
