"use client";

import { useActionState } from "react";
import { Button } from "@/components/ui/button";
import { Field, FormMessage, Textarea } from "@/components/ui/field";
import type { CommitteeVote } from "@/lib/domain/enums";
import type { ActionState } from "@/lib/domain/result";
import { VOTE_LABEL } from "@/lib/packets/committee";
import { recordVoteAction } from "../actions";

/* A member's vote with its comment; voting again replaces it until the decision. */
export function VoteForm({ packetId, current, audience }: { packetId: string; current: { vote: CommitteeVote; comment: string } | null; audience: string }) {
  const [state, formAction, pending] = useActionState<ActionState, FormData>(recordVoteAction, {});
  const chosen = state.values?.vote ?? current?.vote;
  const voteError = state.fieldErrors?.vote;
  return (
    <form action={formAction} className="space-y-3" noValidate>
      <FormMessage message={state.message} tone={state.ok ? "success" : "error"} />
      <input type="hidden" name="packetId" value={packetId} />
      <fieldset aria-describedby={voteError?.length ? "vote-error" : undefined} aria-invalid={voteError?.length ? true : undefined}>
        <legend className="text-sm font-medium text-stone-800">{current ? "Your vote (you can change it until the decision)" : "Your vote"}</legend>
        <div className="mt-2 flex flex-wrap gap-2" key={state.attempt}>
          {(Object.keys(VOTE_LABEL) as CommitteeVote[]).map((v) => (
            <label key={v} className="flex cursor-pointer items-center gap-2 rounded-md border border-stone-300 px-3 py-1.5 text-sm has-[:checked]:border-brand-600 has-[:checked]:bg-brand-50">
              <input type="radio" name="vote" value={v} defaultChecked={chosen === v} />
              {VOTE_LABEL[v]}
            </label>
          ))}
        </div>
        {voteError?.length ? (
          <p id="vote-error" className="mt-1 text-sm font-medium text-red-700">
            {voteError.join(" ")}
          </p>
        ) : null}
      </fieldset>
      <Field id="vote-comment" label="Comment" hint={`Markdown. Visible to: ${audience}.`} errors={state.fieldErrors?.comment}>
        {(aria) => <Textarea {...aria} name="comment" rows={3} defaultValue={state.values?.comment ?? current?.comment ?? ""} key={state.attempt} />}
      </Field>
      <Button type="submit" disabled={pending}>
        {pending ? "Recording…" : current ? "Change my vote" : "Record my vote"}
      </Button>
    </form>
  );
}
