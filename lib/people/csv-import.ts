import { z } from "zod";
import { csvSyntaxProblem, parseCsvRecords, unguardCell } from "@/lib/csv";
import { peopleInCycles } from "./org-rules";
import { personFields } from "./person-schema";

/*
 * Validates a people CSV against the org as it is. Pure: the caller passes in
 * who exists and which levels there are. Every problem of every row is
 * reported; a file imports only when there are none.
 */
export const IMPORT_COLUMNS = ["name", "email", "role", "track", "level", "manager_email", "team", "start_date"] as const;

export type ImportContext = {
  existing: ReadonlyMap<string, { id: string; active: boolean }>;
  levels: ReadonlyArray<{ key: string; trackKey: string }>;
};

export type ImportRow = {
  line: number;
  name: string;
  email: string;
  role: "engineer" | "manager" | "admin";
  trackKey: string;
  levelKey: string;
  managerEmail: string | null;
  team: string;
  startDate: string;
};

export type ImportProblem = { line: number; column?: string; message: string };

export type ImportResult = { rows: ImportRow[]; problems: ImportProblem[] };

const MAX_ROWS = 2000;

export function validatePeopleCsv(text: string, context: ImportContext): ImportResult {
  let records: ReturnType<typeof parseCsvRecords>;
  try {
    records = parseCsvRecords(text);
  } catch (error) {
    const problem = csvSyntaxProblem(error);
    if (!problem) throw error;
    return { rows: [], problems: [problem] };
  }
  const table = records.map((r) => r.cells);
  const problems: ImportProblem[] = [];
  if (table.length === 0) return { rows: [], problems: [{ line: 1, message: "The file is empty" }] };
  const header = table[0]!.map((h) => h.trim().toLowerCase());
  const missing = IMPORT_COLUMNS.filter((c) => !header.includes(c));
  if (missing.length) {
    return { rows: [], problems: [{ line: 1, message: `Missing column${missing.length > 1 ? "s" : ""}: ${missing.join(", ")}. Expected: ${IMPORT_COLUMNS.join(", ")}` }] };
  }
  if (table.length === 1) return { rows: [], problems: [{ line: 2, message: "The file has a header but no people" }] };
  if (table.length - 1 > MAX_ROWS) return { rows: [], problems: [{ line: 1, message: `Import at most ${MAX_ROWS} people at a time` }] };

  const col = (cells: string[], name: (typeof IMPORT_COLUMNS)[number]) => unguardCell((cells[header.indexOf(name)] ?? "").trim());
  const levelsByKey = new Map(context.levels.map((l) => [l.key, l]));
  const tracks = new Set(context.levels.map((l) => l.trackKey));
  const seenEmails = new Map<string, number>();
  const rows: ImportRow[] = [];

  records.slice(1).forEach(({ cells, line }) => {
    const report = (column: string, message: string) => problems.push({ line, column, message });
    const check = <T>(column: string, schema: z.ZodType<T>, value: string): T | undefined => {
      const result = schema.safeParse(value);
      if (!result.success) report(column, result.error.issues[0]!.message);
      return result.success ? result.data : undefined;
    };
    const name = check("name", personFields.name, col(cells, "name"));
    const email = check("email", personFields.email, col(cells, "email"));
    const role = check("role", personFields.role, col(cells, "role").toLowerCase() || "engineer");
    const team = check("team", personFields.team, col(cells, "team"));
    const startDate = check("start_date", personFields.startDate, col(cells, "start_date"));
    const trackKey = col(cells, "track");
    const levelKey = col(cells, "level");
    const managerEmail = col(cells, "manager_email").toLowerCase() || null;

    if (email) {
      if (context.existing.has(email)) report("email", `${email} already belongs to someone in Trellis`);
      else if (seenEmails.has(email)) report("email", `${email} is also on line ${seenEmails.get(email)}`);
      else seenEmails.set(email, line);
    }
    if (!tracks.has(trackKey)) report("track", `Unknown track "${trackKey}". Use one of: ${[...tracks].join(", ")}`);
    const level = levelsByKey.get(levelKey);
    if (!level) report("level", `Unknown level "${levelKey}"`);
    else if (tracks.has(trackKey) && level.trackKey !== trackKey) report("level", `Level "${levelKey}" is not on the "${trackKey}" track`);
    if (managerEmail) {
      const existingManager = context.existing.get(managerEmail);
      const inFile = table.slice(1).some((other) => col(other, "email").toLowerCase() === managerEmail);
      if (managerEmail === email) report("manager_email", "A person cannot be their own manager");
      else if (existingManager && !existingManager.active) report("manager_email", `Manager ${managerEmail} is deactivated`);
      else if (!existingManager && !inFile) report("manager_email", `Unknown manager ${managerEmail}: not in Trellis or in this file`);
    }
    if (name && email && role && team !== undefined && startDate && level) {
      rows.push({ line, name, email, role, trackKey, levelKey, managerEmail, team, startDate });
    }
  });

  // Existing people report to existing people, so a loop can only run through the new rows.
  const managerOf = new Map(rows.map((r) => [r.email, r.managerEmail && r.managerEmail !== r.email ? r.managerEmail : null]));
  const looped = peopleInCycles(managerOf);
  for (const row of rows) {
    if (looped.has(row.email)) {
      problems.push({ line: row.line, column: "manager_email", message: `Reporting cycle: ${row.email} would end up reporting to themselves through ${row.managerEmail}` });
    }
  }
  problems.sort((a, b) => a.line - b.line);
  return { rows, problems };
}

/* Managers before their reports, so every manager exists when a report is inserted. */
export function orderForInsert(rows: ImportRow[]): ImportRow[] {
  const byEmail = new Map(rows.map((r) => [r.email, r]));
  const depth = (row: ImportRow): number => {
    let d = 0;
    let current = row.managerEmail ? byEmail.get(row.managerEmail) : undefined;
    while (current && d <= rows.length) {
      d++;
      current = current.managerEmail ? byEmail.get(current.managerEmail) : undefined;
    }
    return d;
  };
  return [...rows].sort((a, b) => depth(a) - depth(b));
}
