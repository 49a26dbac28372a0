"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Textarea } from "@/components/ui/field";

/* The manager's two ways on: return with feedback (the reason is required), or endorse for the committee. */
export function ReviewSteps(props: { authorName: string; ready: boolean; busy: boolean; reasonError?: string[]; onReturn: (note: string) => void; onEndorse: (note: string) => void }) {
  const [reason, setReason] = useState("");
  const [endorsement, setEndorsement] = useState("");
  const reasonErrorId = props.reasonError?.length ? "return-reason-error" : undefined;
  return (
    <section id="decide" aria-labelledby="decide-title" className="scroll-mt-20 rounded-lg border border-stone-200 bg-white px-5 py-4 shadow-xs">
      <h2 id="decide-title" className="text-base font-semibold text-stone-900">
        Return or endorse
      </h2>
      <p className="mt-1 text-sm text-stone-700">Both steps show on the packet&apos;s timeline with your reason. Returning sends it back to {props.authorName} as a draft, with your ratings and comments beside the cells.</p>
      <div className="mt-4 grid gap-6 md:grid-cols-2">
        <div className="space-y-2">
          <label htmlFor="return-reason" className="block text-sm font-medium text-stone-800">
            What needs to change
          </label>
          <Textarea id="return-reason" rows={4} value={reason} onChange={(e) => setReason(e.target.value)} aria-describedby={["return-reason-hint", reasonErrorId].filter(Boolean).join(" ")} aria-invalid={reasonErrorId ? true : undefined} />
          <p id="return-reason-hint" className="text-xs text-stone-600">
            Markdown. Visible to: {props.authorName}, their managers and admins
          </p>
          {reasonErrorId ? (
            <p id={reasonErrorId} className="text-sm font-medium text-red-700">
              {props.reasonError!.join(" ")}
            </p>
          ) : null}
          <Button type="button" variant="secondary" disabled={props.busy} onClick={() => props.onReturn(reason)}>
            Return to {props.authorName} with feedback
          </Button>
        </div>
        <div className="space-y-2">
          <label htmlFor="endorse-note" className="block text-sm font-medium text-stone-800">
            Endorsement note (optional)
          </label>
          <Textarea id="endorse-note" rows={4} value={endorsement} onChange={(e) => setEndorsement(e.target.value)} aria-describedby="endorse-note-hint" />
          <p id="endorse-note-hint" className="text-xs text-stone-600">
            {props.ready ? "The readiness rule is met." : "The readiness rule is not met yet: endorsing is refused until it is."} Visible to: {props.authorName}, their managers and admins
          </p>
          <Button type="button" disabled={props.busy} onClick={() => props.onEndorse(endorsement)}>
            Endorse for the committee
          </Button>
        </div>
      </div>
    </section>
  );
}
