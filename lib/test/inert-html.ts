/*
 * Reads HTML that React rendered (renderToStaticMarkup) and lists what could
 * run script: a tag outside the allowed set, an event-handler or style
 * attribute, a URL attribute whose target is not http(s) or mailto, or a "<"
 * that does not start a well-formed tag. React escapes "<", ">" and quotes in
 * text and attribute values, so in its output every "<" opens a real tag and
 * this strict reading sees exactly what a browser would build.
 */
export type Element = { tag: string; attributes: Record<string, string> };
export type Reading = { problems: string[]; elements: Element[]; text: string };

const TAG = /<(\/?)([a-z][a-z0-9-]*)((?:\s+[^\s"'>/=]+(?:="[^"]*")?)*)\s*(\/?)>/y;
const ATTRIBUTE = /([^\s"'>/=]+)(?:="([^"]*)")?/g;
const URL_ATTRIBUTES = new Set(["href", "src", "action", "formaction", "xlink:href", "data", "background", "poster", "srcdoc", "srcset", "ping", "cite"]);
const SAFE_URL = /^(https?:|mailto:)/i;

export function decodeEntities(value: string): string {
  return value
    .replace(/&#x([0-9a-f]+);/gi, (_, hex: string) => String.fromCodePoint(parseInt(hex, 16)))
    .replace(/&#(\d+);/g, (_, dec: string) => String.fromCodePoint(Number(dec)))
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, "&");
}

export function readHtml(html: string, allowedTags: ReadonlySet<string>): Reading {
  const problems: string[] = [];
  const elements: Element[] = [];
  let text = "";
  let at = 0;
  while (at < html.length) {
    const next = html.indexOf("<", at);
    const chunk = html.slice(at, next === -1 ? html.length : next);
    if (chunk.includes(">")) problems.push(`unescaped ">" in text: ${chunk.slice(0, 60)}`);
    text += decodeEntities(chunk);
    if (next === -1) break;
    TAG.lastIndex = next;
    const match = TAG.exec(html);
    if (!match) {
      problems.push(`a "<" that is not a tag: ${html.slice(next, next + 60)}`);
      break;
    }
    at = TAG.lastIndex;
    const [, closing, tag, rawAttributes] = match;
    if (!allowedTags.has(tag!)) problems.push(`<${tag}> is not allowed`);
    if (closing) continue;
    const attributes: Record<string, string> = {};
    for (const [, name, value = ""] of rawAttributes!.matchAll(ATTRIBUTE)) attributes[name!.toLowerCase()] = decodeEntities(value);
    for (const [name, value] of Object.entries(attributes)) {
      if (name.startsWith("on")) problems.push(`<${tag} ${name}> runs script`);
      if (name === "style") problems.push(`<${tag} style> is not allowed`);
      // Browsers ignore control characters and spaces around a URL, so "java\tscript:" is still a script URL: judge what they see.
      if (URL_ATTRIBUTES.has(name) && !SAFE_URL.test(value.replace(/[\u0000-\u0020\u007f-\u009f]/g, ""))) problems.push(`<${tag} ${name}="${value.slice(0, 60)}"> is not an http(s) or mailto link`);
    }
    elements.push({ tag: tag!, attributes });
  }
  return { problems, elements, text };
}
