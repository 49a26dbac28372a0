"use client";

import type { ReactNode } from "react";
import { Textarea } from "@/components/ui/field";
import { PACKET_RATING_SCALE, packetRatingLabel } from "@/lib/packets/flow";
import { isGap, type ReadinessRule } from "@/lib/packets/readiness";
import type { EditorCell } from "./case-cell-editor";
import type { ManagerCellView } from "@/components/packets/packet-parts";

/* One cell of the manager's part: the author's case beside the rating, comment and justification. */
export function ReviewCellEditor(props: { cell: EditorCell; value: ManagerCellView; onChange: (patch: Partial<ManagerCellView>) => void; caseContent: ReactNode; targetLabel: string; audience: string; minimumRating: ReadinessRule["minimumRating"]; error?: string[] }) {
  const { cell, value } = props;
  const errorId = props.error?.length ? `${cell.anchor}-review-error` : undefined;
  const gap = isGap(value.rating, props.minimumRating);
  return (
    <section id={cell.anchor} aria-labelledby={`${cell.anchor}-title`} className={`scroll-mt-20 rounded-lg border bg-white shadow-xs ${errorId ? "border-red-400" : gap ? "border-amber-400" : "border-stone-200"}`} data-testid="review-cell">
      <h2 id={`${cell.anchor}-title`} className="border-b border-stone-200 px-5 py-3 text-base font-semibold text-stone-900">
        {cell.name}
      </h2>
      <div className="grid gap-5 px-5 py-4 md:grid-cols-2">
        <div className="min-w-0">{props.caseContent}</div>
        <div className="min-w-0 space-y-3 border-t border-stone-200 pt-4 md:border-l md:border-t-0 md:pl-5 md:pt-0">
          <fieldset aria-describedby={errorId} aria-invalid={errorId ? true : undefined}>
            <legend className="text-sm font-medium text-stone-800">Your rating against {props.targetLabel}</legend>
            <div className="mt-2 grid gap-2 sm:grid-cols-3">
              {PACKET_RATING_SCALE.map((r) => (
                <label key={r.value} className={`flex cursor-pointer gap-2 rounded-md border px-3 py-2 text-sm ${value.rating === r.value ? "border-brand-600 bg-brand-50" : "border-stone-300"}`} title={r.meaning}>
                  <input type="radio" name={`packet-rating-${cell.id}`} value={r.value} checked={value.rating === r.value} onChange={() => props.onChange({ rating: r.value })} className="mt-0.5" />
                  <span className="font-medium">{r.label}</span>
                </label>
              ))}
            </div>
            {errorId ? (
              <p id={errorId} className="mt-1 text-sm font-medium text-red-700">
                {props.error!.join(" ")}
              </p>
            ) : null}
          </fieldset>
          <div className="space-y-1.5">
            <label htmlFor={`${cell.anchor}-comment`} className="block text-sm font-medium text-stone-800">
              Your comment on {cell.name}
            </label>
            <Textarea id={`${cell.anchor}-comment`} rows={3} aria-describedby={`${cell.anchor}-comment-hint`} value={value.comment} onChange={(e) => props.onChange({ comment: e.target.value })} />
            <p id={`${cell.anchor}-comment-hint`} className="text-xs text-stone-600">
              Markdown. Visible to: {props.audience}
            </p>
          </div>
          {gap || value.justification.trim() ? (
            <div className="space-y-1.5">
              <label htmlFor={`${cell.anchor}-justification`} className="block text-sm font-medium text-stone-800">
                Justification for a gap in {cell.name}
              </label>
              <Textarea id={`${cell.anchor}-justification`} rows={3} aria-describedby={`${cell.anchor}-justification-hint`} value={value.justification} onChange={(e) => props.onChange({ justification: e.target.value })} />
              <p id={`${cell.anchor}-justification-hint`} className="text-xs text-stone-600">
                {gap ? `Rated below ${packetRatingLabel(props.minimumRating)}: this cell counts towards readiness only with a written justification.` : "Not needed at this rating; it is kept with the packet."} Visible to: {props.audience}
              </p>
            </div>
          ) : null}
        </div>
      </div>
    </section>
  );
}
