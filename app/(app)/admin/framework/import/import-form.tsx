"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { FormMessage, Textarea } from "@/components/ui/field";
import { DataTable, TableHead } from "@/components/ui/table";
import type { ActionState } from "@/lib/domain/result";
import { importFrameworkAction, type ImportOutcome } from "../actions";

/* A framework file (or its pasted text) in; every problem out, by its path in the file and in plain words. */
export function ImportForm() {
  const [state, formAction, pending] = useActionState<ActionState<ImportOutcome>, FormData>(importFrameworkAction, {});
  const problems = state.data?.problems ?? [];
  return (
    <div className="space-y-6">
      <form action={formAction} className="space-y-4" noValidate>
        <Card className="space-y-4 p-5">
          <div className="space-y-1.5">
            <label htmlFor="file" className="block text-sm font-medium">
              Framework file
            </label>
            <input id="file" name="file" type="file" accept=".json,application/json" aria-describedby="file-hint" className="block max-w-full text-sm file:mr-3 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium" />
            <p id="file-hint" className="text-xs text-stone-600">
              JSON in the trellis-framework/v1 format: what <strong>Export JSON</strong> gives. Up to 2 MB.
            </p>
          </div>
          <div className="space-y-1.5">
            <label htmlFor="text" className="block text-sm font-medium">
              Or paste the file&apos;s text
            </label>
            <Textarea id="text" name="text" rows={8} defaultValue={state.values?.text ?? ""} key={state.attempt} className="font-mono" spellCheck={false} />
          </div>
          <FormMessage message={state.message} />
          <Button type="submit" disabled={pending}>
            {pending ? "Checking…" : "Check and import"}
          </Button>
        </Card>
      </form>
      {problems.length ? (
        <Card>
          <CardHeader id="problems-title" title={`${problems.length} ${problems.length === 1 ? "problem" : "problems"} in ${state.data?.fileName ?? "the file"}`} description="Fix each in the file and import it again. Nothing was written." />
          <DataTable caption="Problems in the framework file">
            <TableHead columns={["Where in the file", "What is wrong"]} />
            <tbody className="divide-y divide-stone-200" data-testid="import-problems">
              {problems.map((p, i) => (
                <tr key={`${p.path}-${i}`}>
                  <td className="px-5 py-2 align-top">
                    <code className="break-all text-xs">{p.path}</code>
                  </td>
                  <td className="px-5 py-2 align-top">
                    {p.where} {p.message}
                  </td>
                </tr>
              ))}
            </tbody>
          </DataTable>
        </Card>
      ) : null}
    </div>
  );
}
