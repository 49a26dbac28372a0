import crypto from "node:crypto";
import { asc, eq, sql } from "drizzle-orm";
import type { Db } from "@/db";
import { levelHistory, people, reviewCycles, reviews } from "@/db/schema";
import type { Role } from "@/lib/domain/enums";

/*
 * Creates people straight in SQLite, for Vitest and the Playwright fixtures
 * alike. Names and emails are unique per call so parallel tests never collide.
 */
export type NewPerson = {
  name?: string;
  email?: string;
  role?: Role;
  trackKey?: string;
  levelKey?: string;
  managerId?: string | null;
  team?: string;
  startDate?: string;
  passwordHash?: string | null;
  active?: boolean;
};

export function insertPerson(database: Db, overrides: NewPerson = {}) {
  const id = crypto.randomUUID();
  const tag = id.slice(0, 8);
  const values = {
    id,
    name: overrides.name ?? `Test Person ${tag}`,
    email: (overrides.email ?? `person-${tag}@test.example`).toLowerCase(),
    role: overrides.role ?? "engineer",
    trackKey: overrides.trackKey ?? "ic",
    levelKey: overrides.levelKey ?? "ic2",
    managerId: overrides.managerId ?? null,
    team: overrides.team ?? "Test team",
    startDate: overrides.startDate ?? "2024-01-15",
    passwordHash: overrides.passwordHash ?? null,
    active: overrides.active ?? true,
  };
  database.transaction((tx) => {
    tx.insert(people).values(values).run();
    tx.insert(levelHistory).values({ personId: id, trackKey: values.trackKey, levelKey: values.levelKey, effectiveDate: values.startDate, reason: "Joined", recordedById: null }).run();
  });
  return values;
}

/*
 * Enrols a person created straight in SQLite in every open review cycle, as
 * people administration does for joiners (lib/dal/review-cycles.ts), so e2e
 * tests get a review to write without opening a cycle of their own. The
 * oldest open cycle (the demo's) comes first.
 */
export function enrolInOpenCycles(database: Db, personId: string) {
  const person = database.select({ trackKey: people.trackKey, levelKey: people.levelKey }).from(people).where(eq(people.id, personId)).get()!;
  const open = database.select({ id: reviewCycles.id, versionId: reviewCycles.frameworkVersionId }).from(reviewCycles).where(eq(reviewCycles.status, "open")).orderBy(asc(reviewCycles.openedAt)).all();
  return open.map((cycle) => {
    const id = crypto.randomUUID();
    database.transaction((tx) => {
      tx.insert(reviews).values({ id, cycleId: cycle.id, personId, frameworkVersionId: cycle.versionId, trackKey: person.trackKey, levelKey: person.levelKey }).run();
      tx.run(sql`insert into review_cells (review_id, competency_key, theme_key)
        select ${id}, c.competency_key, t.theme_key from version_competencies c cross join version_themes t
        where c.version_id = ${cycle.versionId} and t.version_id = ${cycle.versionId}`);
    });
    return id;
  });
}
