import type { PacketStatus } from "@/lib/domain/enums";
import { cellIdOf, inserter, type SeedContext } from "./context";
import { LARGE_ACCOUNTS, type LargePerson } from "./org";
import { addDays, at } from "./random";

/*
 * Promotion packets: one for about 3% of the active people who have a next
 * level on their track, in every state the packet flow has (a draft being
 * written, one returned with feedback, submitted, endorsed, withdrawn), each
 * with its cells' cases, citations of the person's evidence, the manager's
 * ratings once submitted, and its timeline in packet_events and the audit
 * log. LARGE_ACCOUNTS.engineer always has a submitted packet, for the page
 * benchmark. Everything comes from ctx.rng, so the rows stay the same.
 */
const NEXT: Record<string, string> = { ic1: "ic2", ic2: "ic3", ic3: "ic4", ic4: "ic5", ic5: "ic6", m1: "m2", m2: "m3", m3: "m4", m4: "m5" };
type Shape = "draft" | "returned" | "submitted" | "endorsed" | "withdrawn";
const STATUS: Record<Shape, PacketStatus> = { draft: "draft", returned: "draft", submitted: "submitted", endorsed: "endorsed", withdrawn: "withdrawn" };

export function seedPackets(ctx: SeedContext): number {
  const { rng, people } = ctx;
  const packet = inserter(ctx, "packets", ["id", "person_id", "started_by_id", "framework_version_id", "from_level_key", "target_level_key", "kind", "status", "summary", "case_version", "case_saved_at", "manager_version", "manager_author_id", "submitted_at", "endorsed_at", "closed_at", "created_at", "updated_at"]);
  const cell = inserter(ctx, "packet_cells", ["packet_id", "competency_key", "theme_key", "case_text", "text_version", "manager_rating", "manager_comment", "manager_justification"]);
  const cite = inserter(ctx, "packet_citations", ["packet_id", "competency_key", "theme_key", "entry_id"]);
  const event = inserter(ctx, "packet_events", ["packet_id", "at", "actor_id", "step", "from_status", "to_status", "note"]);
  const audit = inserter(ctx, "audit_log", ["at", "actor_id", "action", "record_type", "record_id", "summary"]);
  let written = 0;

  for (const p of people) {
    const target = NEXT[p.levelKey];
    const manager = p.managerIndex === null ? null : people[p.managerIndex]!;
    if (!p.active || !target || !manager) continue;
    const special = p.email === LARGE_ACCOUNTS.engineer;
    if (!special && !rng.chance(0.03)) continue;
    const shape: Shape = special ? "submitted" : rng.weighted({ draft: 4, returned: 1, submitted: 2, endorsed: 2, withdrawn: 1 });
    const id = rng.uuid();
    const startedOn = addDays(ctx.today, -rng.int(10, 60));
    const started = at(startedOn, 10);
    const byManager = rng.chance(0.2);
    const submitted = shape === "draft" ? null : at(addDays(startedOn, rng.int(3, 8)), 16);
    const decided = shape === "endorsed" || shape === "returned" || shape === "withdrawn" ? submitted! + rng.int(1, 5) * 86_400_000 : null;
    const rated = shape === "submitted" || shape === "endorsed" || shape === "returned";
    const status = STATUS[shape];
    packet(
      id, p.id, byManager ? manager.id : p.id, ctx.versionId, p.levelKey, target, "promotion", status,
      `${p.name.split(" ")[0]} has been working at ${target.toUpperCase()} for two halves; the cells below say where.`,
      shape === "draft" ? 2 : 3, submitted ?? started, rated ? 2 : 1, rated ? manager.id : null,
      submitted, shape === "endorsed" ? decided : null, shape === "withdrawn" ? decided : null, started, decided ?? submitted ?? started,
    );
    const entries = ctx.evidence.get(p.id) ?? [];
    for (const key of ctx.cellKeys) {
      const cid = cellIdOf(key);
      const hasCase = shape !== "draft" || rng.chance(0.6);
      const rating = rated ? rng.weighted({ meets: 6, exceeds: 2, "not-yet": 1 }) : null;
      cell(id, key.competencyKey, key.themeKey, hasCase ? `At ${target.toUpperCase()} in ${cid.replace(".", " · ")}: led the work, wrote it up and brought others along.` : "", hasCase ? rng.int(1, 3) : 1, rating, rating ? `Seen in ${cid.replace(".", " · ")} this year.` : "", rating === "not-yet" ? "One more half of this and it is there." : "");
      if (!hasCase) continue;
      for (const e of entries.filter((x) => x.cells.includes(cid)).slice(-2)) cite(id, key.competencyKey, key.themeKey, e.id);
    }
    const step = (when: number, actor: LargePerson, name: string, from: PacketStatus | null, to: PacketStatus, note: string) => {
      event(id, when, actor.id, name, from, to, note);
      audit(when, actor.id, `packet.${name}`, "packet", id, `${name} ${p.name}'s packet (${from ?? "new"} -> ${to})`);
    };
    step(started, byManager ? manager : p, "start", null, "draft", "");
    if (submitted) step(submitted, p, "submit", "draft", "submitted", "");
    if (shape === "returned") step(decided!, manager, "return", "submitted", "draft", "Say more about the Leadership row before this goes on.");
    if (shape === "endorsed") step(decided!, manager, "endorse", "submitted", "endorsed", "Ready for the committee.");
    if (shape === "withdrawn") step(decided!, p, "withdraw", "submitted", "withdrawn", "Waiting for the next cycle.");
    written++;
  }
  return written;
}
