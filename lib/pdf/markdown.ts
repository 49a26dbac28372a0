import type { Nodes, PhrasingContent, RootContent } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";

/*
 * User-written Markdown as paragraphs of styled runs, for the PDF. The same
 * rules as components/markdown.tsx: raw HTML is dropped, images are not
 * drawn, headings read as plain bold paragraphs, and a link keeps its target
 * only when it is http(s) or mailto.
 */
export type Run = { text: string; bold?: boolean; italic?: boolean; code?: boolean; link?: string };
export type Paragraph = { kind: "text" | "quote" | "code"; runs: Run[]; indent: number; marker?: string };

const SAFE_LINK = /^(https?:|mailto:)/i;
type Style = Omit<Run, "text">;

function runsOf(nodes: PhrasingContent[], style: Style = {}): Run[] {
  return nodes.flatMap((node): Run[] => {
    switch (node.type) {
      case "text":
        return [{ ...style, text: node.value.replace(/\s*\n\s*/g, " ") }];
      case "emphasis":
        return runsOf(node.children, { ...style, italic: true });
      case "strong":
        return runsOf(node.children, { ...style, bold: true });
      case "delete":
        return runsOf(node.children, style);
      case "inlineCode":
        return [{ ...style, code: true, text: node.value }];
      case "link":
        return runsOf(node.children, SAFE_LINK.test(node.url) ? { ...style, link: node.url } : style);
      case "break":
        return [{ ...style, text: "\n" }];
      default:
        // html, images and footnote references carry nothing a reader should get from a PDF.
        return [];
    }
  });
}

function paragraphsOf(nodes: RootContent[], indent: number, quote: boolean): Paragraph[] {
  const kind = quote ? "quote" : "text";
  return nodes.flatMap((node): Paragraph[] => {
    switch (node.type) {
      case "paragraph":
        return [{ kind, runs: runsOf(node.children), indent }];
      case "heading":
        return [{ kind, runs: runsOf(node.children, { bold: true }), indent }];
      case "code":
        return [{ kind: "code", runs: [{ text: node.value, code: true }], indent }];
      case "blockquote":
        return paragraphsOf(node.children, indent, true);
      case "list":
        return node.children.flatMap((item, i) => {
          const [first, ...rest] = paragraphsOf(item.children, indent + 1, quote);
          const marker = node.ordered ? `${(node.start ?? 1) + i}.` : "•";
          return first ? [{ ...first, marker }, ...rest] : [{ kind, runs: [], indent: indent + 1, marker }];
        });
      case "thematicBreak":
        return [{ kind, runs: [{ text: "—" }], indent }];
      default:
        return [];
    }
  }).filter((p) => p.marker || p.runs.some((r) => r.text.trim()));
}

export function markdownParagraphs(source: string): Paragraph[] {
  const root: Nodes = fromMarkdown(source);
  return root.type === "root" ? paragraphsOf(root.children, 0, false) : [];
}

/* The text a reader gets from the paragraphs, for tests. */
export const paragraphsText = (paragraphs: Paragraph[]) => paragraphs.map((p) => `${p.marker ? `${p.marker} ` : ""}${p.runs.map((r) => r.text).join("")}`).join("\n");
