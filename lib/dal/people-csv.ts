import "server-only";
import crypto from "node:crypto";
import { asc, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { db, type Executor } from "@/db";
import { levelHistory, people } from "@/db/schema";
import type { Viewer } from "@/lib/domain/viewer";
import { orderForInsert, validatePeopleCsv, type ImportProblem } from "@/lib/people/csv-import";
import { assertAdmin } from "./admin-guard";
import { recordAudit } from "./audit";
import { currentLevels } from "./framework";
import { enrolInOpenCycles } from "./review-cycles";

function importContext(tx: Executor) {
  const existing = new Map(tx.select({ id: people.id, email: people.email, active: people.active }).from(people).all().map((p) => [p.email, { id: p.id, active: p.active }]));
  return { existing, levels: currentLevels(tx) };
}

export function previewPeopleImport(viewer: Viewer, csvText: string) {
  assertAdmin(viewer);
  return validatePeopleCsv(csvText, importContext(db()));
}

/* Re-validates inside the write transaction, so nothing changed since the preview slips through; all rows or none. */
export function importPeople(viewer: Viewer, csvText: string): { ok: true; imported: number } | { ok: false; problems: ImportProblem[] } {
  assertAdmin(viewer);
  return db().transaction(
    (tx) => {
      const context = importContext(tx);
      const { rows, problems } = validatePeopleCsv(csvText, context);
      if (problems.length || rows.length === 0) return { ok: false as const, problems: problems.length ? problems : [{ line: 1, message: "No people to import" }] };
      const idByEmail = new Map([...context.existing].map(([email, p]) => [email, p.id]));
      for (const row of orderForInsert(rows)) {
        const id = crypto.randomUUID();
        idByEmail.set(row.email, id);
        tx.insert(people)
          .values({ id, name: row.name, email: row.email, role: row.role, trackKey: row.trackKey, levelKey: row.levelKey, managerId: row.managerEmail ? idByEmail.get(row.managerEmail)! : null, team: row.team, startDate: row.startDate })
          .run();
        tx.insert(levelHistory).values({ personId: id, trackKey: row.trackKey, levelKey: row.levelKey, effectiveDate: row.startDate, reason: "Joined (imported)", recordedById: viewer.id }).run();
        enrolInOpenCycles(tx, id);
        recordAudit(tx, { actorId: viewer.id, action: "person.create", recordType: "person", recordId: id, summary: `Imported ${row.name} <${row.email}> from CSV line ${row.line}` });
      }
      return { ok: true as const, imported: rows.length };
    },
    { behavior: "immediate" },
  );
}

/* Rows for the people CSV export, in the import's column order so an export can be edited and re-imported elsewhere. */
export function exportPeopleRows(viewer: Viewer) {
  assertAdmin(viewer);
  const manager = alias(people, "manager");
  const rows = db()
    .select({ name: people.name, email: people.email, role: people.role, track: people.trackKey, level: people.levelKey, managerEmail: manager.email, team: people.team, startDate: people.startDate, active: people.active })
    .from(people)
    .leftJoin(manager, eq(manager.id, people.managerId))
    .orderBy(asc(people.name))
    .all();
  return [["name", "email", "role", "track", "level", "manager_email", "team", "start_date", "active"], ...rows.map((r) => [r.name, r.email, r.role, r.track, r.level, r.managerEmail ?? "", r.team, r.startDate, r.active ? "yes" : "no"])];
}
