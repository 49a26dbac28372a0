import type { ReactNode } from "react";
import { Markdown } from "@/components/markdown";
import { Card, CardHeader } from "@/components/ui/card";
import type { Cited } from "@/components/evidence/cited-evidence";
import { CaseView, ManagerView, type ManagerCellView } from "./packet-parts";

type Cell = { id: string; anchor: string; name: string; text: string; citations: string[] };

/* The packet read as a document: the summary, then each cell's case beside the manager's part (where the reader may see it) and what it is written against. */
export function PacketCells(props: { summary: string; audience: string; cells: Cell[]; cited: Cited; manager: { cells: ManagerCellView[]; author: string | null } | null; managerNote: string | null; context: Record<string, ReactNode> }) {
  const managerOf = new Map((props.manager?.cells ?? []).map((c) => [c.cell, c]));
  return (
    <div className="space-y-4">
      <Card>
        <CardHeader id="summary-title" title="Summary" description={`Visible to: ${props.audience}`} />
        <div className="px-5 py-4">{props.summary ? <Markdown className="break-words text-sm text-stone-900">{props.summary}</Markdown> : <p className="text-sm text-stone-600">No summary written yet.</p>}</div>
      </Card>
      {props.managerNote ? <p className="text-sm text-stone-700">{props.managerNote}</p> : null}
      {props.cells.map((cell) => (
        <Card key={cell.id}>
          <section id={cell.anchor} aria-labelledby={`${cell.anchor}-title`} className="scroll-mt-20" data-testid="packet-cell">
            <h2 id={`${cell.anchor}-title`} className="border-b border-stone-200 px-5 py-3 text-base font-semibold text-stone-900">
              {cell.name}
            </h2>
            <div className="grid gap-5 px-5 py-4 md:grid-cols-2">
              <div className="min-w-0 space-y-4">
                <div>
                  <p className="mb-1 text-sm font-medium text-stone-800">The case</p>
                  <CaseView text={cell.text} citations={cell.citations} cited={props.cited} />
                </div>
                {props.manager ? <ManagerView cell={managerOf.get(cell.id)} by={props.manager.author} heading="Manager's rating" /> : null}
              </div>
              <div className="min-w-0 border-t border-stone-200 pt-4 md:border-l md:border-t-0 md:pl-5 md:pt-0">{props.context[cell.id]}</div>
            </div>
          </section>
        </Card>
      ))}
    </div>
  );
}
