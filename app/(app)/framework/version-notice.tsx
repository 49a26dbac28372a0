import Link from "next/link";
import type { FrameworkStructure, VersionSummary } from "@/lib/dal/framework";
import { diffHref } from "@/lib/framework/urls";

/* Says which version is on screen when it is not the latest published one, and lists the others. */
export function VersionNotice({ structure, versions, hrefFor }: { structure: FrameworkStructure; versions: VersionSummary[]; hrefFor: (n: number) => string }) {
  const latest = versions.find((v) => v.status === "published");
  if (versions.length < 2 && structure.version.number === latest?.number) return null;
  const isLatest = structure.version.number === latest?.number;
  const earlier = versions.find((v) => v.status === "published" && v.number < structure.version.number);
  return (
    <div className="no-print mb-4 flex flex-wrap items-center gap-2 text-sm">
      <span className={isLatest ? "text-stone-700" : "rounded-md bg-amber-50 px-2 py-1 font-medium text-amber-900 ring-1 ring-amber-300"}>
        {isLatest ? "Latest published version." : `You are looking at version ${structure.version.number}${structure.version.status === "draft" ? " (draft)" : ""}, not the latest.`}
      </span>
      <span className="text-stone-600">Versions:</span>
      {versions.map((v) => (
        <Link
          key={v.number}
          href={hrefFor(v.number)}
          aria-current={v.number === structure.version.number ? "page" : undefined}
          className="rounded px-1.5 font-medium text-brand-700 hover:underline aria-[current=page]:bg-brand-100"
        >
          v{v.number}
          {v.status === "draft" ? " (draft)" : ""}
        </Link>
      ))}
      {earlier && structure.version.status === "published" ? (
        <Link href={diffHref({ from: earlier.number, to: structure.version.number })} className="font-medium text-brand-700 underline">
          What changed since v{earlier.number}
        </Link>
      ) : null}
    </div>
  );
}
