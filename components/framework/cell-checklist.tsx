import type { MatrixAxis } from "./matrix-grid";
import { cellId } from "@/lib/domain/cell-ref";

/*
 * Checkboxes for picking cells of the matrix, for any shape: grouped under
 * each competency with a box per theme, or, when there is one theme, a single
 * list of competencies. Every box's accessible name is the whole cell
 * ("Technical · Complexity"). The values are CellRef ids (`competency.theme`).
 */
export function CellChecklist({ competencies, themes, name, chosen }: { competencies: MatrixAxis[]; themes: MatrixAxis[]; name: string; chosen: ReadonlySet<string> }) {
  const box = (competency: MatrixAxis, theme: MatrixAxis, visible: string) => {
    const id = cellId({ competencyKey: competency.key, themeKey: theme.key });
    return (
      <label key={id} className="mt-1 flex items-start gap-2 text-sm">
        <input type="checkbox" name={name} value={id} defaultChecked={chosen.has(id)} className="mt-0.5 size-4 shrink-0" />
        <span>
          {visible === competency.name ? null : <span className="sr-only">{competency.name} · </span>}
          {visible}
          {visible === theme.name ? null : <span className="sr-only"> · {theme.name}</span>}
        </span>
      </label>
    );
  };
  if (themes.length === 1) {
    const [theme] = themes as [MatrixAxis];
    return (
      <div className="mt-2">
        <p className="text-xs font-semibold uppercase tracking-wide text-stone-600">{theme.name}</p>
        <div className="grid gap-x-4 sm:grid-cols-[repeat(auto-fill,minmax(12rem,1fr))]">{competencies.map((c) => box(c, theme, c.name))}</div>
      </div>
    );
  }
  return (
    <div className="mt-2 grid gap-3 sm:grid-cols-[repeat(auto-fill,minmax(12rem,1fr))]">
      {competencies.map((competency) => (
        <div key={competency.key}>
          <p className="text-xs font-semibold uppercase tracking-wide text-stone-600">{competency.name}</p>
          {themes.map((theme) => box(competency, theme, theme.name))}
        </div>
      ))}
    </div>
  );
}
