import type { FrameworkStructure } from "@/lib/dal/framework";
import { cellId } from "@/lib/domain/cell-ref";

/* The nine cells of the framework as form options, labelled by theme and grouped by competency. */
export function cellOptions(structure: FrameworkStructure | null) {
  if (!structure) return [];
  return structure.competencies.flatMap((c) => structure.themes.map((t) => ({ id: cellId({ competencyKey: c.key, themeKey: t.key }), label: t.name, group: c.name, name: `${c.name} · ${t.name}` })));
}
