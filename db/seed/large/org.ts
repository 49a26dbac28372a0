import type { Role } from "@/lib/domain/enums";
import { addDays, daysBetween, type Random } from "./random";

/*
 * The large org's people, built in memory before anything is written: a CTO,
 * VPs, directors, senior managers and team managers, with teams of engineers
 * at the leaves. Reporting lines are 5 to 10 deep at 10,000 people (smaller
 * orgs are shallower). Both tracks; a few people switched track, a few left.
 */
export type LargePerson = {
  index: number;
  id: string;
  name: string;
  email: string;
  role: Role;
  trackKey: "ic" | "mgmt";
  levelKey: string;
  managerIndex: number | null;
  team: string;
  startDate: string;
  depth: number;
  active: boolean;
  /* Everyone below this person in the reporting line. */
  orgSize: number;
  history: { trackKey: "ic" | "mgmt"; levelKey: string; effectiveDate: string; reason: string }[];
};

const FIRST = ["Ada", "Ben", "Chloe", "Dev", "Elif", "Farah", "Gus", "Hana", "Ivan", "Jade", "Kofi", "Lena", "Mateo", "Nia", "Omar", "Pia", "Raj", "Sofia", "Tomas", "Uma", "Vera", "Wei", "Xena", "Yusuf", "Zara", "Arjun", "Bea", "Carlos", "Dina", "Emil", "Fiona", "Goran", "Hugo", "Ines", "Jonas", "Kira", "Liam", "Maya", "Nils", "Olga"];
const LAST = ["Abara", "Berg", "Costa", "Dubois", "Eriksen", "Fischer", "Garcia", "Haddad", "Ibrahim", "Jensen", "Kowalski", "Larsen", "Moreau", "Nakamura", "Okoro", "Petrov", "Quint", "Rossi", "Schmidt", "Tanaka", "Ueda", "Varga", "Weber", "Xu", "Yilmaz", "Zhou", "Andersson", "Bianchi", "Chen", "Diaz"];
const AREAS = ["Platform", "Product", "Data", "Infrastructure", "Growth", "Security", "Payments", "Mobile"];
const WORDS = ["Atlas", "Beacon", "Cedar", "Delta", "Ember", "Falcon", "Granite", "Harbor", "Iris", "Juniper", "Kestrel", "Lumen", "Meridian", "Nova", "Orbit", "Pine", "Quartz", "Ridge", "Summit", "Tide"];
const IC_LEVELS = { ic1: 8, ic2: 30, ic3: 32, ic4: 17, ic5: 9, ic6: 4 } as const;
const IC_ORDER = ["ic1", "ic2", "ic3", "ic4", "ic5", "ic6"];
const MGMT_ORDER = ["m1", "m2", "m3", "m4", "m5"];
const LEAF_MAX = 14;
const MAX_DEPTH = 10;

/* The accounts the page benchmark signs in as (all with the demo password). */
export const LARGE_ACCOUNTS = {
  admin: "admin@large.example.com",
  director: "director@large.example.com",
  manager: "manager@large.example.com",
  engineer: "engineer@large.example.com",
} as const;

export function buildLargeOrg(rng: Random, size: number, today: string): LargePerson[] {
  const people: LargePerson[] = [];
  const teamNames = new Set<string>();
  // Deep enough lines only make sense for a big org; a small one (tests) may stay shallow.
  const minLeafDepth = size >= 2000 ? 4 : 1;

  const add = (p: Omit<LargePerson, "index" | "id" | "name" | "email" | "active" | "orgSize" | "history">) => {
    const index = people.length;
    const first = FIRST[index % FIRST.length]!;
    const last = LAST[Math.floor(index / FIRST.length) % LAST.length]!;
    const person: LargePerson = { ...p, index, id: rng.uuid(), name: `${first} ${last}`, email: `${first}.${last}.${index}@large.example.com`.toLowerCase(), active: true, orgSize: 0, history: [] };
    people.push(person);
    return person;
  };
  const teamName = (area: string) => {
    const base = `${area} ${rng.pick(WORDS)}`;
    let name = base;
    for (let n = 2; teamNames.has(name); n++) name = `${base} ${n}`;
    teamNames.add(name);
    return name;
  };
  const started = (yearsBackMin: number, yearsBackMax: number) => addDays(today, -rng.int(Math.round(yearsBackMin * 365), Math.round(yearsBackMax * 365)));

  const engineer = (manager: LargePerson, team: string, senior = false) => {
    const levelKey = senior ? rng.pick(["ic5", "ic6"]) : rng.weighted(IC_LEVELS);
    const tenure = 0.1 + IC_ORDER.indexOf(levelKey) * 0.9;
    add({ role: "engineer", trackKey: "ic", levelKey, managerIndex: manager.index, team, startDate: started(tenure * 0.3, tenure + 1), depth: manager.depth + 1 });
  };
  const manager = (over: LargePerson, levelKey: string, team: string) =>
    add({ role: "manager", trackKey: "mgmt", levelKey, managerIndex: over.index, team, startDate: started(1, 9), depth: over.depth + 1 });

  /* Places `budget` people below `boss`, recursively. */
  const fill = (boss: LargePerson, budget: number, area: string) => {
    const leaf = boss.depth >= MAX_DEPTH - 1 || budget <= 3 || (budget <= LEAF_MAX && boss.depth >= minLeafDepth);
    if (leaf) {
      for (let i = 0; i < budget; i++) engineer(boss, boss.team);
      return;
    }
    // Senior individual contributors often report high up (staff and principal engineers).
    const seniors = boss.depth <= 3 && budget > 40 ? rng.int(0, 2) : 0;
    for (let i = 0; i < seniors; i++) engineer(boss, boss.team, true);
    let remaining = budget - seniors;
    // Narrow branches (two sub-orgs) make some reporting lines deeper than others.
    const k = boss.depth === 0 ? Math.min(6, Math.max(2, Math.round(remaining / 2500))) : Math.max(2, Math.min(rng.chance(0.25) ? 2 : rng.int(3, 6), Math.floor(remaining / 8)));
    const weights = Array.from({ length: k }, () => 0.5 + rng.next());
    const total = weights.reduce((a, b) => a + b, 0);
    for (let i = 0; i < k && remaining > 0; i++) {
      const share = i === k - 1 ? remaining : Math.max(1, Math.min(remaining, Math.round(((budget - seniors) * weights[i]!) / total)));
      remaining -= share;
      const subArea = boss.depth === 0 ? AREAS[i % AREAS.length]! : area;
      const levelKey = boss.depth === 0 ? "m4" : boss.depth === 1 ? "m3" : share - 1 > LEAF_MAX + 2 ? "m2" : rng.chance(0.15) ? "m2" : "m1";
      const sub = manager(boss, levelKey, boss.depth === 0 ? subArea : teamName(subArea));
      fill(sub, share - 1, subArea);
    }
  };

  const cto = add({ role: "admin", trackKey: "mgmt", levelKey: "m5", managerIndex: null, team: "Leadership", startDate: started(6, 10), depth: 0 });
  // Engineering operations: admins without reports.
  for (let i = 0; i < Math.min(2, size - 1); i++) add({ role: "admin", trackKey: "mgmt", levelKey: "m2", managerIndex: cto.index, team: "Engineering Operations", startDate: started(1, 6), depth: 1 });
  fill(cto, size - people.length, "Platform");

  finish(rng, people, today);
  return people;
}

/* Org sizes, leavers, joiners after the last cycle, level history and the benchmark accounts. */
function finish(rng: Random, people: LargePerson[], today: string) {
  for (let i = people.length - 1; i >= 0; i--) {
    const p = people[i]!;
    if (p.managerIndex !== null) people[p.managerIndex]!.orgSize += p.orgSize + 1;
  }
  const hasReports = new Set(people.map((p) => p.managerIndex));
  for (const p of people) {
    if (p.role === "engineer" && !hasReports.has(p.index)) {
      if (rng.chance(0.005)) p.active = false;
      else if (rng.chance(0.01)) p.startDate = addDays(today, -rng.int(0, 6));
    }
    p.history = historyOf(rng, p, today);
  }
  const pick = (test: (p: LargePerson) => boolean, score: (p: LargePerson) => number) => people.filter(test).sort((a, b) => score(a) - score(b) || a.index - b.index)[0];
  const director = pick((p) => p.role === "manager", (p) => Math.abs(p.orgSize - 100));
  const directs = new Map<number, number>();
  for (const p of people) if (p.managerIndex !== null) directs.set(p.managerIndex, (directs.get(p.managerIndex) ?? 0) + 1);
  const teamManager = pick((p) => p.role === "manager" && p.orgSize === directs.get(p.index), (p) => Math.abs(p.orgSize - 8));
  const engineer = teamManager && pick((p) => p.managerIndex === teamManager.index && p.active && p.levelKey === "ic2", (p) => p.index);
  people[0]!.email = LARGE_ACCOUNTS.admin;
  if (director) director.email = LARGE_ACCOUNTS.director;
  if (teamManager) teamManager.email = LARGE_ACCOUNTS.manager;
  if (engineer) {
    engineer.email = LARGE_ACCOUNTS.engineer;
    engineer.startDate = addDays(today, -900);
    engineer.history = historyOf(rng, engineer, today);
  }
}

function historyOf(rng: Random, p: LargePerson, today: string): LargePerson["history"] {
  const order = p.trackKey === "ic" ? IC_ORDER : MGMT_ORDER;
  const position = order.indexOf(p.levelKey);
  // Some managers came up as senior engineers and switched track.
  const switched = p.trackKey === "mgmt" && p.levelKey !== "m5" && rng.chance(0.3);
  const promotions = Math.min(position, rng.int(0, 2));
  const steps: LargePerson["history"] = [];
  const first = switched ? { trackKey: "ic" as const, levelKey: "ic3" } : { trackKey: p.trackKey, levelKey: order[position - promotions]! };
  steps.push({ ...first, effectiveDate: p.startDate, reason: `Joined as ${first.levelKey.toUpperCase()}` });
  let date = p.startDate;
  const levels = switched ? [p.levelKey] : order.slice(position - promotions + 1, position + 1);
  // Promotions spread over the time since joining, the last one before today.
  const gap = Math.max(1, Math.floor(daysBetween(p.startDate, today) / (levels.length + 1)));
  for (const levelKey of levels) {
    date = addDays(date, rng.int(Math.ceil(gap / 2), gap));
    steps.push({ trackKey: p.trackKey, levelKey, effectiveDate: date, reason: switched ? "Moved to the management track" : `Promoted to ${levelKey.toUpperCase()}` });
  }
  return steps;
}
