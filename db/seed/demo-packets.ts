import crypto from "node:crypto";
import { and, asc, desc, eq } from "drizzle-orm";
import type { Db, Executor } from "@/db";
import { auditLog, evidenceEntries, frameworkVersions, packetCells, packetCitations, packetEvents, packetPrivateNotes, packets, versionCompetencies, versionThemes } from "@/db/schema";
import type { PacketKind, PacketRating, PacketStatus } from "@/lib/domain/enums";
import { demoCaseText } from "./demo-packet-texts";

/*
 * Demo promotion packets, one in each state:
 *   Jordan (IC2 -> IC3): returned by Sam with feedback, back to a draft;
 *   Alex (IC3 -> IC4): submitted to Sam, half rated, with private notes;
 *   Noor (IC3 -> M1, a track move): endorsed by Dana with one justified gap,
 *     so with the committee;
 *   Elliot (IC2 -> IC3): a draft Dana started for him;
 *   Taylor (IC3 -> IC4): approved by the committee three days ago;
 *   Riley (IC1 -> IC2): declined by the committee, with what is missing.
 * The committee's votes and decisions and the endorsements are in
 * demo-committee.ts. The cells are the published version's, whatever its shape.
 */
type Step = { step: "start" | "submit" | "return" | "endorse" | "approve" | "decline"; by: string; daysAgo: number; from: PacketStatus | null; to: PacketStatus; note?: string };
type DemoPacket = {
  who: string;
  startedBy: string;
  from: string;
  target: string;
  kind: PacketKind;
  status: PacketStatus;
  summary: string;
  written: "all" | "none";
  cites?: Record<string, string[]>;
  ratedBy?: string;
  rate?: (cell: string, i: number) => { rating: PacketRating | null; comment?: string; justification?: string };
  notes?: string;
  steps: Step[];
};

const PACKETS: DemoPacket[] = [
  {
    who: "jordan",
    startedBy: "jordan",
    from: "ic2",
    target: "ic3",
    kind: "promotion",
    status: "draft",
    summary: "Over the last year I have taken on work that used to need a senior engineer: the **search v2** rewrite, the queue service's on-call runbook and the cache outage review.",
    written: "all",
    cites: { "technical.complexity": ["Shipped search v2 behind a flag", "Cut CI time from 18 to 7 minutes"], "leadership.multiplier": ["Wrote the on-call runbook for the queue service", "Paired with Riley through their first deploy"] },
    ratedBy: "sam",
    rate: (cell) =>
      cell === "leadership.influence"
        ? { rating: "not-yet", comment: "I have not yet seen you lead work that spans more than the Platform team. The cache review was a good start: say what changed outside Platform because of it." }
        : { rating: cell.startsWith("technical") ? "exceeds" : "meets", comment: "Agreed; the evidence is clear." },
    steps: [
      { step: "start", by: "jordan", daysAgo: 20, from: null, to: "draft" },
      { step: "submit", by: "jordan", daysAgo: 9, from: "draft", to: "submitted", note: "Ready for your review." },
      { step: "return", by: "sam", daysAgo: 6, from: "submitted", to: "draft", note: "Strong on technical work. **Leadership · Sphere of influence** needs evidence from beyond Platform before I can endorse it." },
    ],
  },
  {
    who: "alex",
    startedBy: "alex",
    from: "ic3",
    target: "ic4",
    kind: "promotion",
    status: "submitted",
    summary: "I led the platform migration end to end and now set technical direction for two teams.",
    written: "all",
    ratedBy: "sam",
    rate: (_cell, i) => (i < 4 ? { rating: "meets", comment: "Seen this half." } : { rating: null }),
    notes: "Check with Priya how this lands next to the other Staff candidates before endorsing.",
    steps: [
      { step: "start", by: "alex", daysAgo: 14, from: null, to: "draft" },
      { step: "submit", by: "alex", daysAgo: 3, from: "draft", to: "submitted", note: "The migration write-up is linked from each cell." },
    ],
  },
  {
    who: "noor",
    startedBy: "dana",
    from: "ic3",
    target: "m1",
    kind: "track-move",
    status: "endorsed",
    summary: "Noor has run the onboarding research team informally for a year; this packet makes it official on the management track.",
    written: "all",
    ratedBy: "dana",
    rate: (cell) =>
      cell === "technical.multiplier"
        ? { rating: "not-yet", comment: "Fair: still building this.", justification: "Noor's first report starts next month; the multiplier work is planned with them and I will coach it." }
        : { rating: "meets", comment: "Shown through the onboarding research team." },
    notes: "Talked to Priya: headcount for Noor's team is approved.",
    steps: [
      { step: "start", by: "dana", daysAgo: 40, from: null, to: "draft" },
      { step: "submit", by: "noor", daysAgo: 25, from: "draft", to: "submitted" },
      { step: "endorse", by: "dana", daysAgo: 18, from: "submitted", to: "endorsed", note: "Ready: one justified gap, explained in the cell." },
    ],
  },
  {
    who: "taylor",
    startedBy: "taylor",
    from: "ic3",
    target: "ic4",
    kind: "promotion",
    status: "approved",
    summary: "For two years I have set the technical direction for Platform and Data, and the teams around them build on it.",
    written: "all",
    ratedBy: "priya",
    rate: (cell) => ({ rating: cell === "leadership.multiplier" ? "exceeds" : "meets", comment: "Seen across Platform and Data this year." }),
    steps: [
      { step: "start", by: "taylor", daysAgo: 60, from: null, to: "draft" },
      { step: "submit", by: "taylor", daysAgo: 45, from: "draft", to: "submitted", note: "The design reviews are linked from each cell." },
      { step: "endorse", by: "priya", daysAgo: 30, from: "submitted", to: "endorsed", note: "Operating at Staff for a year; every cell meets it." },
      { step: "approve", by: "morgan", daysAgo: 3, from: "endorsed", to: "approved", note: "IC4 · Staff Engineer from the decision's date.\n\nThe committee found every cell at Staff, with the strongest evidence in Leadership · Multiplier effect." },
    ],
  },
  {
    who: "riley",
    startedBy: "riley",
    from: "ic1",
    target: "ic2",
    kind: "promotion",
    status: "declined",
    summary: "In my first months I took on the deploy tooling and the on-call rotation.",
    written: "all",
    ratedBy: "sam",
    rate: () => ({ rating: "meets", comment: "A strong start." }),
    steps: [
      { step: "start", by: "riley", daysAgo: 70, from: null, to: "draft" },
      { step: "submit", by: "riley", daysAgo: 55, from: "draft", to: "submitted" },
      { step: "endorse", by: "sam", daysAgo: 45, from: "submitted", to: "endorsed", note: "Early, but the work is there; let the committee judge." },
      { step: "decline", by: "morgan", daysAgo: 20, from: "endorsed", to: "declined", note: "Not yet: the committee wants to see the work hold up over a full cycle. What is missing is beside each cell." },
    ],
  },
  {
    who: "elliot",
    startedBy: "dana",
    from: "ic2",
    target: "ic3",
    kind: "promotion",
    status: "draft",
    summary: "",
    written: "none",
    steps: [{ step: "start", by: "dana", daysAgo: 2, from: null, to: "draft" }],
  },
];

/* Seeds the packets; answers each one's id by its author's key, for demo-committee.ts. */
export function seedDemoPackets(database: Db, ids: Map<string, string>, now = new Date()): Map<string, string> {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);
  const packetIds = new Map<string, string>();
  database.transaction(
    (tx) => {
      // Packets are pinned to the version published now: the newest.
      const versionId = tx.select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.status, "published")).orderBy(desc(frameworkVersions.number)).get()!.id;
      const competencies = tx.select({ key: versionCompetencies.competencyKey, name: versionCompetencies.name }).from(versionCompetencies).where(eq(versionCompetencies.versionId, versionId)).orderBy(asc(versionCompetencies.position)).all();
      const themes = tx.select({ key: versionThemes.themeKey, name: versionThemes.name }).from(versionThemes).where(eq(versionThemes.versionId, versionId)).orderBy(asc(versionThemes.position)).all();
      const cells = competencies.flatMap((c) => themes.map((t) => ({ competencyKey: c.key, themeKey: t.key, key: `${c.key}.${t.key}`, name: `${c.name} · ${t.name}` })));
      for (const p of PACKETS) {
        const id = crypto.randomUUID();
        packetIds.set(p.who, id);
        const personId = ids.get(p.who)!;
        const last = p.steps.at(-1)!;
        const submitted = p.steps.filter((s) => s.step === "submit").at(-1);
        const endorsed = p.steps.find((s) => s.step === "endorse");
        tx.insert(packets)
          .values({
            id,
            personId,
            startedById: ids.get(p.startedBy)!,
            frameworkVersionId: versionId,
            fromLevelKey: p.from,
            targetLevelKey: p.target,
            kind: p.kind,
            status: p.status,
            summary: p.summary,
            caseVersion: p.steps.length + (p.written === "all" ? 2 : 0),
            caseSavedAt: p.written === "all" ? at(p.steps[1]?.daysAgo ?? 1) : null,
            managerVersion: p.ratedBy ? p.steps.length + 1 : 1,
            managerAuthorId: p.ratedBy ? ids.get(p.ratedBy)! : null,
            submittedAt: submitted ? at(submitted.daysAgo) : null,
            endorsedAt: endorsed ? at(endorsed.daysAgo) : null,
            closedAt: p.status === "approved" || p.status === "declined" ? at(last.daysAgo) : null,
            createdAt: at(p.steps[0]!.daysAgo),
            updatedAt: at(last.daysAgo),
          })
          .run();
        cells.forEach((c, i) => {
          const rated = p.rate?.(c.key, i);
          tx.insert(packetCells)
            .values({ packetId: id, competencyKey: c.competencyKey, themeKey: c.themeKey, caseText: p.written === "all" ? demoCaseText(p.who, c.key, c.name) : "", textVersion: p.written === "all" ? 2 : 1, managerRating: rated?.rating ?? null, managerComment: rated?.comment ?? "", managerJustification: rated?.justification ?? "" })
            .run();
          for (const title of p.cites?.[c.key] ?? []) citeByTitle(tx, id, personId, c, title);
        });
        if (p.notes) tx.insert(packetPrivateNotes).values({ packetId: id, body: p.notes, version: 1, updatedById: ids.get(p.ratedBy!)!, updatedAt: at(last.daysAgo) }).run();
        for (const s of p.steps) {
          tx.insert(packetEvents).values({ packetId: id, at: at(s.daysAgo), actorId: ids.get(s.by)!, step: s.step, fromStatus: s.from, toStatus: s.to, note: s.note ?? "" }).run();
          tx.insert(auditLog).values({ at: at(s.daysAgo), actorId: null, action: `packet.${s.step}`, recordType: "packet", recordId: id, summary: `Demo data: ${s.step} (${p.who}, ${p.target})` }).run();
        }
      }
    },
    { behavior: "immediate" },
  );
  return packetIds;
}

function citeByTitle(tx: Executor, packetId: string, personId: string, cell: { competencyKey: string; themeKey: string }, title: string) {
  const entry = tx.select({ id: evidenceEntries.id }).from(evidenceEntries).where(and(eq(evidenceEntries.personId, personId), eq(evidenceEntries.title, title))).get();
  if (entry) tx.insert(packetCitations).values({ packetId, competencyKey: cell.competencyKey, themeKey: cell.themeKey, entryId: entry.id }).run();
}
