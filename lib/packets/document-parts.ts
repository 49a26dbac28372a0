import type { EndorsementStance, PacketOutcome } from "@/lib/domain/enums";
import type { DocBlock, DocSection } from "./document";
import { REQUEST_STATE_LABEL, STANCE_LABEL, type Freshness, type RequestState } from "./endorsements";

/*
 * The decided and endorsed parts of a packet document (lib/packets/document.ts):
 * the committee's decision as a section, and beside each cell what the
 * committee found missing and the colleagues' endorsements. Pure: each takes
 * the packet as the reader was given it (lib/dal/packets.ts getPacket), so a
 * part the reader may not see is never passed in. Committee votes and private
 * notes are not part of that answer, so never of the document.
 */
type Format = { date: (d: string | Date | null) => string; dateTime: (d: Date) => string };

export type DecisionPart = {
  packet: { personName: string };
  role: string;
  target: { label: string };
  cells: { id: string; name: string; missing: string }[];
  decision: { outcome: PacketOutcome; reasons: string; effectiveDate: string | null; decidedAt: Date; decidedBy: string | null } | null;
};

/* The committee's decision: the outcome, when, who recorded it, the reasons; for an approval, the new level's effective date. */
export function decisionSection(view: DecisionPart, format: Format, audience: string): DocSection[] {
  const d = view.decision;
  if (!d) return [];
  const approved = d.outcome === "approved";
  const who = view.role === "author" ? "you are" : `${view.packet.personName} is`;
  const missing = view.cells.filter((c) => c.missing.trim());
  return [
    {
      id: "decision",
      title: "The committee's decision",
      audience,
      blocks: [
        {
          kind: "facts",
          items: [
            { label: "Outcome", value: approved ? `Approved: ${who} ${view.target.label} from ${format.date(d.effectiveDate)}` : "Declined" },
            ...(approved ? [{ label: "Effective date", value: format.date(d.effectiveDate) }] : []),
            { label: "Decided", value: format.dateTime(d.decidedAt) },
            { label: "Recorded by", value: `${d.decidedBy ?? "an admin no longer here"}, for the promotion committee` },
          ],
        },
        { kind: "group", title: "The committee's reasons", blocks: [{ kind: "markdown", text: d.reasons, empty: "No reasons written." }] },
        ...(missing.length ? [{ kind: "list" as const, label: "What is missing (written beside each cell)", items: missing.map((c) => c.name) }] : []),
      ],
    },
  ];
}

/* A declined packet's "what is missing", beside the cell it concerns. */
export function missingBlocks(view: { cells: { id: string; missing: string }[] }): Record<string, DocBlock[]> {
  return Object.fromEntries(view.cells.filter((c) => c.missing.trim()).map((c) => [c.id, [{ kind: "group", title: "What is missing", blocks: [{ kind: "markdown", text: c.missing, empty: "" }] }]]));
}

/*
 * A draft reopened from a declined packet: where it came from and the
 * committee's reasons then, as a section; beside each cell what was missing
 * last time, unless the cell has a "what is missing" of its own.
 */
export type ReopenedPart = {
  cells: { id: string; missing: string }[];
  reopenedFrom: { decidedAt: Date; reasons: string; missing: Record<string, string> } | null;
};

export function reopenedSection(view: ReopenedPart, format: Format, audience: string): DocSection[] {
  const from = view.reopenedFrom;
  if (!from) return [];
  return [
    {
      id: "reopened-from",
      title: "Reopened from a declined packet",
      audience,
      blocks: [
        { kind: "facts", items: [{ label: "Declined", value: format.date(from.decidedAt) }] },
        { kind: "group", title: "The committee's reasons then", blocks: [{ kind: "markdown", text: from.reasons, empty: "No reasons written." }] },
        { kind: "note", text: "This packet starts from that one's case; what the committee found missing is beside each cell it concerns." },
      ],
    },
  ];
}

export function earlierMissingBlocks(view: ReopenedPart): Record<string, DocBlock[]> {
  const earlier = view.reopenedFrom?.missing ?? {};
  return Object.fromEntries(
    view.cells.filter((c) => !c.missing.trim() && earlier[c.id]?.trim()).map((c) => [c.id, [{ kind: "group", title: "What was missing last time", blocks: [{ kind: "markdown", text: earlier[c.id]!, empty: "" }] }]]),
  );
}

export type EndorsementPart = {
  endorsements: {
    endorserName: string;
    state: RequestState;
    declineReason: string;
    cells: { cell: string; stance: EndorsementStance | null; comment: string; answeredAt: Date | null; answeredText: string | null; freshness: Freshness | null }[];
  }[];
};

/*
 * Each cell's endorsements: who endorsed or questioned it, when, their
 * comment, and, where the author has changed the cell since, that the answer
 * was given to an earlier version, with the words it was given to. Colleagues
 * asked about the cell who gave no answer to it are named with how their
 * request stands.
 */
export function endorsementBlocks(view: EndorsementPart, format: Format): Record<string, DocBlock[]> {
  const answers: Record<string, DocBlock[]> = {};
  const unanswered: Record<string, string[]> = {};
  for (const request of view.endorsements) {
    for (const a of request.cells) {
      if (request.state === "answered" && a.stance) {
        const blocks: DocBlock[] = [{ kind: "markdown", text: a.comment, empty: "No comment." }];
        if (a.freshness === "earlier") {
          blocks.push({ kind: "note", text: "Given to an earlier version of this cell: the case has changed since." });
          blocks.push({ kind: "group", title: `The words ${request.endorserName} answered`, blocks: [{ kind: "markdown", text: a.answeredText ?? "", empty: "Not kept." }] });
        }
        (answers[a.cell] ??= []).push({ kind: "group", title: `${STANCE_LABEL[a.stance]} by ${request.endorserName}${a.answeredAt ? ` (${format.date(a.answeredAt)})` : ""}`, blocks });
      } else {
        const state = REQUEST_STATE_LABEL[request.state].toLowerCase();
        const how = request.state === "answered" ? "no answer for this cell" : request.state === "declined" && request.declineReason.trim() ? `${state}: ${request.declineReason.trim()}` : state;
        (unanswered[a.cell] ??= []).push(`${request.endorserName} (${how})`);
      }
    }
  }
  const cells = new Set([...Object.keys(answers), ...Object.keys(unanswered)]);
  return Object.fromEntries(
    [...cells].map((cell) => [cell, [...(answers[cell] ?? []), ...(unanswered[cell] ? [{ kind: "note" as const, text: `Also asked to endorse this cell: ${unanswered[cell].join(", ")}.` }] : [])]]),
  );
}
