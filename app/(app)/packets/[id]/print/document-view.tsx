import { Markdown } from "@/components/markdown";
import type { DocBlock, DocFact, PacketDocument } from "@/lib/packets/document";

/*
 * A packet document (lib/packets/document.ts) as a page that reads like the
 * finished paper: the title and its facts, then each section. The PDF draws
 * the same document (lib/pdf/packet-pdf.ts), so both hold the same words.
 */
export function DocumentView({ document, printedOn }: { document: PacketDocument; printedOn: string }) {
  return (
    <article className="packet-document mx-auto max-w-3xl rounded-lg border border-stone-200 bg-white px-5 py-6 shadow-xs sm:px-10 sm:py-10" data-testid="packet-document">
      <header className="border-b border-stone-300 pb-5">
        <p className="text-xs font-semibold uppercase tracking-wide text-stone-600">Promotion packet</p>
        <h1 className="mt-1 text-2xl font-semibold tracking-tight text-stone-900">{document.title}</h1>
        <Facts items={document.facts} className="mt-4" />
      </header>
      {document.sections.map((section) => (
        <section key={section.id} id={section.id} aria-labelledby={`${section.id}-title`} className="doc-section border-b border-stone-200 py-5 last:border-b-0" data-testid="document-section">
          <h2 id={`${section.id}-title`} className="doc-heading text-lg font-semibold text-stone-900">
            {section.title}
          </h2>
          {section.audience ? <p className="text-xs text-stone-600">Visible to: {section.audience}</p> : null}
          <div className="mt-3 space-y-3">
            {section.blocks.map((block, i) => (
              <Block key={i} block={block} />
            ))}
          </div>
        </section>
      ))}
      <footer className="pt-5 text-xs text-stone-600">Printed from Trellis on {printedOn}.</footer>
    </article>
  );
}

function Facts({ items, className = "" }: { items: DocFact[]; className?: string }) {
  return (
    <dl className={`grid gap-x-4 gap-y-1 text-sm sm:grid-cols-[max-content_1fr] ${className}`}>
      {items.map((f) => (
        <div key={f.label} className="contents">
          <dt className="font-semibold text-stone-800">{f.label}</dt>
          <dd className="mb-1 break-words text-stone-900 sm:mb-0">{f.value}</dd>
        </div>
      ))}
    </dl>
  );
}

function Block({ block }: { block: DocBlock }) {
  switch (block.kind) {
    case "markdown":
      return block.text.trim() ? <Markdown className="break-words text-sm text-stone-900">{block.text}</Markdown> : block.empty ? <p className="text-sm italic text-stone-600">{block.empty}</p> : null;
    case "facts":
      return <Facts items={block.items} />;
    case "list":
      return (
        <div className="text-sm">
          <p className="font-semibold text-stone-800">{block.label}</p>
          <ul className="mt-1 list-disc space-y-0.5 pl-5 text-stone-900">
            {block.items.map((item, i) => (
              <li key={i} className="break-words">
                {item}
              </li>
            ))}
          </ul>
        </div>
      );
    case "note":
      return <p className="text-xs text-stone-600">{block.text}</p>;
    case "group":
      return (
        <div className="doc-group border-l-2 border-stone-200 pl-4">
          <h3 className="text-sm font-semibold text-stone-900">{block.title}</h3>
          <div className="mt-1 space-y-2">
            {block.blocks.map((inner, i) => (
              <Block key={i} block={inner} />
            ))}
          </div>
        </div>
      );
    case "events":
      return (
        <ol className="space-y-3">
          {block.items.map((e, i) => (
            <li key={i} className="doc-group text-sm">
              <p className="font-semibold text-stone-900">{e.title}</p>
              <p className="text-xs text-stone-600">{e.when}</p>
              {e.note ? <Markdown className="mt-1 break-words text-stone-800">{e.note}</Markdown> : null}
            </li>
          ))}
        </ol>
      );
  }
}
