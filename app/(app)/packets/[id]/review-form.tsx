"use client";

import { useCallback, useState, type ReactNode } from "react";
import { ConflictPanel } from "@/components/forms/conflict-panel";
import { SaveBar } from "@/components/forms/save-bar";
import { useAutosave } from "@/components/forms/use-autosave";
import { useSaveThenStep } from "@/components/forms/use-save-then-step";
import { ReadinessMeter } from "@/components/packets/readiness-meter";
import { FormMessage } from "@/components/ui/field";
import { packetRatingLabel } from "@/lib/packets/flow";
import type { Readiness } from "@/lib/packets/readiness";
import { endorsePacketAction, returnPacketAction, savePacketReviewAction } from "./actions";
import type { EditorCell } from "./case-cell-editor";
import type { ManagerCellView } from "@/components/packets/packet-parts";
import { ReviewCellEditor } from "./review-cell-editor";
import { ReviewSteps } from "./review-steps";

/*
 * The direct manager's part of a submitted packet: per cell, the author's case
 * (rendered on the server) beside a rating against the target level, a
 * comment and, for a gap, a justification. Autosaves; each save brings back
 * the readiness the server computed. Then return with feedback, or endorse.
 */
export function ReviewForm(props: {
  packetId: string;
  version: number;
  authorName: string;
  targetLabel: string;
  audience: string;
  cells: EditorCell[];
  caseContent: Record<string, ReactNode>;
  initial: ManagerCellView[];
  readiness: Readiness;
}) {
  const [readiness, setReadiness] = useState(props.readiness);
  const draft = useAutosave<ManagerCellView[], ManagerCellView[], { savedAt: string; readiness: Readiness }>({
    initial: props.initial,
    version: props.version,
    savedAt: null,
    send: useCallback((value, version) => savePacketReviewAction({}, { packetId: props.packetId, version, cells: value }), [props.packetId]),
    fromSaved: (current) => current,
    onSaved: useCallback((data: { readiness: Readiness }) => setReadiness(data.readiness), []),
  });
  const { value, status, saveState, message, conflict, keepMine, useTheirs } = draft;
  const { busy, errors, setErrors, step } = useSaveThenStep(draft, "That did not work.");
  const byCell = new Map(value.map((c) => [c.cell, c]));

  const changeCell = (cell: string, patch: Partial<ManagerCellView>) => {
    draft.change(draft.latest.current.map((c) => (c.cell === cell ? { ...c, ...patch } : c)));
    setErrors((e) => ({ ...e, [cell]: undefined }));
  };

  return (
    <div className="space-y-6">
      <SaveBar testId="review-save-status" status={status}>
        <a href="#decide" className="text-sm font-semibold text-brand-700 underline">
          Return or endorse
        </a>
      </SaveBar>
      <ReadinessMeter readiness={readiness} />
      <FormMessage message={message} />
      {conflict ? (
        <ConflictPanel id="review-conflict" onKeepMine={keepMine} onUseTheirs={useTheirs}>
          <ul className="space-y-2 text-sm">
            {props.cells
              .map((c) => ({ c, theirs: conflict.current.find((t) => t.cell === c.id), mine: byCell.get(c.id) }))
              .filter(({ theirs, mine }) => theirs && mine && (theirs.rating !== mine.rating || theirs.comment !== mine.comment || theirs.justification !== mine.justification))
              .map(({ c, theirs }) => (
                <li key={c.id} className="rounded-md bg-white p-3" data-testid="conflict-cell">
                  <p className="font-medium">
                    {c.name}: {packetRatingLabel(theirs!.rating)}
                  </p>
                  <p className="mt-1 whitespace-pre-wrap break-words text-stone-700">{theirs!.comment || "(no comment)"}</p>
                </li>
              ))}
          </ul>
        </ConflictPanel>
      ) : null}
      {props.cells.map((cell) => (
        <ReviewCellEditor key={cell.id} cell={cell} value={byCell.get(cell.id) ?? { cell: cell.id, rating: null, comment: "", justification: "" }} onChange={(patch) => changeCell(cell.id, patch)} caseContent={props.caseContent[cell.id]} targetLabel={props.targetLabel} audience={props.audience} minimumRating={readiness.minimumRating} error={errors[cell.id]} />
      ))}
      <ReviewSteps
        authorName={props.authorName}
        ready={readiness.ready}
        busy={busy || saveState === "conflict"}
        reasonError={errors.reason}
        onReturn={(note) => step((version) => returnPacketAction({}, { packetId: props.packetId, version, note }))}
        onEndorse={(note) => step((version) => endorsePacketAction({}, { packetId: props.packetId, version, note }))}
      />
    </div>
  );
}
