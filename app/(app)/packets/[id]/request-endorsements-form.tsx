"use client";

import { startTransition, useActionState, useState } from "react";
import { Button } from "@/components/ui/button";
import { FormMessage, Input, Textarea } from "@/components/ui/field";
import type { ActionState } from "@/lib/domain/result";
import { requestEndorsementsAction } from "./endorsement-actions";

type Colleague = { id: string; name: string; team: string };
type Cell = { id: string; name: string };

/*
 * Asking colleagues to endorse some of the cells: who (filtered by name), which
 * cells and a note. What was chosen stays chosen when the server refuses it.
 */
export function RequestEndorsementsForm({ packetId, colleagues, cells, audience }: { packetId: string; colleagues: Colleague[]; cells: Cell[]; audience: string }) {
  const [state, run, pending] = useActionState(requestEndorsementsAction, {} as ActionState);
  const [filter, setFilter] = useState("");
  const [endorserIds, setEndorserIds] = useState<string[]>([]);
  const [chosenCells, setChosenCells] = useState<string[]>([]);
  const [message, setMessage] = useState("");
  const toggle = (list: string[], value: string) => (list.includes(value) ? list.filter((v) => v !== value) : [...list, value]);
  const shown = colleagues.filter((c) => endorserIds.includes(c.id) || `${c.name} ${c.team}`.toLowerCase().includes(filter.trim().toLowerCase()));
  const who = state.fieldErrors?.endorserIds;
  const which = state.fieldErrors?.cells;
  const submit = (e: React.FormEvent) => {
    e.preventDefault();
    startTransition(() => run({ packetId, endorserIds, cells: chosenCells, message }));
  };
  // After each successful request the choices clear, once (React's documented way to adjust state to a new result).
  const [clearedAt, setClearedAt] = useState(0);
  if (state.ok && state.attempt && state.attempt !== clearedAt) {
    setClearedAt(state.attempt);
    setEndorserIds([]);
    setChosenCells([]);
    setMessage("");
  }
  return (
    <form onSubmit={submit} className="space-y-4 px-5 py-4" noValidate aria-labelledby="ask-title">
      <h3 id="ask-title" className="text-sm font-semibold text-stone-900">
        Ask colleagues to endorse
      </h3>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <div className="grid gap-4 md:grid-cols-2">
        <fieldset aria-describedby={who?.length ? "endorsers-hint endorsers-error" : "endorsers-hint"} aria-invalid={who?.length ? true : undefined} className="min-w-0">
          <legend className="text-sm font-medium text-stone-800">Colleagues</legend>
          <label htmlFor="endorser-filter" className="sr-only">
            Find a colleague
          </label>
          <div className="mt-2">
            <Input id="endorser-filter" type="search" placeholder="Find a colleague" value={filter} onChange={(e) => setFilter(e.target.value)} />
          </div>
          <div className="mt-2 max-h-56 space-y-1 overflow-y-auto rounded-md border border-stone-200 p-2">
            {shown.length === 0 ? <p className="px-1 text-sm text-stone-600">Nobody matches.</p> : null}
            {shown.map((c) => (
              <label key={c.id} className="flex items-center gap-2 rounded px-1 py-1 text-sm hover:bg-stone-50">
                <input type="checkbox" name="endorserIds" value={c.id} checked={endorserIds.includes(c.id)} onChange={() => setEndorserIds((l) => toggle(l, c.id))} />
                <span>
                  {c.name} {c.team ? <span className="text-stone-600">· {c.team}</span> : null}
                </span>
              </label>
            ))}
          </div>
          <p id="endorsers-hint" className="mt-1 text-xs text-stone-600">
            Anyone but you and your managers (they rate the packet themselves). Each sees only the cells you choose, never your manager&apos;s ratings.
          </p>
          {who?.length ? (
            <p id="endorsers-error" className="mt-1 text-sm font-medium text-red-700">
              {who.join(" ")}
            </p>
          ) : null}
        </fieldset>
        <fieldset aria-describedby={which?.length ? "asked-cells-error" : undefined} aria-invalid={which?.length ? true : undefined} className="min-w-0">
          <legend className="text-sm font-medium text-stone-800">Cells to endorse</legend>
          <div className="mt-2 grid gap-1">
            {cells.map((c) => (
              <label key={c.id} className="flex items-center gap-2 text-sm">
                <input type="checkbox" name="cells" value={c.id} checked={chosenCells.includes(c.id)} onChange={() => setChosenCells((l) => toggle(l, c.id))} />
                {c.name}
              </label>
            ))}
          </div>
          {which?.length ? (
            <p id="asked-cells-error" className="mt-1 text-sm font-medium text-red-700">
              {which.join(" ")}
            </p>
          ) : null}
        </fieldset>
      </div>
      <div className="space-y-1.5">
        <label htmlFor="endorse-message" className="block text-sm font-medium text-stone-800">
          Note to them (optional)
        </label>
        <Textarea id="endorse-message" rows={2} value={message} onChange={(e) => setMessage(e.target.value)} aria-describedby="endorse-message-hint" />
        <p id="endorse-message-hint" className="text-xs text-stone-600">
          Shown with the request. Their answers are visible to: {audience}.
        </p>
      </div>
      <Button type="submit" disabled={pending}>
        {pending ? "Asking…" : endorserIds.length > 1 ? `Ask ${endorserIds.length} colleagues` : "Ask for endorsement"}
      </Button>
    </form>
  );
}
