/*
 * One writer process for scripts/concurrent-writers.ts: waits for a shared
 * start time, then, as fast as it can against the same SQLite file as its
 * siblings, saves one shared evidence entry (each save against the version it
 * just read, again after a conflict) and logs entries of its own. It prints
 * every save the DAL acknowledged, and every error, as JSON.
 */
import { createEvidence, getEvidenceEntry, updateEvidence } from "@/lib/dal/evidence";
import { getViewerById } from "@/lib/dal/people";

type Outcome = { saved: { title: string; version: number }[]; created: string[]; conflicts: number; errors: string[] };

async function main() {
  const { personId, entryId, saves, startAt } = JSON.parse(process.argv[2]!) as { personId: string; entryId: string; saves: number; startAt: number };
  const viewer = getViewerById(personId);
  if (!viewer) throw new Error("no such person");
  const fields = (title: string) => ({ title, occurredOn: "2026-01-15", description: "Saved by a concurrent writer", links: [], cells: [{ competencyKey: "values", themeKey: "complexity" }] });
  const outcome: Outcome = { saved: [], created: [], conflicts: 0, errors: [] };
  while (Date.now() < startAt) await new Promise((r) => setTimeout(r, 2));
  for (let i = 0; i < saves; i++) {
    const title = `Save ${process.pid}-${i}`;
    try {
      for (;;) {
        const { version } = getEvidenceEntry(viewer, entryId);
        const result = updateEvidence(viewer, entryId, version, fields(title));
        if (result.ok) {
          outcome.saved.push({ title, version: version + 1 });
          break;
        }
        if (!result.conflict) throw new Error(`refused: ${result.message}`);
        outcome.conflicts++;
      }
      const created = createEvidence(viewer, fields(`Own ${process.pid}-${i}`));
      if (!created.ok) throw new Error(`refused: ${created.message}`);
      outcome.created.push(created.value);
    } catch (error) {
      outcome.errors.push(error instanceof Error ? `${(error as { code?: string }).code ?? ""} ${error.message}`.trim() : String(error));
    }
  }
  process.stdout.write(JSON.stringify(outcome));
}

main().catch((error) => {
  process.stdout.write(JSON.stringify({ saved: [], created: [], conflicts: 0, errors: [String(error)] }));
});
