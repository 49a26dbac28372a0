import crypto from "node:crypto";
import { and, asc, eq } from "drizzle-orm";
import type { Db } from "@/db";
import { auditLog, evidenceCells, evidenceEntries, frameworkVersions, people, reviewCells, reviewCitations, reviewCycles, reviewPrivateNotes, reviews, versionCompetencies, versionThemes } from "@/db/schema";
import type { ManagerStatus, Rating } from "@/lib/domain/enums";
import { RATINGS } from "@/lib/domain/enums";

/*
 * Demo reviews: a closed past cycle with every self-assessment submitted and
 * every manager review shared and acknowledged (Jordan's self-assessment cites
 * an entry since removed from the log), so history and calibration have
 * content; an open cycle with self-assessments not started, in draft and
 * submitted, and manager reviews not started (Jordan, Riley), in draft with a
 * disagreement and private notes (Alex, Elliot), shared (Noor) and
 * acknowledged (Taylor); and Jordan's evidence log across cells.
 */
type Cell = `${string}.${string}`;
const EVIDENCE: { key: string; who: string; daysAgo: number; title: string; description: string; links?: string[]; cells: Cell[]; removed?: boolean }[] = [
  { key: "search", who: "jordan", daysAgo: 200, title: "Shipped search v2 behind a flag", description: "Broke the rewrite into **six** small PRs so each could be reviewed in a day. Rolled out to 10%, then everyone.", links: ["https://github.example.com/platform/pull/812"], cells: ["technical.complexity", "values.complexity"] },
  { key: "oncall", who: "jordan", daysAgo: 150, title: "Wrote the on-call runbook for the queue service", description: "Three incidents since were closed by people who had never touched the service.", cells: ["leadership.multiplier", "technical.influence"] },
  { key: "pairing", who: "jordan", daysAgo: 90, title: "Paired with Riley through their first deploy", description: "Weekly pairing for a month; Riley now deploys alone.", cells: ["leadership.multiplier", "values.influence"] },
  { key: "incident", who: "jordan", daysAgo: 40, title: "Led the blameless review of the cache outage", description: "- Timeline within a day\n- Two follow-ups shipped the same week", links: ["https://docs.example.com/postmortems/cache-2026"], cells: ["values.multiplier", "leadership.complexity"] },
  { key: "dx", who: "jordan", daysAgo: 12, title: "Cut CI time from 18 to 7 minutes", description: "Parallelised the test shards and cached dependencies.", cells: ["technical.complexity", "technical.multiplier"] },
  { key: "old-demo", who: "jordan", daysAgo: 220, title: "Demoed the billing prototype at all-hands", description: "Removed from the log later; the past self-assessment still cites it.", cells: ["leadership.influence"], removed: true },
];

const ALL_RATED = (rating: Rating) => (cell: string) => ({ rating, evidence: `Examples from this half for ${cell.replace(".", " · ")}.` });

/* A spread of ratings, the same on every seed: mostly "meets", some either side. */
const PATTERN = [2, 2, 1, 2, 3, 2, 2, 1, 2];
const SPREAD = (seed: number) => (_cell: string, i: number): Rating => RATINGS[PATTERN[(i + seed) % PATTERN.length]!]!;

export function seedDemoReviews(database: Db, ids: Map<string, string>, now = new Date()) {
  const day = 86_400_000;
  const iso = (daysFromNow: number) => new Date(now.getTime() + daysFromNow * day).toISOString().slice(0, 10);
  const at = (daysFromNow: number) => new Date(now.getTime() + daysFromNow * day);
  const year = now.getUTCFullYear();
  const half = now.getUTCMonth() < 6 ? 1 : 2;
  const [pastName, openName] = half === 1 ? [`${year - 1} H2`, `${year} H1`] : [`${year} H1`, `${year} H2`];
  const morgan = ids.get("morgan")!;

  database.transaction(
    (tx) => {
      // Last half's cycle was written against the oldest published version; the open one against the current.
      const published = tx.select({ id: frameworkVersions.id }).from(frameworkVersions).where(eq(frameworkVersions.status, "published")).orderBy(asc(frameworkVersions.number)).all();
      const [pastVersionId, versionId] = [published[0]!.id, published.at(-1)!.id];
      const cellKeys = tx
        .select({ c: versionCompetencies.competencyKey, t: versionThemes.themeKey })
        .from(versionCompetencies)
        .innerJoin(versionThemes, eq(versionThemes.versionId, versionCompetencies.versionId))
        .where(eq(versionCompetencies.versionId, versionId))
        .all()
        .map((r) => `${r.c}.${r.t}`);

      const entryIds = new Map<string, string>();
      for (const e of EVIDENCE) {
        const id = crypto.randomUUID();
        entryIds.set(e.key, id);
        tx.insert(evidenceEntries).values({ id, personId: ids.get(e.who)!, title: e.title, occurredOn: iso(-e.daysAgo), description: e.description, links: e.links ?? [], removedAt: e.removed ? at(-30) : null, createdAt: at(-e.daysAgo), updatedAt: at(-e.daysAgo) }).run();
        for (const cell of e.cells) {
          const [competencyKey, themeKey] = cell.split(".") as [string, string];
          tx.insert(evidenceCells).values({ entryId: id, competencyKey, themeKey }).run();
        }
      }

      const active = tx.select({ id: people.id, trackKey: people.trackKey, levelKey: people.levelKey, startDate: people.startDate }).from(people).where(eq(people.active, true)).all();
      const cycle = (name: string, openedDaysAgo: number, selfDue: number, managerDue: number, closed: boolean) => {
        const id = crypto.randomUUID();
        const frameworkVersionId = closed ? pastVersionId : versionId;
        tx.insert(reviewCycles).values({ id, name, selfDueOn: iso(selfDue), managerDueOn: iso(managerDue), status: closed ? "closed" : "open", frameworkVersionId, openedById: morgan, openedAt: at(-openedDaysAgo), closedById: closed ? morgan : null, closedAt: closed ? at(managerDue + 7) : null, version: closed ? 2 : 1 }).run();
        tx.insert(auditLog).values({ actorId: null, action: "cycle.open", recordType: "review-cycle", recordId: id, summary: `Demo data: opened ${name}` }).run();
        const reviewIds = new Map<string, string>();
        for (const p of active) {
          // People who joined after the cycle opened were not in it.
          if (p.startDate > iso(-openedDaysAgo)) continue;
          const reviewId = crypto.randomUUID();
          reviewIds.set(p.id, reviewId);
          tx.insert(reviews).values({ id: reviewId, cycleId: id, personId: p.id, frameworkVersionId, trackKey: p.trackKey, levelKey: p.levelKey, createdAt: at(-openedDaysAgo) }).run();
          for (const key of cellKeys) {
            const [competencyKey, themeKey] = key.split(".") as [string, string];
            tx.insert(reviewCells).values({ reviewId, competencyKey, themeKey }).run();
          }
        }
        return reviewIds;
      };
      const write = (reviewId: string, savedDaysAgo: number, submitted: boolean, cells: Record<string, { rating: Rating | null; evidence: string; cites?: string[] }>) => {
        for (const [key, value] of Object.entries(cells)) {
          const [competencyKey, themeKey] = key.split(".") as [string, string];
          tx.update(reviewCells).set({ selfRating: value.rating, selfEvidence: value.evidence }).where(and(eq(reviewCells.reviewId, reviewId), eq(reviewCells.competencyKey, competencyKey), eq(reviewCells.themeKey, themeKey))).run();
          for (const cite of value.cites ?? []) tx.insert(reviewCitations).values({ reviewId, competencyKey, themeKey, entryId: entryIds.get(cite)! }).run();
        }
        tx.update(reviews).set({ selfStatus: submitted ? "submitted" : "draft", selfVersion: submitted ? 3 : 2, selfSavedAt: at(-savedDaysAgo), selfSubmittedAt: submitted ? at(-savedDaysAgo) : null }).where(eq(reviews.id, reviewId)).run();
      };
      const allCells = (make: (cell: string) => { rating: Rating | null; evidence: string }) => Object.fromEntries(cellKeys.map((k) => [k, make(k)]));
      const manage = (reviewId: string, authorKey: string, status: ManagerStatus, daysAgo: number, rate: (cell: string, i: number) => Rating | null, summary: string, response = "") => {
        cellKeys.forEach((key, i) => {
          const [competencyKey, themeKey] = key.split(".") as [string, string];
          const rating = rate(key, i);
          tx.update(reviewCells).set({ managerRating: rating, managerComment: rating ? `Seen this half in ${key.replace(".", " · ")}.` : "" }).where(and(eq(reviewCells.reviewId, reviewId), eq(reviewCells.competencyKey, competencyKey), eq(reviewCells.themeKey, themeKey))).run();
        });
        const shared = status === "shared" || status === "acknowledged";
        tx.update(reviews)
          .set({ managerStatus: status, managerVersion: shared ? 3 : 2, managerSummary: summary, managerAuthorId: ids.get(authorKey)!, sharedAt: shared ? at(-daysAgo) : null, engineerResponse: response, acknowledgedAt: status === "acknowledged" ? at(-daysAgo + 1) : null })
          .where(eq(reviews.id, reviewId))
          .run();
      };
      const managerKeyOf = new Map([...ids.entries()].map(([key, id]) => [id, key]));
      const managerOf = new Map(tx.select({ id: people.id, managerId: people.managerId }).from(people).all().map((p) => [p.id, p.managerId ? managerKeyOf.get(p.managerId) : undefined]));

      const past = cycle(pastName, 190, -160, -145, true);
      const jordan = ids.get("jordan")!;
      write(past.get(jordan)!, 162, true, {
        ...allCells(ALL_RATED("meets")),
        "technical.complexity": { rating: "meets", evidence: "Search v2: split a risky rewrite into **six** reviewable steps.", cites: ["search"] },
        "leadership.influence": { rating: "developing", evidence: "Demoed the billing prototype at all-hands; first time presenting outside the team.", cites: ["old-demo"] },
      });
      for (const key of ["alex", "noor", "taylor"]) write(past.get(ids.get(key)!)!, 161, true, allCells(ALL_RATED("meets")));
      // The rest of the past cycle: every self-assessment submitted, every manager review shared and acknowledged.
      let seed = 0;
      for (const [personId, reviewId] of past) {
        seed += 1;
        const spread = SPREAD(seed);
        if (![jordan, ...["alex", "noor", "taylor"].map((k) => ids.get(k)!)].includes(personId)) write(reviewId, 161, true, Object.fromEntries(cellKeys.map((k, i) => [k, { rating: spread(k, i + 1), evidence: `Examples from last half for ${k.replace(".", " · ")}.` }])));
        const author = managerOf.get(personId);
        if (author) manage(reviewId, author, "acknowledged", 150, spread, "A solid half. The ratings below say where to stretch next.", seed % 3 === 0 ? "Thanks; agreed on where to stretch." : "");
      }

      const open = cycle(openName, 7, 14, 30, false);
      write(open.get(jordan)!, 1, false, {
        "technical.complexity": { rating: "meets", evidence: "Cut CI from 18 to 7 minutes; search v2 rollout.", cites: ["dx", "search"] },
        "leadership.multiplier": { rating: "developing", evidence: "On-call runbook and pairing with Riley.", cites: ["oncall", "pairing"] },
        "values.multiplier": { rating: null, evidence: "Led the cache outage review." },
      });
      write(open.get(ids.get("alex")!)!, 2, true, allCells(ALL_RATED("exceeds")));
      write(open.get(ids.get("noor")!)!, 3, false, { "values.complexity": { rating: "meets", evidence: "Ran the research synthesis for onboarding." } });
      write(open.get(ids.get("taylor")!)!, 4, true, allCells(ALL_RATED("meets")));

      // Manager reviews in the open cycle: Alex's in draft, rated below the self-assessment in places ("differs by 2" on leadership).
      const alexReview = open.get(ids.get("alex")!)!;
      manage(alexReview, "sam", "draft", 1, (key) => (key === "leadership.influence" ? "developing" : key.startsWith("technical") ? "exceeds" : "meets"), "Alex carried the platform migration. Leadership across teams is the next step.");
      tx.insert(reviewPrivateNotes).values({ reviewId: alexReview, body: "Raise the staff-level conversation at calibration; check with Priya first.", version: 1, updatedById: ids.get("sam")!, updatedAt: at(-1) }).run();
      manage(open.get(ids.get("elliot")!)!, "dana", "draft", 2, (key) => (key.startsWith("values") ? "meets" : null), "");
      manage(open.get(ids.get("noor")!)!, "dana", "shared", 1, () => "meets", "Noor's research work set the direction for onboarding.");
      manage(open.get(ids.get("taylor")!)!, "priya", "acknowledged", 2, (key) => (key === "leadership.multiplier" ? "exceeds" : "meets"), "Taylor keeps raising the bar across Platform.", "Agreed. I would like more architecture work next half.");
    },
    { behavior: "immediate" },
  );
}
