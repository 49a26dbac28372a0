/* How a level is named everywhere it is shown: "IC2 · Software Engineer", or the key when the level is unknown. */
export type LevelNaming = { code?: string | null; name?: string | null; key?: string | null };

export function levelLabel(level: LevelNaming | null | undefined, fallback = "—"): string {
  if (level?.code && level.name) return `${level.code} · ${level.name}`;
  return level?.name ?? level?.key ?? fallback;
}
