import { beforeAll, describe, expect, it } from "vitest";
import { db } from "@/db";
import { seedLargeOrg } from "@/db/seed/large";
import { installDefaultFramework } from "@/lib/dal/framework-install";
import { orgToday, orgYear } from "@/lib/dal/org-settings";
import { getViewerById } from "@/lib/dal/people";
import { createSession } from "@/lib/dal/sessions";
import type { Viewer } from "@/lib/domain/viewer";
import { PAGE_READS, shellRead } from "@/lib/test/page-reads";
import { queryPlan, recordStatements, type Executed } from "@/lib/test/statement-log";

/*
 * Every query the pages run uses an index on the tables that grow with the
 * organisation, and no page runs a query per row. Runs the pages' DAL calls
 * on a 300-person org from the large seed, records the SQL better-sqlite3
 * runs, and EXPLAINs each statement with its own parameters.
 */
/* committee_members is not here: the committee is a handful of people an admin names, and listing it reads all of it. */
const GROWING = new Set(["people", "level_history", "accounts", "sessions", "audit_log", "account_links", "receipts", "stipend_claims", "stipend_claim_events", "evidence_entries", "evidence_cells", "reviews", "review_cells", "review_citations", "review_private_notes", "sign_in_throttle", "packets", "packet_cells", "packet_citations", "packet_events", "packet_private_notes", "packet_decisions", "committee_votes", "endorsement_requests", "endorsement_cells"]);

const sqlite = () => db().$client;
const one = <T>(sql: string, ...params: unknown[]) => sqlite().prepare(sql).get(...params) as T;
const viewer = (id: string): Viewer => getViewerById(id)!;
const byEmail = (email: string) => viewer(one<{ id: string }>("select id from people where email = ?", email).id);

/*
 * A full pass over a growing table: SCAN of the table itself, or of a whole
 * index of it. A partial index holds only the rows its query wants, so
 * scanning one is not a pass over the org.
 */
function fullScans(statement: Executed): string[] {
  const partial = new Set((sqlite().prepare("select name from sqlite_master where type = 'index' and sql like '% where %'").all() as { name: string }[]).map((r) => r.name));
  return queryPlan(sqlite(), statement).filter((detail) => {
    const scan = /^SCAN (\w+)(?: USING (?:COVERING )?INDEX (\w+))?/.exec(detail);
    return scan && GROWING.has(scan[1]!) && !(scan[2] && partial.has(scan[2]));
  });
}

let people: { admin: Viewer; director: Viewer; manager: Viewer; engineer: Viewer };

// About half a second on a quiet machine; the limit is for a busy one.
beforeAll(() => {
  installDefaultFramework(db());
  seedLargeOrg(db(), { people: 300, seed: 3, today: orgToday(), passwordHash: null });
  people = { admin: byEmail("admin@large.example.com"), director: byEmail("director@large.example.com"), manager: byEmail("manager@large.example.com"), engineer: byEmail("engineer@large.example.com") };
}, 30_000);

const packetOf = (personId: string) => one<{ id: string }>("select id from packets where person_id = ? order by created_at desc", personId).id;
const openReviewOf = (personId: string) => one<{ id: string }>("select r.id from reviews r join review_cycles c on c.id = r.cycle_id where r.person_id = ? and c.status = 'open'", personId).id;

describe("query plans of the pages", () => {
  it("scan no table that grows with the org", () => {
    const token = createSession(people.engineer.id, "credentials");
    const recorded: { page: string; statement: Executed }[] = [];
    const run = (page: string, fn: () => unknown) => recordStatements(sqlite(), fn).statements.forEach((statement) => recorded.push({ page, statement }));
    run("shell", () => shellRead(token));
    for (const [page, read] of Object.entries(PAGE_READS)) {
      for (const who of Object.values(people)) {
        if ((page === "team" || page === "calibration" || page === "stipend-team") && !who.hasReports && who.role !== "admin") continue;
        // The engineer's packet as its author, their manager and an admin: the director is in another line.
        if (page === "packet" && who === people.director) continue;
        // The engineer's review as the engineer, their manager and an admin; the director's own.
        const reviewOf = who === people.director ? who.id : people.engineer.id;
        run(page, () => read(who, { reviewId: openReviewOf(reviewOf), personId: who === people.director ? who.id : people.engineer.id, packetId: packetOf(people.engineer.id) }));
      }
    }
    const seen = new Set<string>();
    const problems: string[] = [];
    for (const { page, statement } of recorded) {
      if (seen.has(statement.sql)) continue;
      seen.add(statement.sql);
      for (const scan of fullScans(statement)) problems.push(`${page}: ${scan}\n    in ${statement.sql}`);
    }
    expect(seen.size).toBeGreaterThan(40);
    expect(problems).toEqual([]);
  });
});

/* The same page for a small and a large set of rows runs the same number of statements. */
describe("statements per page do not grow with the rows shown", () => {
  const count = (fn: () => unknown) => {
    const { value, statements } = recordStatements(sqlite(), fn);
    return { statements: statements.length, rows: JSON.stringify(value).length };
  };

  it("team reviews and calibration: a team of a few and the whole org", () => {
    const small = viewer(one<{ id: string }>("select m.id from people m where m.role = 'manager' and (select count(*) from people r where r.manager_id = m.id) between 2 and 5 and not exists (select 1 from people r join people rr on rr.manager_id = r.id where r.manager_id = m.id) limit 1").id);
    for (const page of ["team", "calibration"]) {
      const a = count(() => PAGE_READS[page]!(small, {}));
      const b = count(() => PAGE_READS[page]!(people.director, {}));
      expect(b.rows, page).toBeGreaterThan(a.rows * 5);
      expect(b.statements, page).toBe(a.statements);
    }
  });

  it("stipend: one claim this year and several", () => {
    const year = orgYear();
    const holders = sqlite().prepare("select person_id as id, count(*) as n from stipend_claims where year = ? group by person_id order by n, person_id").all(year) as { id: string; n: number }[];
    const few = viewer(holders.find((h) => h.n === 1)!.id);
    const many = viewer(holders.at(-1)!.id);
    expect(holders.at(-1)!.n).toBeGreaterThanOrEqual(3);
    expect(count(() => PAGE_READS.stipend!(many, {})).statements).toBe(count(() => PAGE_READS.stipend!(few, {})).statements);
  });

  it("the review: few citations and many", () => {
    const cited = sqlite().prepare("select r.id, r.person_id as personId, count(*) as n from review_citations c join reviews r on r.id = c.review_id join review_cycles y on y.id = r.cycle_id where y.status = 'closed' and r.self_status = 'submitted' and r.manager_status = 'acknowledged' group by r.id order by n, r.id").all() as { id: string; personId: string; n: number }[];
    const few = cited[0]!;
    const many = cited.at(-1)!;
    expect(many.n).toBeGreaterThan(few.n);
    const a = count(() => PAGE_READS.review!(viewer(few.personId), { reviewId: few.id }));
    const b = count(() => PAGE_READS.review!(viewer(many.personId), { reviewId: many.id }));
    expect(b.statements).toBe(a.statements);
  });

  it("a packet: few citations and many, read by its author and by their manager", () => {
    // Alike but for how many they cite: each cites something, has endorsement requests and an author with a shared review (the page reads those only when there are some).
    const cited = sqlite()
      .prepare(
        `select p.id, p.person_id as personId, p.status, count(c.entry_id) as n from packets p left join packet_citations c on c.packet_id = p.id
         where p.status in ('submitted', 'endorsed', 'approved', 'declined') and exists (select 1 from endorsement_requests r where r.packet_id = p.id)
           and exists (select 1 from reviews v where v.person_id = p.person_id and v.manager_status in ('shared', 'acknowledged'))
         group by p.id having n > 0 order by n, p.id`,
      )
      .all() as { id: string; personId: string; status: string; n: number }[];
    // In one state (each state reads its own parts: a decision, votes), the pair furthest apart.
    const spread = (status: string) => cited.filter((c) => c.status === status);
    const group = [...new Set(cited.map((c) => c.status))].map(spread).sort((a, b) => b.at(-1)!.n - b[0]!.n - (a.at(-1)!.n - a[0]!.n))[0]!;
    const [few, many] = [group[0]!, group.at(-1)!];
    expect(many.n).toBeGreaterThan(few.n);
    for (const as of ["author", "manager"] as const) {
      const reader = (p: { personId: string }) => viewer(as === "author" ? p.personId : one<{ id: string }>("select manager_id as id from people where id = ?", p.personId).id);
      const a = count(() => PAGE_READS.packet!(reader(few), { packetId: few.id }));
      const b = count(() => PAGE_READS.packet!(reader(many), { packetId: many.id }));
      expect(b.rows, as).toBeGreaterThan(a.rows);
      expect(b.statements, as).toBe(a.statements);
    }
  });

  it("needs my action and the evidence log: a small load and a large one", { timeout: 20_000 }, () => {
    // Managers with at least one report's claim to decide: a source with nothing to show may skip a lookup.
    // Managers off the committee: a member's page also reads the packets waiting on their vote.
    const managers = (sqlite().prepare("select distinct p.manager_id as id from stipend_claims c join people p on p.id = c.person_id join people m on m.id = p.manager_id where c.status = 'pending' and m.role = 'manager' and m.id not in (select person_id from committee_members) order by 1").all() as { id: string }[]).map((m) => viewer(m.id));
    const loads = managers.map((m) => ({ m, ...count(() => PAGE_READS["needs-my-action"]!(m, {})) })).sort((a, b) => a.rows - b.rows);
    expect(loads.at(-1)!.rows).toBeGreaterThan(loads[0]!.rows * 3);
    expect(new Set(loads.map((l) => l.statements)).size).toBe(1);

    const logs = sqlite().prepare("select person_id as id, count(*) as n from evidence_entries where removed_at is null group by person_id order by n, person_id").all() as { id: string; n: number }[];
    const [few, many] = [viewer(logs[0]!.id), viewer(logs.at(-1)!.id)];
    expect(count(() => PAGE_READS.evidence!(many, {})).statements).toBe(count(() => PAGE_READS.evidence!(few, {})).statements);
  });
});
