import type { Db } from "@/db";
import { inserter, type SeedContext } from "./context";
import { seedEvidence } from "./evidence";
import { buildLargeOrg, LARGE_ACCOUNTS, type LargePerson } from "./org";
import { seedPackets } from "./packets";
import { at, seededRandom } from "./random";
import { seedReviews } from "./reviews";
import { seedStipend } from "./stipend";

export { LARGE_ACCOUNTS };

/*
 * A realistic organisation of `people` engineers for benchmarks and query-plan
 * tests (npm run seed:large). Everything comes from `seed` and `today`: the
 * same pair gives the same rows, except each run's password hash, whose salt
 * is random. Written in one transaction with prepared statements through the
 * real schema; needs the default framework installed and no people yet.
 */
export type LargeSeedOptions = { people: number; seed: number; today: string; passwordHash: string | null; cycles?: number; stipendYears?: number };

export function seedLargeOrg(database: Db, options: LargeSeedOptions) {
  const sqlite = database.$client;
  if ((sqlite.prepare("select count(*) as n from people").get() as { n: number }).n > 0) throw new Error("The database already has people; the large org goes into an empty one.");
  const version = sqlite.prepare("select id from framework_versions where status = 'published' order by number desc limit 1").get() as { id: number } | undefined;
  if (!version) throw new Error("Install the default framework first.");
  const cellKeys = sqlite
    .prepare("select c.competency_key as competencyKey, t.theme_key as themeKey from version_competencies c join version_themes t on t.version_id = c.version_id where c.version_id = ? order by c.position, t.position")
    .all(version.id) as SeedContext["cellKeys"];

  const rng = seededRandom(options.seed);
  const people = buildLargeOrg(rng, options.people, options.today);
  const ctx: SeedContext = { sqlite, rng, today: options.today, people, byEmail: new Map(people.map((p) => [p.email, p])), versionId: version.id, cellKeys, evidence: new Map(), cycles: [], committee: [], counts: {} };

  let packets = 0;
  // Random UUID keys land all over each B-tree: a page cache that holds the whole file keeps that off the disk.
  const cacheSize = sqlite.pragma("cache_size", { simple: true });
  sqlite.pragma("cache_size = -1000000");
  sqlite
    .transaction(() => {
      seedPeople(ctx, options.passwordHash);
      seedEvidence(ctx);
      seedReviews(ctx, options.cycles ?? 4);
      seedStipend(ctx, options.stipendYears ?? 4);
      packets = seedPackets(ctx);
    })
    .immediate();
  sqlite.pragma(`cache_size = ${cacheSize}`);

  const depths = new Map<number, number>();
  for (const p of people) if (p.role === "engineer") depths.set(p.depth, (depths.get(p.depth) ?? 0) + 1);
  return {
    counts: ctx.counts,
    packets,
    cycles: ctx.cycles,
    engineerDepths: [...depths.entries()].sort((a, b) => a[0] - b[0]),
    accounts: Object.fromEntries(Object.entries(LARGE_ACCOUNTS).map(([role, email]) => [role, describe(ctx.byEmail.get(email), people)])),
  };
}

function describe(p: LargePerson | undefined, people: LargePerson[]) {
  if (!p) return null;
  return { email: p.email, name: p.name, level: p.levelKey, team: p.team, orgSize: p.orgSize, directReports: people.filter((q) => q.managerIndex === p.index).length };
}

function seedPeople(ctx: SeedContext, passwordHash: string | null) {
  const person = inserter(ctx, "people", ["id", "name", "email", "role", "track_key", "level_key", "manager_id", "team", "start_date", "active", "password_hash", "version", "created_at", "updated_at"]);
  const history = inserter(ctx, "level_history", ["person_id", "track_key", "level_key", "effective_date", "reason", "recorded_by_id", "created_at"]);
  const audit = inserter(ctx, "audit_log", ["at", "actor_id", "action", "record_type", "record_id", "summary"]);
  const committee = inserter(ctx, "committee_members", ["person_id", "added_by_id", "created_at"]);
  const admin = ctx.people[0]!;
  // Managers come before their reports in `people`, so every manager_id points at a row already written.
  for (const p of ctx.people) {
    const created = at(p.startDate, 8);
    person(p.id, p.name, p.email, p.role, p.trackKey, p.levelKey, p.managerIndex === null ? null : ctx.people[p.managerIndex]!.id, p.team, p.startDate, p.active ? 1 : 0, passwordHash, 1, created, created);
    for (const h of p.history) history(p.id, h.trackKey, h.levelKey, h.effectiveDate, h.reason, p.index === 0 ? null : admin.id, at(h.effectiveDate, 9));
    audit(created, p.index === 0 ? null : admin.id, "person.create", "person", p.id, `Added ${p.name}`);
  }
  // The promotion committee: a handful of principal engineers and directors.
  const members = ctx.people.filter((p) => p.active && (p.levelKey === "ic6" || p.levelKey === "m3")).slice(0, 7);
  for (const m of members) committee(m.id, admin.id, at(ctx.today, 8));
  ctx.committee = members;
}
