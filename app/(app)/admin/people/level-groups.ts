import "server-only";
import { getFrameworkStructure } from "@/lib/dal/framework";
import type { Viewer } from "@/lib/domain/viewer";
import type { LevelGroup } from "./level-options";

/* Levels of the latest published framework, grouped by track, for the level pickers. */
export function levelGroups(viewer: Viewer): LevelGroup[] {
  const structure = getFrameworkStructure(viewer);
  return (structure?.tracks ?? []).map((t) => ({ trackKey: t.key, trackName: t.name, levels: t.levels.map((l) => ({ key: l.key, code: l.code, name: l.name })) }));
}
