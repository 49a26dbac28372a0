import { KEY_PATTERN } from "./format";

/*
 * Rules of the framework editor, with no database: how a new competency,
 * theme, track or level gets its stable key, how a cell's example list is
 * typed, and the stamp that tells a publish apart from a draft that moved on.
 */

/* A stable key from a name or code ("Sphere of influence" -> "sphere-of-influence"), unique among `taken`. */
export function keyFrom(text: string, taken: ReadonlySet<string>, fallback = "item"): string {
  const slug = text
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .replace(/^[^a-z]+/, "")
    .slice(0, 32)
    .replace(/-+$/, "");
  const base = slug || fallback;
  if (!taken.has(base)) return base;
  for (let n = 2; ; n++) {
    const candidate = `${base}-${n}`;
    if (!taken.has(candidate) && KEY_PATTERN.test(candidate)) return candidate;
  }
}

/* Examples are typed one per line; blank lines are dropped. */
export function examplesFrom(text: string): string[] {
  return text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
}

/*
 * What a publish is checked against: the draft's structure revision and the
 * sum of its cells' revisions. Any save since the preview was loaded changes
 * it, so nobody publishes text they have not seen.
 */
export function publishStamp(revision: number, cellRevisions: number): string {
  return `${revision}.${cellRevisions}`;
}

/* Swaps an item with its neighbour; null when it is already at that end. */
export function moved<T>(items: readonly T[], index: number, direction: "up" | "down"): T[] | null {
  const other = direction === "up" ? index - 1 : index + 1;
  if (index < 0 || other < 0 || other >= items.length) return null;
  const next = [...items];
  [next[index], next[other]] = [next[other]!, next[index]!];
  return next;
}

/* "3 people", "1 person": counts in the words a refusal uses. */
export function counted(n: number, one: string, many: string): string {
  return `${n} ${n === 1 ? one : many}`;
}

/* Up to `shown` names, then "and N more". */
export function someOf(names: string[], shown = 5): string {
  if (names.length <= shown) return names.join(", ");
  return `${names.slice(0, shown).join(", ")} and ${names.length - shown} more`;
}
