import Link from "next/link";
import { Markdown } from "@/components/markdown";
import { formatDate, formatDateTime } from "@/lib/format";

/* A returned draft: the manager's reason at the top, for the author. */
export function ReturnedBanner({ by, at, note }: { by: string | null; at: Date; note: string }) {
  return (
    <section aria-labelledby="returned-title" className="rounded-lg border border-amber-300 bg-amber-50 px-5 py-4" data-testid="returned">
      <h2 id="returned-title" className="text-base font-semibold text-amber-900">
        Returned by {by ?? "your manager"} on {formatDateTime(at)}
      </h2>
      <Markdown className="mt-1 break-words text-sm text-stone-900">{note}</Markdown>
      <p className="mt-2 text-sm text-amber-900">Their rating and comment for each cell are beside your case. Revise, then submit again.</p>
    </section>
  );
}

/* A draft reopened from a declined packet: where it came from and why it was declined; what was missing sits beside each cell. */
export function ReopenedFromBanner({ from }: { from: { id: string; decidedAt: Date; reasons: string } }) {
  return (
    <section aria-labelledby="reopened-title" className="rounded-lg border border-stone-300 bg-white px-5 py-4 shadow-xs" data-testid="reopened-from">
      <h2 id="reopened-title" className="text-base font-semibold text-stone-900">
        Reopened from a packet declined on {formatDate(from.decidedAt)}
      </h2>
      <Markdown className="mt-1 break-words text-sm text-stone-800">{from.reasons}</Markdown>
      <p className="mt-2 text-sm text-stone-700">
        It starts from that packet&apos;s case; what the committee found missing is beside each cell it concerns.{" "}
        <Link href={`/packets/${from.id}`} prefetch={false} className="font-medium text-brand-700 underline">
          Read the declined packet and its history
        </Link>
      </p>
    </section>
  );
}

/* The committee's words on one cell: what is missing (declined), or what was missing last time (a reopened draft). */
export function MissingNote({ text, earlier }: { text: string; earlier: boolean }) {
  return (
    <div className="rounded-md border border-amber-300 bg-amber-50 px-3 py-2 text-sm" data-testid="cell-missing">
      <p className="font-medium text-amber-900">{earlier ? "What was missing last time" : "What is missing"}</p>
      <Markdown className="break-words text-stone-900">{text}</Markdown>
    </div>
  );
}
