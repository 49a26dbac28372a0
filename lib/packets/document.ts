import type { PacketKind, PacketRating, PacketStatus } from "@/lib/domain/enums";
import { CASE_AUDIENCE, caseAudienceFor, readersAndCommittee } from "@/lib/policies/packets";
import { PACKET_EVENT_LABEL, PACKET_STATUS_LABEL, packetRatingLabel } from "./flow";
import type { Readiness } from "./readiness";

/*
 * A packet as a finished document: what the print view and the PDF both
 * render, so the two always hold the same words. It is built from the packet
 * as the viewer may read it (lib/dal/packets.ts getPacket), so a part the
 * viewer may not see is never in it. The shape is a few generic blocks, so a
 * new part (endorsements, votes, a decision) is one more section or one more
 * block in a cell, with no change to either renderer (docs/packet-document.md).
 */
export type DocFact = { label: string; value: string };
export type DocBlock =
  /* User-written Markdown; `empty` is said instead when there is none. */
  | { kind: "markdown"; text: string; empty: string }
  /* Label: value lines (the target expectation, a rating). */
  | { kind: "facts"; items: DocFact[] }
  /* A short list of plain lines under a label (evidence cited). */
  | { kind: "list"; label: string; items: string[] }
  /* A quiet line: who may see a part, how a rule reads. */
  | { kind: "note"; text: string }
  /* A titled part inside a section (the manager's part of a cell). */
  | { kind: "group"; title: string; blocks: DocBlock[] }
  /* Dated steps, oldest first. */
  | { kind: "events"; items: { title: string; when: string; note: string }[] };
export type DocSection = { id: string; title: string; audience?: string; blocks: DocBlock[] };
export type PacketDocument = { title: string; facts: DocFact[]; sections: DocSection[] };

/* The part of getPacket's answer the document needs, written out so this module stays pure. */
export type PacketDocumentSource = {
  packet: { personName: string; status: PacketStatus; kind: PacketKind; summary: string; createdAt: Date };
  role: string;
  from: { label: string };
  target: { label: string; trackName: string | null };
  frameworkVersion: { number: number; name: string };
  startedBy: string | null;
  cells: { id: string; anchor: string; name: string; target: { expectation: string } | null; text: string; citations: string[] }[];
  manager: { cells: { cell: string; rating: PacketRating | null; comment: string; justification: string }[]; author: string | null } | null;
  readiness: Readiness | null;
  events: { at: Date; step: string; fromStatus: PacketStatus | null; toStatus: PacketStatus; note: string; actorName: string | null }[];
  cited: Record<string, { title: string; occurredOn: string; removed: boolean } | undefined>;
};

/* Extra blocks other modules add to a cell, by cell id, and extra sections, in order. */
export type DocExtras = { cellBlocks?: Record<string, DocBlock[]>; sections?: DocSection[] };

type Format = { date: (d: string | Date) => string; dateTime: (d: Date) => string };

export function buildPacketDocument(source: PacketDocumentSource, format: Format, extras: DocExtras = {}): PacketDocument {
  const { packet, manager } = source;
  const own = source.role === "author";
  // The same words as the packet page: the case's readers, and the wider audience of the timeline.
  const audience = own ? CASE_AUDIENCE : caseAudienceFor(packet.personName);
  const wider = readersAndCommittee(own ? null : packet.personName);
  const managerOf = new Map((manager?.cells ?? []).map((c) => [c.cell, c]));
  const cited = (id: string) => {
    const entry = source.cited[id];
    return entry ? `${entry.title} (${format.date(entry.occurredOn)})${entry.removed ? ", removed from the log" : ""}` : null;
  };
  const cellSections = source.cells.map((cell): DocSection => {
    const rated = managerOf.get(cell.id);
    const evidence = cell.citations.map(cited).filter((line): line is string => line !== null);
    const blocks: DocBlock[] = [
      { kind: "facts", items: [{ label: `Expected at ${source.target.label}`, value: cell.target?.expectation ?? "Not described in this framework version." }] },
      { kind: "group", title: "The case", blocks: [{ kind: "markdown", text: cell.text, empty: "No case written for this cell." }] },
      ...(evidence.length ? [{ kind: "list" as const, label: "Evidence cited", items: evidence }] : []),
      ...(manager ? [managerGroup(rated, manager.author)] : []),
      ...(extras.cellBlocks?.[cell.id] ?? []),
    ];
    return { id: cell.anchor, title: cell.name, blocks };
  });
  return {
    title: `${packet.personName}: promotion packet for ${source.target.label}`,
    facts: [
      { label: "Person", value: packet.personName },
      { label: "Current level", value: source.from.label },
      { label: "Target level", value: packet.kind === "track-move" ? `${source.target.label} (a move to the ${source.target.trackName ?? "other"} track)` : source.target.label },
      { label: "Framework", value: `Version ${source.frameworkVersion.number} (${source.frameworkVersion.name})` },
      { label: "Status", value: PACKET_STATUS_LABEL[packet.status] },
      { label: "Started", value: `${format.date(packet.createdAt)} by ${source.startedBy ?? "someone no longer here"}` },
      { label: "Visible to", value: audience },
      ...(manager ? [{ label: "The manager's part visible to", value: own ? "You, your managers and admins" : `${packet.personName}'s managers and admins, and ${packet.personName} once the packet is returned or endorsed` }] : []),
    ],
    sections: [
      { id: "summary", title: "Summary", audience, blocks: [{ kind: "markdown", text: packet.summary, empty: "No summary written." }] },
      ...(source.readiness ? [readinessSection(source.readiness)] : []),
      ...cellSections,
      ...(extras.sections ?? []),
      {
        id: "timeline",
        title: "Timeline",
        audience: wider,
        blocks: [{ kind: "events", items: source.events.map((e) => ({ title: `${PACKET_EVENT_LABEL[e.step as keyof typeof PACKET_EVENT_LABEL] ?? e.step} by ${e.actorName ?? "someone no longer here"}`, when: `${format.dateTime(e.at)} · ${e.fromStatus ? `${PACKET_STATUS_LABEL[e.fromStatus]} → ` : ""}${PACKET_STATUS_LABEL[e.toStatus]}`, note: e.note })) }],
      },
    ],
  };
}

function managerGroup(rated: { rating: PacketRating | null; comment: string; justification: string } | undefined, author: string | null): DocBlock {
  return {
    kind: "group",
    title: `Manager's rating${author ? ` (${author})` : ""}`,
    blocks: [
      { kind: "facts", items: [{ label: "Rating", value: packetRatingLabel(rated?.rating) }] },
      ...(rated?.comment ? [{ kind: "markdown" as const, text: rated.comment, empty: "" }] : []),
      ...(rated?.justification ? [{ kind: "group" as const, title: "Justification for the gap", blocks: [{ kind: "markdown" as const, text: rated.justification, empty: "" }] }] : []),
    ],
  };
}

function readinessSection(readiness: Readiness): DocSection {
  return {
    id: "readiness",
    title: "Readiness",
    blocks: [
      { kind: "facts", items: [{ label: "Verdict", value: readiness.summary }] },
      { kind: "note", text: `The rule: ${readiness.rule}` },
      ...(readiness.holding.length ? [{ kind: "list" as const, label: "Holding the packet back", items: readiness.holding.map((h) => `${h.name}: ${h.reason}`) }] : []),
      ...(readiness.justified.length ? [{ kind: "list" as const, label: "Justified gaps", items: readiness.justified.map((j) => j.name) }] : []),
    ],
  };
}

/* Every piece of text in a document, in reading order: for tests, and for a search of what a reader was given. */
export function documentText(doc: PacketDocument): string[] {
  const blockText = (b: DocBlock): string[] => {
    switch (b.kind) {
      case "markdown":
        return [b.text || b.empty];
      case "facts":
        return b.items.flatMap((f) => [f.label, f.value]);
      case "list":
        return [b.label, ...b.items];
      case "note":
        return [b.text];
      case "group":
        return [b.title, ...b.blocks.flatMap(blockText)];
      case "events":
        return b.items.flatMap((e) => [e.title, e.when, e.note]);
    }
  };
  return [doc.title, ...doc.facts.flatMap((f) => [f.label, f.value]), ...doc.sections.flatMap((s) => [s.title, ...(s.audience ? [s.audience] : []), ...s.blocks.flatMap(blockText)])].filter(Boolean);
}
