"use client";

import Link from "next/link";
import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Card, CardHeader } from "@/components/ui/card";
import { Textarea } from "@/components/ui/field";
import { DataTable, TableHead } from "@/components/ui/table";
import type { ActionState } from "@/lib/domain/result";
import { importPeopleAction, type ImportPreview } from "../actions";

export function ImportForm({ columns }: { columns: readonly string[] }) {
  const [state, formAction, pending] = useActionState<ActionState<ImportPreview>, FormData>(importPeopleAction, {});
  const preview = state.data;
  const csv = preview?.csv ?? state.values?.csv ?? "";
  const problems = preview?.problems ?? [];
  const rows = preview?.rows ?? [];
  const ready = rows.length > 0 && problems.length === 0;

  if (preview?.imported) {
    return (
      <Card className="p-6">
        <p role="status" className="text-sm font-medium text-brand-900">
          Imported {preview.imported} {preview.imported === 1 ? "person" : "people"}. Open each to create their invitation link.
        </p>
        <Link href="/admin/people" className="mt-3 inline-block text-sm font-semibold text-brand-700 hover:underline">
          Back to people
        </Link>
      </Card>
    );
  }

  return (
    <form action={formAction} className="space-y-6" noValidate>
      <Card className="space-y-4 p-5">
        <div className="space-y-1.5">
          <label htmlFor="file" className="block text-sm font-medium">
            CSV file
          </label>
          <input id="file" name="file" type="file" accept=".csv,text/csv" aria-describedby="file-hint" className="block text-sm file:mr-3 file:rounded-md file:border file:border-stone-300 file:bg-white file:px-3 file:py-1.5 file:text-sm file:font-medium" />
          <p id="file-hint" className="text-xs text-stone-600">
            Columns: <code className="break-all">{columns.join(",")}</code>. Managers by email, from Trellis or from the same file. Dates as 2026-01-31.
          </p>
        </div>
        <div className="space-y-1.5">
          <label htmlFor="csv" className="block text-sm font-medium">
            Or paste the CSV
          </label>
          <Textarea id="csv" name="csv" rows={6} defaultValue={csv} key={csv} className="font-mono" spellCheck={false} />
        </div>
        <div className="flex flex-wrap gap-2">
          <Button type="submit" name="intent" value="preview" variant={ready ? "secondary" : "primary"} disabled={pending}>
            {pending ? "Checking…" : "Check file"}
          </Button>
          {ready ? (
            <Button type="submit" name="intent" value="import" disabled={pending}>
              Import {rows.length} {rows.length === 1 ? "person" : "people"}
            </Button>
          ) : null}
        </div>
        <div aria-live="polite" role="status">
          {state.message ? <p className="text-sm text-red-800">{state.message}</p> : null}
        </div>
      </Card>

      {problems.length ? (
        <Card>
          <CardHeader id="import-problems" title={`${problems.length} ${problems.length === 1 ? "problem" : "problems"} to fix`} description="Nothing has been imported. Fix every problem and check the file again." />
          <ul aria-labelledby="import-problems" className="divide-y divide-stone-200 text-sm">
            {problems.map((p, i) => (
              <li key={i} className="flex gap-3 px-5 py-2.5">
                <span className="w-16 shrink-0 font-mono text-stone-600">Line {p.line}</span>
                {p.column ? <span className="w-32 shrink-0 font-mono text-stone-700">{p.column}</span> : null}
                <span className="text-red-800">{p.message}</span>
              </li>
            ))}
          </ul>
        </Card>
      ) : null}

      {ready ? (
        <Card>
          <CardHeader title="Preview" description="Every row is valid. Nothing is saved until you import." />
          <DataTable caption="People to import">
              <TableHead columns={["Line", "Name", "Email", "Role", "Level", "Manager", "Team", "Start"]} />
              <tbody className="divide-y divide-stone-200">
                {rows.map((r) => (
                  <tr key={r.line}>
                    <td className="px-3 py-2 font-mono text-stone-600">{r.line}</td>
                    <td className="px-3 py-2">{r.name}</td>
                    <td className="px-3 py-2">{r.email}</td>
                    <td className="px-3 py-2">{r.role}</td>
                    <td className="px-3 py-2">{r.levelKey}</td>
                    <td className="px-3 py-2">{r.managerEmail ?? "—"}</td>
                    <td className="px-3 py-2">{r.team || "—"}</td>
                    <td className="px-3 py-2">{r.startDate}</td>
                  </tr>
                ))}
              </tbody>
          </DataTable>
        </Card>
      ) : null}
    </form>
  );
}
