import { cellIdOf, inserter, type SeedContext } from "./context";
import { LARGE_ACCOUNTS } from "./org";
import { addDays, at, daysBetween } from "./random";

/* Evidence logs: a few wins a quarter for most people, each tagged to one to three cells; a few removed. */
const VERBS = ["Shipped", "Led", "Designed", "Mentored", "Automated", "Debugged", "Documented", "Migrated", "Ran", "Simplified"];
const THINGS = ["the billing export", "on-call handover", "the search index rebuild", "a flaky test suite", "the onboarding guide", "the queue consumer", "an incident review", "the API rate limiter", "the design review", "cost dashboards"];

export function seedEvidence(ctx: SeedContext) {
  const { rng, today } = ctx;
  const entry = inserter(ctx, "evidence_entries", ["id", "person_id", "title", "occurred_on", "description", "links", "removed_at", "version", "created_at", "updated_at"]);
  const tag = inserter(ctx, "evidence_cells", ["entry_id", "competency_key", "theme_key"]);
  for (const p of ctx.people) {
    const days = Math.min(730, daysBetween(p.startDate, today));
    if (days <= 0) continue;
    const wanted = p.email === LARGE_ACCOUNTS.engineer ? 12 : rng.int(0, Math.max(1, Math.round(days / 60)));
    const entries: { id: string; occurredOn: string; cells: string[] }[] = [];
    for (let i = 0; i < Math.min(wanted, 24); i++) {
      const id = rng.uuid();
      const occurredOn = addDays(today, -rng.int(0, days));
      const removed = rng.chance(0.02);
      const cells = new Set<string>();
      const n = rng.int(1, 3);
      while (cells.size < n) cells.add(cellIdOf(rng.pick(ctx.cellKeys)));
      const title = `${rng.pick(VERBS)} ${rng.pick(THINGS)}`;
      const description = `${title} so the team could move faster.\n\n- What changed: **${rng.int(2, 9)}x** fewer manual steps\n- Who it helped: ${rng.pick(["the team", "the pod", "support", "two other teams"])}`;
      const links = rng.chance(0.4) ? JSON.stringify([`https://git.example.com/pr/${rng.int(100, 99999)}`]) : "[]";
      const created = at(occurredOn, 16);
      entry(id, p.id, title, occurredOn, description, links, removed ? created + 86_400_000 : null, removed ? 2 : 1, created, created);
      for (const cell of cells) {
        const [competencyKey, themeKey] = cell.split(".");
        tag(id, competencyKey, themeKey);
      }
      if (!removed) entries.push({ id, occurredOn, cells: [...cells] });
    }
    ctx.evidence.set(p.id, entries.sort((a, b) => a.occurredOn.localeCompare(b.occurredOn)));
  }
}
