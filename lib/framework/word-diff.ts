import { diffArrays } from "diff";

/*
 * Word-level difference between two texts, for "what changes between these
 * levels": jsdiff's Myers diff over words. Whitespace is kept with the word
 * before it so the pieces join back into the original texts; words match
 * regardless of case and trailing punctuation.
 */
export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

function tokens(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [];
}

const normal = (token: string) => token.trim().toLowerCase().replace(/[.,;:!?]+$/, "");

export function wordDiff(before: string, after: string): DiffPart[] {
  const changes = diffArrays(tokens(before), tokens(after), { comparator: (a, b) => normal(a) === normal(b) });
  const parts: DiffPart[] = [];
  for (const change of changes) {
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    const text = change.value.join("");
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  }
  return parts;
}

/* Share of the target text that is new, 0..1: how much a cell changes. */
export function changeRatio(parts: DiffPart[]): number {
  const total = parts.filter((p) => p.kind !== "removed").reduce((n, p) => n + tokens(p.text).length, 0);
  const added = parts.filter((p) => p.kind === "added").reduce((n, p) => n + tokens(p.text).length, 0);
  return total === 0 ? 0 : added / total;
}
