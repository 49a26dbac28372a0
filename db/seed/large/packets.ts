import type { PacketStatus } from "@/lib/domain/enums";
import { cellIdOf, inserter, type SeedContext } from "./context";
import { LARGE_ACCOUNTS, type LargePerson } from "./org";
import { addDays, at } from "./random";

/*
 * Promotion packets in every state of the flow:
 * - open ones for about 3% of the active people who have a next level: a
 *   draft being written, one returned with feedback, submitted to the
 *   manager, endorsed and with the committee (some members' votes in), and
 *   withdrawn or declined ones (declined with what is missing per cell);
 * - approved ones behind about a third of the latest promotions in the level
 *   histories, decided on the promotion's date, so each person's level is
 *   what their approved packet made it.
 * Each has its cells' cases, citations of the person's evidence, the
 * manager's ratings once submitted, endorsement requests to teammates in
 * every state, and its timeline in packet_events and the audit log.
 * LARGE_ACCOUNTS.engineer always has a submitted packet, for the page
 * benchmark. Everything comes from ctx.rng, so the rows stay the same.
 */
const NEXT: Record<string, string> = { ic1: "ic2", ic2: "ic3", ic3: "ic4", ic4: "ic5", ic5: "ic6", m1: "m2", m2: "m3", m3: "m4", m4: "m5" };
const DAY = 86_400_000;
type Shape = "draft" | "returned" | "submitted" | "endorsed" | "withdrawn" | "declined" | "approved";
const STATUS: Record<Shape, PacketStatus> = { draft: "draft", returned: "draft", submitted: "submitted", endorsed: "endorsed", withdrawn: "withdrawn", declined: "declined", approved: "approved" };
type Plan = { person: LargePerson; manager: LargePerson; from: string; to: string; shape: Shape; startedOn: string };

function plans(ctx: SeedContext): Plan[] {
  const { rng, people } = ctx;
  const out: Plan[] = [];
  for (const p of people) {
    const manager = p.managerIndex === null ? null : people[p.managerIndex]!;
    if (!p.active || !manager) continue;
    // An approved packet behind some of the latest promotions on the same track.
    const last = p.history.at(-1)!;
    const before = p.history.at(-2);
    if (before && before.trackKey === last.trackKey && NEXT[before.levelKey] === last.levelKey && rng.chance(0.35)) {
      out.push({ person: p, manager, from: before.levelKey, to: last.levelKey, shape: "approved", startedOn: addDays(last.effectiveDate, -45) });
    }
    const target = NEXT[p.levelKey];
    const special = p.email === LARGE_ACCOUNTS.engineer;
    if (!target || (!special && !rng.chance(0.03))) continue;
    const shape: Shape = special ? "submitted" : rng.weighted({ draft: 4, returned: 1, submitted: 2, endorsed: 2, withdrawn: 1, declined: 1 });
    out.push({ person: p, manager, from: p.levelKey, to: target, shape, startedOn: addDays(ctx.today, -rng.int(10, 60)) });
  }
  return out;
}

/* Everyone above a person: a committee member among them is recused, as is the person. */
function chainOf(p: LargePerson, people: LargePerson[]) {
  const chain = new Set<string>([p.id]);
  for (let m = p.managerIndex; m !== null; m = people[m]!.managerIndex) chain.add(people[m]!.id);
  return chain;
}

export function seedPackets(ctx: SeedContext): number {
  const { rng, people } = ctx;
  const admin = ctx.byEmail.get(LARGE_ACCOUNTS.admin)!;
  const packet = inserter(ctx, "packets", ["id", "person_id", "started_by_id", "framework_version_id", "from_level_key", "target_level_key", "kind", "status", "summary", "case_version", "case_saved_at", "manager_version", "manager_author_id", "submitted_at", "endorsed_at", "closed_at", "created_at", "updated_at"]);
  const cell = inserter(ctx, "packet_cells", ["packet_id", "competency_key", "theme_key", "case_text", "text_version", "manager_rating", "manager_comment", "manager_justification", "missing"]);
  const cite = inserter(ctx, "packet_citations", ["packet_id", "competency_key", "theme_key", "entry_id"]);
  const event = inserter(ctx, "packet_events", ["packet_id", "at", "actor_id", "step", "from_status", "to_status", "note"]);
  const audit = inserter(ctx, "audit_log", ["at", "actor_id", "action", "record_type", "record_id", "summary"]);
  const decision = inserter(ctx, "packet_decisions", ["packet_id", "outcome", "reasons", "effective_date", "decided_by_id", "decided_at"]);
  const vote = inserter(ctx, "committee_votes", ["packet_id", "member_id", "vote", "comment", "created_at", "updated_at"]);
  const request = inserter(ctx, "endorsement_requests", ["id", "packet_id", "endorser_id", "requested_by_id", "message", "status", "decline_reason", "version", "created_at", "answered_at", "closed_at"]);
  const answer = inserter(ctx, "endorsement_cells", ["request_id", "competency_key", "theme_key", "stance", "comment", "text_version", "answered_text", "answered_at"]);
  const teams = new Map<number, LargePerson[]>();
  for (const p of people) if (p.managerIndex !== null && p.active) teams.set(p.managerIndex, [...(teams.get(p.managerIndex) ?? []), p]);

  const all = plans(ctx);
  for (const { person: p, manager, from, to, shape, startedOn } of all) {
    const id = rng.uuid();
    const started = at(startedOn, 10);
    const byManager = rng.chance(0.2);
    const submitted = shape === "draft" ? null : at(addDays(startedOn, rng.int(3, 8)), 16);
    const managerStep = submitted === null ? null : submitted + rng.int(1, 5) * DAY;
    const endorsed = shape === "endorsed" || shape === "declined" || shape === "approved" ? managerStep : null;
    const decidedAt = shape === "approved" ? at(addDays(startedOn, 45), 11) : shape === "declined" ? endorsed! + rng.int(5, 15) * DAY : null;
    const closed = shape === "withdrawn" ? managerStep : decidedAt;
    const rated = submitted !== null && shape !== "withdrawn";
    const status = STATUS[shape];
    packet(
      id, p.id, byManager ? manager.id : p.id, ctx.versionId, from, to, "promotion", status,
      `${p.name.split(" ")[0]} has been working at ${to.toUpperCase()} for two halves; the cells below say where.`,
      shape === "draft" ? 2 : 3, submitted ?? started, rated ? 2 : 1, rated ? manager.id : null,
      submitted, endorsed, closed, started, closed ?? managerStep ?? submitted ?? started,
    );
    const entries = ctx.evidence.get(p.id) ?? [];
    const missing = shape === "declined" ? new Set(rng.pickMany(ctx.cellKeys.map(cellIdOf), rng.int(1, 2))) : new Set<string>();
    const texts = new Map<string, number>();
    for (const key of ctx.cellKeys) {
      const cid = cellIdOf(key);
      const hasCase = shape !== "draft" || rng.chance(0.6);
      const rating = rated ? rng.weighted({ meets: 6, exceeds: 2, "not-yet": 1 }) : null;
      const textVersion = hasCase ? rng.int(1, 3) : 1;
      texts.set(cid, textVersion);
      cell(id, key.competencyKey, key.themeKey, hasCase ? `At ${to.toUpperCase()} in ${cid.replace(".", " · ")}: led the work, wrote it up and brought others along.` : "", textVersion, rating, rating ? `Seen in ${cid.replace(".", " · ")} this year.` : "", rating === "not-yet" ? "One more half of this and it is there." : "", missing.has(cid) ? "A second example at this level, outside the person's own team." : "");
      if (!hasCase) continue;
      for (const e of entries.filter((x) => x.cells.includes(cid)).slice(-2)) cite(id, key.competencyKey, key.themeKey, e.id);
    }
    const step = (when: number, actor: LargePerson, name: string, fromStatus: PacketStatus | null, toStatus: PacketStatus, note: string) => {
      event(id, when, actor.id, name, fromStatus, toStatus, note);
      audit(when, actor.id, `packet.${name}`, "packet", id, `${name} ${p.name}'s packet (${fromStatus ?? "new"} -> ${toStatus})`);
    };
    step(started, byManager ? manager : p, "start", null, "draft", "");
    if (submitted) step(submitted, p, "submit", "draft", "submitted", "");
    if (shape === "returned") step(managerStep!, manager, "return", "submitted", "draft", "Say more about the Leadership row before this goes on.");
    if (shape === "withdrawn") step(managerStep!, p, "withdraw", "submitted", "withdrawn", "Waiting for the next cycle.");
    if (endorsed) step(endorsed, manager, "endorse", "submitted", "endorsed", "Ready for the committee.");

    // Teammates asked to endorse a few cells, in every state of a request.
    const teammates = (teams.get(p.managerIndex!) ?? []).filter((t) => t.id !== p.id);
    if (submitted && teammates.length && rng.chance(0.6)) {
      for (const endorser of rng.pickMany(teammates, Math.min(teammates.length, rng.int(1, 2)))) {
        const requestId = rng.uuid();
        const asked = submitted - DAY;
        const state = rng.weighted({ answered: 6, pending: shape === "submitted" || shape === "returned" ? 2 : 0, declined: 1 });
        const answeredAt = state === "pending" ? null : asked + rng.int(1, 3) * DAY;
        request(requestId, id, endorser.id, p.id, "Could you speak to the cells you saw me work on?", state, state === "declined" ? "I did not work closely enough with them this half." : "", state === "pending" ? 1 : 2, asked, answeredAt, state === "declined" ? answeredAt : null);
        for (const key of rng.pickMany(ctx.cellKeys, 3)) {
          const stance = state === "answered" ? rng.weighted({ endorse: 5, question: 1 }) : null;
          const given = stance ? Math.max(1, texts.get(cellIdOf(key))! - (rng.chance(0.2) ? 1 : 0)) : null;
          answer(requestId, key.competencyKey, key.themeKey, stance, stance === "question" ? "Which project was this? I remember it differently." : stance ? "Saw this first hand." : "", given, stance ? `At ${to.toUpperCase()} in ${cellIdOf(key).replace(".", " · ")}: led the work.` : null, answeredAt);
        }
      }
    }

    // The committee: members not recused vote on packets with them, and on those decided.
    if (endorsed) {
      const chain = chainOf(p, people);
      const voters = ctx.committee.filter((m) => !chain.has(m.id));
      const count = shape === "endorsed" ? rng.int(0, voters.length) : voters.length;
      for (const m of voters.slice(0, count)) {
        const approves = shape === "approved" || (shape === "endorsed" && rng.chance(0.7));
        const when = endorsed + rng.int(1, 4) * DAY;
        vote(id, m.id, approves ? "approve" : "decline", approves ? "The case holds at the target level." : "Not yet across every row.", when, when);
      }
    }
    if (decidedAt) {
      const outcome = shape === "approved" ? "approved" : "declined";
      const reasons = outcome === "approved" ? "Every cell holds at the target level; the endorsements back the Leadership row." : "Strong on Technical; the committee wants to see the Leadership work hold up over a full cycle.";
      decision(id, outcome, reasons, outcome === "approved" ? addDays(startedOn, 45) : null, admin.id, decidedAt);
      step(decidedAt, admin, outcome === "approved" ? "approve" : "decline", "endorsed", status, reasons);
    }
  }
  return all.length;
}
