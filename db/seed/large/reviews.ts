import { RATINGS, type ManagerStatus, type Rating, type SelfStatus } from "@/lib/domain/enums";
import { cellIdOf, inserter, type SeedContext } from "./context";
import { LARGE_ACCOUNTS, type LargePerson } from "./org";
import { addDays, at } from "./random";

/*
 * Review cycles: one open (opened a week ago, like the demo's) and the rest
 * closed, half a year apart. Closed cycles are nearly all submitted and
 * acknowledged; the open one has every self and manager state. Each review
 * has its nine cells, citations of the person's evidence and, for some
 * manager drafts, private notes.
 */
const HALF_YEAR = 182;

function cycleName(openedOn: string) {
  const month = Number(openedOn.slice(5, 7));
  return `${openedOn.slice(0, 4)} H${month <= 6 ? 1 : 2}`;
}

function levelAt(p: LargePerson, date: string) {
  let current = p.history[0]!;
  for (const h of p.history) if (h.effectiveDate <= date) current = h;
  return current;
}

const clampRating = (n: number): Rating => RATINGS[Math.max(0, Math.min(RATINGS.length - 1, n))]!;

export function seedReviews(ctx: SeedContext, cycleCount: number) {
  const { rng, today, people } = ctx;
  const admin = ctx.byEmail.get(LARGE_ACCOUNTS.admin)!;
  const cycle = inserter(ctx, "review_cycles", ["id", "name", "self_due_on", "manager_due_on", "status", "framework_version_id", "opened_by_id", "opened_at", "closed_by_id", "closed_at", "version"]);
  const review = inserter(ctx, "reviews", ["id", "cycle_id", "person_id", "framework_version_id", "track_key", "level_key", "self_status", "self_version", "self_saved_at", "self_submitted_at", "manager_status", "manager_version", "manager_summary", "manager_author_id", "shared_at", "engineer_response", "acknowledged_at", "created_at"]);
  const cell = inserter(ctx, "review_cells", ["review_id", "competency_key", "theme_key", "self_rating", "self_evidence", "manager_rating", "manager_comment"]);
  const cite = inserter(ctx, "review_citations", ["review_id", "competency_key", "theme_key", "entry_id"]);
  const note = inserter(ctx, "review_private_notes", ["review_id", "body", "version", "updated_by_id", "updated_at"]);
  const audit = inserter(ctx, "audit_log", ["at", "actor_id", "action", "record_type", "record_id", "summary"]);
  // A person's usual rating, so their cycles and both sides roughly agree.
  const tendency = new Map(people.map((p) => [p.id, Number(rng.weighted({ 1: 2, 2: 6, 3: 2 }))]));

  for (let c = cycleCount - 1; c >= 0; c--) {
    const openedOn = addDays(today, -7 - c * HALF_YEAR);
    const open = c === 0;
    const id = rng.uuid();
    const name = cycleName(openedOn);
    const selfDue = addDays(openedOn, 21);
    const managerDue = addDays(openedOn, 37);
    cycle(id, name, selfDue, managerDue, open ? "open" : "closed", ctx.versionId, admin.id, at(openedOn, 9), open ? null : admin.id, open ? null : at(addDays(managerDue, 14), 9), open ? 1 : 2);
    audit(at(openedOn, 9), admin.id, "cycle.open", "review-cycle", id, `Opened ${name}`);
    ctx.cycles.push({ id, name, openedOn, status: open ? "open" : "closed" });

    for (const p of people) {
      if (p.startDate > openedOn || (open && !p.active)) continue;
      const reviewId = rng.uuid();
      const level = levelAt(p, openedOn);
      const manager = p.managerIndex === null ? null : people[p.managerIndex]!;
      const special = open && p.email === LARGE_ACCOUNTS.engineer;
      const selfStatus: SelfStatus = special ? "draft" : open ? rng.weighted({ "not-started": 5, draft: 3, submitted: 2 }) : rng.weighted({ submitted: 95, draft: 3, "not-started": 2 });
      let managerStatus: ManagerStatus = !manager || special ? "not-started" : open ? rng.weighted({ "not-started": 6, draft: 2, shared: 1, acknowledged: 1 }) : rng.weighted({ acknowledged: 85, shared: 10, draft: 3, "not-started": 2 });
      if (manager?.email === LARGE_ACCOUNTS.manager && open) managerStatus = rng.pick(["not-started", "not-started", "draft"]);
      const shared = managerStatus === "shared" || managerStatus === "acknowledged";
      const savedAt = at(addDays(openedOn, rng.int(1, open ? 6 : 20)), 14);
      const sharedAt = shared ? at(addDays(openedOn, rng.int(22, open ? 6 : 36)), 15) : null;
      review(
        reviewId, id, p.id, ctx.versionId, level.trackKey, level.levelKey,
        selfStatus, selfStatus === "not-started" ? 1 : selfStatus === "draft" ? 2 : 3, selfStatus === "not-started" ? null : savedAt, selfStatus === "submitted" ? savedAt : null,
        managerStatus, managerStatus === "not-started" ? 1 : shared ? 3 : 2, managerStatus === "not-started" ? "" : `${p.name.split(" ")[0]} had a strong half. The ratings below say where to stretch next.`,
        managerStatus === "not-started" ? null : manager!.id, sharedAt, managerStatus === "acknowledged" && rng.chance(0.3) ? "Thanks, agreed on where to stretch." : "", managerStatus === "acknowledged" ? sharedAt! + 86_400_000 : null,
        at(openedOn, 9),
      );
      const base = tendency.get(p.id)!;
      const selfWritten = special ? new Set(ctx.cellKeys.slice(0, 3).map(cellIdOf)) : null;
      const entries = ctx.evidence.get(p.id) ?? [];
      for (const key of ctx.cellKeys) {
        const id9 = cellIdOf(key);
        const writesSelf = selfStatus === "submitted" || (selfStatus === "draft" && (selfWritten ? selfWritten.has(id9) : rng.chance(0.5)));
        const selfRating = writesSelf ? clampRating(base + rng.int(-1, 1)) : null;
        const writesManager = shared || (managerStatus === "draft" && rng.chance(0.6));
        const managerRating = writesManager ? clampRating(base + rng.int(-1, 1)) : null;
        cell(reviewId, key.competencyKey, key.themeKey, selfRating, writesSelf ? `Examples from this half for ${id9.replace(".", " · ")}: shipped, reviewed and shared what I learned.` : "", managerRating, managerRating ? `Seen this half in ${id9.replace(".", " · ")}.` : "");
        if (!writesSelf) continue;
        const citable = entries.filter((e) => e.cells.includes(id9) && e.occurredOn <= addDays(openedOn, 20) && e.occurredOn > addDays(openedOn, -HALF_YEAR));
        for (const e of citable.slice(-2)) cite(reviewId, key.competencyKey, key.themeKey, e.id);
      }
      if (managerStatus === "draft" && manager && rng.chance(0.3)) note(reviewId, "Discuss the next-level conversation at calibration.", 1, manager.id, savedAt);
    }
  }
}
