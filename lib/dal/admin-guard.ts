import "server-only";
import { and, eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import { people, versionLevels } from "@/db/schema";
import type { Viewer } from "@/lib/domain/viewer";
import { NotFoundError } from "@/lib/errors";
import { canAdministerPeople } from "@/lib/policies/people";
import { latestPublishedVersionId } from "./framework";

/* Shared by the admin-only people modules: the check every one of their functions starts with, and the level's published name. */
export function assertAdmin(viewer: Viewer) {
  if (!canAdministerPeople(viewer)) throw new NotFoundError("page");
}

/* Joins a person to their level as the latest published framework names it. */
export const publishedLevelJoin = () => {
  const lv = alias(versionLevels, "lv");
  return { lv, on: and(eq(lv.versionId, latestPublishedVersionId() ?? -1), eq(lv.levelKey, people.levelKey)) };
};
