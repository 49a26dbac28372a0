import Link from "next/link";
import { Badge } from "@/components/ui/card";
import { formatDate } from "@/lib/format";

/* The evidence entries a record cites, by id; one that has left the log still shows, marked. */
export type Cited = Record<string, { title: string; occurredOn: string; removed: boolean } | undefined>;

export function CitedEvidence({ citations, cited }: { citations: string[]; cited: Cited }) {
  if (!citations.length) return null;
  return (
    <ul className="mt-2 space-y-1 text-sm" aria-label="Cited evidence">
      {citations.map((id) => {
        const entry = cited[id];
        return entry ? (
          <li key={id}>
            <Link href={`/evidence/${id}`} className="text-brand-700 underline">
              {entry.title}
            </Link>{" "}
            <span className="text-stone-600">({formatDate(entry.occurredOn)})</span> {entry.removed ? <Badge tone="amber">Removed from the log</Badge> : null}
          </li>
        ) : null;
      })}
    </ul>
  );
}
