import Link from "next/link";
import type { FrameworkStructure } from "@/lib/dal/framework";

/* Every level of every track as a link, the current one marked; the viewer's own level flagged. */
export function LevelPicker({
  structure,
  currentLevelKey,
  ownLevelKey,
  hrefFor,
}: {
  structure: FrameworkStructure;
  currentLevelKey: string;
  ownLevelKey: string;
  hrefFor: (levelKey: string) => string;
}) {
  return (
    <nav aria-label="Levels" className="no-print space-y-3">
      {structure.tracks.map((track) => (
        <div key={track.key} className="flex flex-wrap items-center gap-2">
          <h2 className="w-full text-xs font-semibold uppercase tracking-wide text-stone-600 sm:w-44">{track.name}</h2>
          <ul className="flex flex-wrap gap-1.5">
            {track.levels.map((level) => {
              const current = level.key === currentLevelKey;
              return (
                <li key={level.key}>
                  <Link
                    href={hrefFor(level.key)}
                    aria-current={current ? "page" : undefined}
                    title={level.name}
                    className={`inline-flex items-center gap-1 rounded-full px-3 py-1 text-sm font-medium ring-1 ring-inset ${
                      current ? "bg-brand-700 text-white ring-brand-700" : "bg-white text-stone-800 ring-stone-300 hover:bg-stone-100"
                    }`}
                  >
                    {level.code}
                    <span className="sr-only"> {level.name}</span>
                    {level.key === ownLevelKey ? <span className={`text-xs ${current ? "text-brand-100" : "text-brand-700"}`}>· you</span> : null}
                  </Link>
                </li>
              );
            })}
          </ul>
        </div>
      ))}
    </nav>
  );
}
