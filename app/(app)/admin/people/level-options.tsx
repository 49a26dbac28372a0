import { levelLabel } from "@/lib/domain/level-label";
export type LevelGroup = { trackKey: string; trackName: string; levels: { key: string; code: string; name: string }[] };

/* <option>s grouped by track; the value "track:level" carries both keys. */
export function LevelOptions({ groups }: { groups: LevelGroup[] }) {
  return (
    <>
      {groups.map((g) => (
        <optgroup key={g.trackKey} label={g.trackName}>
          {g.levels.map((l) => (
            <option key={l.key} value={`${g.trackKey}:${l.key}`}>
              {levelLabel(l)}
            </option>
          ))}
        </optgroup>
      ))}
    </>
  );
}
