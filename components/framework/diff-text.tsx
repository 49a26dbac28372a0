import type { DiffPart } from "@/lib/framework/word-diff";

/*
 * Renders a word diff: the "to" side marks added words, the "from" side marks
 * removed ones, and "both" shows the two inline (version diffs). <ins>/<del> carry the meaning; the hidden labels
 * make it audible, since most screen readers do not announce those elements.
 */
export function DiffText({ parts, side }: { parts: DiffPart[]; side: "from" | "to" | "both" }) {
  return (
    <>
      {parts.map((part, i) => {
        if (part.kind === "same") return <span key={i}>{part.text}</span>;
        if (side !== "from" && part.kind === "added") {
          return (
            <ins key={i} className="rounded-sm bg-brand-100 px-0.5 text-brand-900 no-underline decoration-brand-600 print:underline">
              <span className="sr-only">[new: </span>
              {part.text.trimEnd()}
              <span className="sr-only">]</span>{" "}
            </ins>
          );
        }
        if (side !== "to" && part.kind === "removed") {
          return (
            <del key={i} className="rounded-sm bg-amber-100 px-0.5 text-amber-950 decoration-amber-700/70">
              <span className="sr-only">{side === "both" ? "[removed: " : "[changes: "}</span>
              {part.text.trimEnd()}
              <span className="sr-only">]</span>{" "}
            </del>
          );
        }
        return null;
      })}
    </>
  );
}
