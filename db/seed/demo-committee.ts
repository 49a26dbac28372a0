import crypto from "node:crypto";
import { and, eq } from "drizzle-orm";
import type { Db, Executor } from "@/db";
import { auditLog, committeeVotes, endorsementCells, endorsementRequests, levelHistory, packetCells, packetDecisions, people } from "@/db/schema";
import type { CommitteeVote, EndorsementRequestStatus, EndorsementStance } from "@/lib/domain/enums";

/*
 * The committee and endorsements in the demo, on the packets of demo-packets.ts:
 *   Taylor's packet approved three days ago (her level changes to IC4 in her
 *     level history, as an approval records it), Riley's declined with what is
 *     missing in two cells, Noor's in committee with Quinn's vote in and
 *     Avery's to come; Priya, on the committee, is recused from all three
 *     (each is in her org).
 *   Endorsements in each state: Alex answered Jordan (one answer given to
 *     words Jordan has since changed), Taylor declined, Noor has not answered
 *     yet; Jordan is asked about Alex's packet (pending, on Jordan's Needs my
 *     action); Elliot endorsed Noor's, Alex endorsed Taylor's.
 */
type Answer = { cell: string; stance: EndorsementStance; comment: string; earlierWords?: string };
type Request = { packet: string; endorser: string; daysAgo: number; status: EndorsementRequestStatus; message?: string; cells: string[]; answers?: Answer[]; declineReason?: string };

const REQUESTS: Request[] = [
  {
    packet: "jordan",
    endorser: "alex",
    daysAgo: 18,
    status: "answered",
    message: "You saw the search v2 rollout and the cache review up close.",
    cells: ["technical.complexity", "values.multiplier", "leadership.influence"],
    answers: [
      { cell: "technical.complexity", stance: "endorse", comment: "I reviewed all six steps of the rewrite; the split made each one safe to ship." },
      { cell: "values.multiplier", stance: "endorse", comment: "The review template is the one we all use now.", earlierWords: "Ran the review of the cache outage." },
      { cell: "leadership.influence", stance: "question", comment: "I saw the all-hands talk, but not yet work that changed things outside Platform." },
    ],
  },
  { packet: "jordan", endorser: "taylor", daysAgo: 17, status: "declined", cells: ["technical.influence"], declineReason: "I have not worked with Jordan this year; Alex is better placed." },
  { packet: "jordan", endorser: "noor", daysAgo: 2, status: "pending", message: "We paired on the onboarding flow's deploys.", cells: ["values.influence", "leadership.multiplier"] },
  { packet: "alex", endorser: "jordan", daysAgo: 2, status: "pending", message: "You were on the migration from the first week.", cells: ["technical.complexity", "technical.multiplier", "leadership.multiplier"] },
  { packet: "alex", endorser: "riley", daysAgo: 5, status: "answered", cells: ["leadership.multiplier"], answers: [{ cell: "leadership.multiplier", stance: "endorse", comment: "Alex's migration toolkit docs got me through my first service move." }] },
  {
    packet: "noor",
    endorser: "elliot",
    daysAgo: 28,
    status: "answered",
    cells: ["leadership.complexity", "leadership.multiplier"],
    answers: [
      { cell: "leadership.complexity", stance: "endorse", comment: "Noor ran the research team's planning; I was one of the four." },
      { cell: "leadership.multiplier", stance: "endorse", comment: "I ran my first research session because Noor set it up for me to lead." },
    ],
  },
  { packet: "taylor", endorser: "alex", daysAgo: 50, status: "answered", cells: ["technical.influence"], answers: [{ cell: "technical.influence", stance: "endorse", comment: "Every Platform service I moved used Taylor's event contracts." }] },
];

const VOTES: { packet: string; member: string; vote: CommitteeVote; comment: string; daysAgo: number }[] = [
  { packet: "taylor", member: "avery", vote: "approve", comment: "The event backbone is Staff-level work by any measure.", daysAgo: 20 },
  { packet: "taylor", member: "quinn", vote: "approve", comment: "Clear multiplier effect: three people now lead cross-team work.", daysAgo: 15 },
  { packet: "riley", member: "avery", vote: "decline", comment: "Promising, but a quarter of evidence is not enough for IC2's sphere of influence.", daysAgo: 35 },
  { packet: "riley", member: "quinn", vote: "decline", comment: "Agree with Avery; let the rollback tool prove itself over a cycle.", daysAgo: 30 },
  { packet: "noor", member: "quinn", vote: "approve", comment: "The justified gap is planned for; the rest is clearly at M1.", daysAgo: 10 },
];

const RILEY_MISSING: Record<string, string> = {
  "technical.influence": "Work that other teams rely on over a full cycle, not two fixes.",
  "leadership.complexity": "Leading an incident or a piece of work end to end without a shadow.",
};

export function seedDemoCommittee(database: Db, ids: Map<string, string>, packetIds: Map<string, string>, now = new Date()) {
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000);
  const morgan = ids.get("morgan")!;
  database.transaction(
    (tx) => {
      const taylorDecided = at(3);
      const effectiveDate = taylorDecided.toISOString().slice(0, 10);
      decide(tx, packetIds.get("taylor")!, "approved", "Every cell at Staff, with the strongest evidence in Leadership · Multiplier effect.", effectiveDate, morgan, taylorDecided);
      const taylor = ids.get("taylor")!;
      tx.update(people).set({ levelKey: "ic4", trackKey: "ic" }).where(eq(people.id, taylor)).run();
      tx.insert(levelHistory).values({ personId: taylor, trackKey: "ic", levelKey: "ic4", effectiveDate, reason: "IC4 · Staff Engineer: promotion packet approved by the committee", recordedById: morgan, createdAt: taylorDecided }).run();
      tx.insert(auditLog).values({ at: taylorDecided, actorId: null, action: "person.level-change", recordType: "person", recordId: taylor, summary: "Demo data: ic3 -> ic4 (promotion packet approved)" }).run();

      const riley = packetIds.get("riley")!;
      decide(tx, riley, "declined", "Not yet: the committee wants to see the work hold up over a full cycle.", null, morgan, at(20));
      for (const [cell, missing] of Object.entries(RILEY_MISSING)) {
        const [competencyKey, themeKey] = cell.split(".") as [string, string];
        tx.update(packetCells).set({ missing }).where(and(eq(packetCells.packetId, riley), eq(packetCells.competencyKey, competencyKey), eq(packetCells.themeKey, themeKey))).run();
      }

      for (const v of VOTES) {
        tx.insert(committeeVotes).values({ packetId: packetIds.get(v.packet)!, memberId: ids.get(v.member)!, vote: v.vote, comment: v.comment, createdAt: at(v.daysAgo), updatedAt: at(v.daysAgo) }).run();
        tx.insert(auditLog).values({ at: at(v.daysAgo), actorId: null, action: "committee.vote", recordType: "packet", recordId: packetIds.get(v.packet)!, summary: `Demo data: ${v.member} voted ${v.vote}` }).run();
      }
      for (const r of REQUESTS) seedRequest(tx, r, ids, packetIds, at);
    },
    { behavior: "immediate" },
  );
}

function decide(tx: Executor, packetId: string, outcome: "approved" | "declined", reasons: string, effectiveDate: string | null, by: string, when: Date) {
  tx.insert(packetDecisions).values({ packetId, outcome, reasons, effectiveDate, decidedById: by, decidedAt: when }).run();
}

function seedRequest(tx: Executor, r: Request, ids: Map<string, string>, packetIds: Map<string, string>, at: (daysAgo: number) => Date) {
  const id = crypto.randomUUID();
  const packetId = packetIds.get(r.packet)!;
  const answered = r.status === "answered" ? at(r.daysAgo - 1) : null;
  tx.insert(endorsementRequests)
    .values({ id, packetId, endorserId: ids.get(r.endorser)!, requestedById: ids.get(r.packet)!, message: r.message ?? "", status: r.status, declineReason: r.declineReason ?? "", version: r.status === "pending" ? 1 : 2, createdAt: at(r.daysAgo), answeredAt: answered, closedAt: r.status === "declined" ? at(r.daysAgo - 1) : null })
    .run();
  tx.insert(auditLog).values({ at: at(r.daysAgo), actorId: null, action: "endorsement.request", recordType: "packet", recordId: packetId, summary: `Demo data: ${r.packet} asked ${r.endorser} (${r.status})` }).run();
  for (const cell of r.cells) {
    const [competencyKey, themeKey] = cell.split(".") as [string, string];
    const answer = r.answers?.find((a) => a.cell === cell);
    const current = tx.select({ text: packetCells.caseText, textVersion: packetCells.textVersion }).from(packetCells).where(and(eq(packetCells.packetId, packetId), eq(packetCells.competencyKey, competencyKey), eq(packetCells.themeKey, themeKey))).get()!;
    // An answer given to earlier words carries those words and the version before the current one.
    const given = answer?.earlierWords ? { text: answer.earlierWords, version: current.textVersion - 1 } : { text: current.text, version: current.textVersion };
    tx.insert(endorsementCells)
      .values({ requestId: id, competencyKey, themeKey, stance: answer?.stance ?? null, comment: answer?.comment ?? "", textVersion: answer ? given.version : null, answeredText: answer ? given.text : null, answeredAt: answer ? answered : null })
      .run();
  }
}
