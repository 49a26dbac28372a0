import crypto from "node:crypto";
import type { Db } from "@/db";
import { levelHistory, people } from "@/db/schema";
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
