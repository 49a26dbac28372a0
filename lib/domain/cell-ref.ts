/*
 * A framework cell by its stable keys, which outlive every version's wording.
 * One text form for URLs, form values, map keys and anchors:
 *   "competency.theme", or "level.competency.theme" where the level matters.
 * Keys are lower-case letters, digits and dashes (lib/framework/format.ts), so
 * a dot never occurs inside one and the form reads back unambiguously.
 */
export type CellRef = { competencyKey: string; themeKey: string };
export type LevelCellRef = CellRef & { levelKey: string };

const KEY = /^[a-z][a-z0-9-]{0,39}$/;

export const cellId = (ref: CellRef) => `${ref.competencyKey}.${ref.themeKey}`;
export const levelCellId = (ref: LevelCellRef) => `${ref.levelKey}.${cellId(ref)}`;

/* The HTML id of a cell on a page (dots would read as CSS classes in selectors). */
export const cellAnchor = (ref: CellRef) => `cell-${ref.competencyKey}_${ref.themeKey}`;

export function parseCellId(value: unknown): CellRef | null {
  if (typeof value !== "string") return null;
  const parts = value.split(".");
  if (parts.length !== 2 || !parts.every((p) => KEY.test(p))) return null;
  return { competencyKey: parts[0]!, themeKey: parts[1]! };
}

export function parseLevelCellId(value: unknown): LevelCellRef | null {
  if (typeof value !== "string") return null;
  const dot = value.indexOf(".");
  const levelKey = value.slice(0, dot);
  const cell = dot > 0 && KEY.test(levelKey) ? parseCellId(value.slice(dot + 1)) : null;
  return cell ? { levelKey, ...cell } : null;
}

export const sameCell = (a: CellRef, b: CellRef) => a.competencyKey === b.competencyKey && a.themeKey === b.themeKey;
