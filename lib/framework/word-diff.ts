/*
 * Word-level difference between two texts, for "what changes between these
 * levels". Longest common subsequence over words (cell texts are a few dozen
 * words, so the quadratic table is tiny). Whitespace is kept with the word
 * before it so the pieces join back into the original texts.
 */
export type DiffPart = { kind: "same" | "added" | "removed"; text: string };

function tokens(text: string): string[] {
  return text.match(/\S+\s*/g) ?? [];
}

const normal = (token: string) => token.trim().toLowerCase().replace(/[.,;:!?]+$/, "");

export function wordDiff(before: string, after: string): DiffPart[] {
  const a = tokens(before);
  const b = tokens(after);
  const table: number[][] = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
  for (let i = a.length - 1; i >= 0; i--) {
    for (let j = b.length - 1; j >= 0; j--) {
      table[i]![j] = normal(a[i]!) === normal(b[j]!) ? table[i + 1]![j + 1]! + 1 : Math.max(table[i + 1]![j]!, table[i]![j + 1]!);
    }
  }
  const parts: DiffPart[] = [];
  const push = (kind: DiffPart["kind"], text: string) => {
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else parts.push({ kind, text });
  };
  let i = 0;
  let j = 0;
  while (i < a.length && j < b.length) {
    if (normal(a[i]!) === normal(b[j]!)) {
      push("same", b[j]!);
      i++;
      j++;
    } else if (table[i + 1]![j]! >= table[i]![j + 1]!) {
      push("removed", a[i++]!);
    } else {
      push("added", b[j++]!);
    }
  }
  while (i < a.length) push("removed", a[i++]!);
  while (j < b.length) push("added", b[j++]!);
  return parts;
}

/* Share of the target text that is new, 0..1: how much a cell changes. */
export function changeRatio(parts: DiffPart[]): number {
  const total = parts.filter((p) => p.kind !== "removed").reduce((n, p) => n + tokens(p.text).length, 0);
  const added = parts.filter((p) => p.kind === "added").reduce((n, p) => n + tokens(p.text).length, 0);
  return total === 0 ? 0 : added / total;
}
