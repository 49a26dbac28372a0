import ReactMarkdown, { defaultUrlTransform } from "react-markdown";

/*
 * User-written text as sanitised Markdown: raw HTML in the source is dropped
 * (never parsed into the page), links keep only http(s) and mailto targets,
 * images are not rendered, and headings shrink to paragraphs so a note cannot
 * restructure the page around it.
 */
const ALLOWED = ["p", "em", "strong", "ul", "ol", "li", "a", "code", "pre", "blockquote", "br", "del"];

function safeUrl(url: string) {
  const transformed = defaultUrlTransform(url);
  return /^(https?:|mailto:)/i.test(transformed) ? transformed : "";
}

export function Markdown({ children, className = "" }: { children: string; className?: string }) {
  return (
    <div className={`prose-trellis ${className}`}>
      <ReactMarkdown
        skipHtml
        allowedElements={ALLOWED}
        unwrapDisallowed
        urlTransform={safeUrl}
        components={{ a: ({ href, children: text }) => (href ? <a href={href} rel="noopener noreferrer nofollow" target="_blank">{text}</a> : <span>{text}</span>) }}
      >
        {children}
      </ReactMarkdown>
    </div>
  );
}
