import { Badge } from "@/components/ui/card";
import type { Readiness } from "@/lib/packets/readiness";

/*
 * The readiness meter, as the server computed it (lib/packets/readiness.ts):
 * the rule in words, how many cells meet it, and each cell that holds the
 * packet back, linked to that cell on the page. Rendered by the packet page
 * and, live after each save, by the manager's form.
 */
export function ReadinessMeter({ readiness, id = "readiness" }: { readiness: Readiness; id?: string }) {
  const counted = readiness.atStandard + readiness.justified.length;
  return (
    <section aria-labelledby={`${id}-title`} className="rounded-lg border border-stone-200 bg-white px-5 py-4 shadow-xs" data-testid="readiness">
      <div className="flex flex-wrap items-center justify-between gap-2">
        <h2 id={`${id}-title`} className="text-base font-semibold text-stone-900">
          Readiness
        </h2>
        <Badge tone={readiness.ready ? "brand" : "amber"}>{readiness.ready ? "Ready for the committee" : "Not ready yet"}</Badge>
      </div>
      <p className="mt-2 text-sm font-medium text-stone-900" role="status" aria-live="polite">
        {readiness.summary}
      </p>
      <meter className="mt-2 block h-3 w-full" min={0} max={readiness.total} low={readiness.total} high={readiness.total} optimum={readiness.total} value={counted} aria-label={`${counted} of ${readiness.total} cells count towards readiness`} />
      <p className="mt-2 text-sm text-stone-700">
        <span className="font-medium">The rule:</span> {readiness.rule}
      </p>
      {readiness.unrated === readiness.total ? (
        <p className="mt-3 text-sm text-stone-700">No cell is rated yet: the manager rates each one against the target level once the packet is submitted to them.</p>
      ) : readiness.holding.length ? (
        <div className="mt-3 text-sm">
          <p className="font-medium text-stone-900">Holding the packet back</p>
          <ul className="mt-1 space-y-1" aria-label="Cells holding the packet back">
            {readiness.holding.map((h) => (
              <li key={h.id}>
                <a href={`#${h.anchor}`} className="font-medium text-brand-700 underline">
                  {h.name}
                </a>
                <span className="text-stone-700">: {h.reason}</span>
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {readiness.justified.length ? (
        <p className="mt-3 text-sm text-stone-700">
          <span className="font-medium">Justified gaps:</span>{" "}
          {readiness.justified.map((j, i) => (
            <span key={j.id}>
              {i ? ", " : ""}
              <a href={`#${j.anchor}`} className="text-brand-700 underline">
                {j.name}
              </a>
            </span>
          ))}
        </p>
      ) : null}
    </section>
  );
}
