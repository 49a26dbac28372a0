import "server-only";
import { eq } from "drizzle-orm";
import { db } from "@/db";
import { people } from "@/db/schema";
import type { Viewer } from "@/lib/domain/viewer";
import { assertAdmin, publishedLevelJoin } from "./admin-guard";

export function getOrgChartPeople(viewer: Viewer) {
  assertAdmin(viewer);
  const { lv, on } = publishedLevelJoin();
  return db()
    .select({ id: people.id, name: people.name, managerId: people.managerId, team: people.team, role: people.role, levelCode: lv.code, levelName: lv.name })
    .from(people)
    .leftJoin(lv, on)
    .where(eq(people.active, true))
    .all();
}
