import type { FrameworkStructure } from "@/lib/dal/framework";
import { cellId } from "@/lib/domain/cell-ref";

/* Every cell of the current framework, whatever its shape, as form options: labelled by theme and grouped by competency. */
export function cellOptions(structure: FrameworkStructure | null) {
  if (!structure) return [];
  return structure.competencies.flatMap((c) => structure.themes.map((t) => ({ id: cellId({ competencyKey: c.key, themeKey: t.key }), label: t.name, group: c.name, name: `${c.name} · ${t.name}` })));
}

/* The current framework's rows and columns, for the cell checklist. */
export function matrixOf(structure: FrameworkStructure | null) {
  return { competencies: structure?.competencies ?? [], themes: structure?.themes ?? [] };
}
