import { and, asc, eq, sql } from "drizzle-orm";
import type { Db, Executor } from "@/db";
import { auditLog, cells, frameworkVersions, levels, versionLevels } from "@/db/schema";

/*
 * Demo framework history: the default framework as version 1 (published a
 * year ago, last half's cycle is pinned to it), a "2026 refresh" published
 * since as version 2 with a few cells reworded (the open cycle is pinned to
 * it), and Morgan's draft version 3 in progress: two cells reworded and a new
 * Distinguished Engineer level with one cell still to write. So the browser,
 * the diff of two published versions, an old review showing the old words and
 * the editor in use all have something to show.
 */
const DAY = 86_400_000;

type VersionValues = { number: number; status: "draft" | "published"; notes: string; createdAt: Date; createdById: string; publishedAt: Date | null; basedOnId: number; revision?: number };

/* A copy of a version, row for row, as the editor's "start a draft" makes one. */
function copyVersion(tx: Executor, from: { id: number; name: string; description: string }, values: VersionValues): number {
  const { id } = tx
    .insert(frameworkVersions)
    .values({ ...values, name: from.name, description: from.description, publishedById: values.publishedAt ? values.createdById : null })
    .returning({ id: frameworkVersions.id })
    .get();
  tx.run(sql`insert into version_tracks (version_id, track_key, name, summary, position) select ${id}, track_key, name, summary, position from version_tracks where version_id = ${from.id}`);
  tx.run(sql`insert into version_competencies (version_id, competency_key, name, summary, position) select ${id}, competency_key, name, summary, position from version_competencies where version_id = ${from.id}`);
  tx.run(sql`insert into version_themes (version_id, theme_key, name, summary, position) select ${id}, theme_key, name, summary, position from version_themes where version_id = ${from.id}`);
  tx.run(sql`insert into version_levels (version_id, level_key, track_key, code, name, summary, position, equivalent_level_key) select ${id}, level_key, track_key, code, name, summary, position, equivalent_level_key from version_levels where version_id = ${from.id}`);
  tx.run(sql`insert into cells (version_id, level_key, competency_key, theme_key, expectation, description, examples) select ${id}, level_key, competency_key, theme_key, expectation, description, examples from cells where version_id = ${from.id}`);
  return id;
}

function edit(tx: Executor, versionId: number, levelKey: string, cell: string, text: Partial<{ expectation: string; description: string; examples: string[] }>) {
  const [competencyKey, themeKey] = cell.split(".") as [string, string];
  tx.update(cells)
    .set({ ...text, revision: 2 })
    .where(and(eq(cells.versionId, versionId), eq(cells.levelKey, levelKey), eq(cells.competencyKey, competencyKey), eq(cells.themeKey, themeKey)))
    .run();
}

export function seedDemoFramework(database: Db, ids: Map<string, string>, now = new Date()) {
  const morgan = ids.get("morgan")!;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY);
  database.transaction(
    (tx) => {
      const v1 = tx.select().from(frameworkVersions).where(eq(frameworkVersions.status, "published")).orderBy(asc(frameworkVersions.number)).get()!;
      tx.update(frameworkVersions).set({ createdAt: at(400), publishedAt: at(400) }).where(eq(frameworkVersions.id, v1.id)).run();

      const v2 = copyVersion(tx, v1, { number: 2, status: "published", notes: "2026 refresh: Senior and Staff expectations say what is written down and shared; new managers ask for help early.", createdAt: at(110), createdById: morgan, publishedAt: at(100), basedOnId: v1.id });
      edit(tx, v2, "ic3", "leadership.influence", { expectation: "Aligns pod stakeholders on scope, timelines and trade-offs, and writes down the decisions, for the work they lead." });
      edit(tx, v2, "ic4", "technical.multiplier", { expectation: "Creates leverage for many engineers through shared platforms, paved paths and written standards." });
      edit(tx, v2, "m1", "values.complexity", {
        description:
          "They manage the human side of a team day to day, including conflict, underperformance and difficult personal circumstances. They give honest feedback kindly, treat people consistently, keep confidences appropriately, and ask their own manager or people partner for help early.",
      });

      const v3 = copyVersion(tx, { id: v2, name: v1.name, description: v1.description }, { number: 3, status: "draft", notes: "H2 refresh in progress: a Distinguished Engineer level above Principal, and clearer words for how Software Engineers work with the pod.", createdAt: at(3), createdById: morgan, publishedAt: null, basedOnId: v2, revision: 5 });
      edit(tx, v3, "ic2", "values.influence", { expectation: "Works as a partner with the pod's design, support and product people on their features, from planning to release." });
      edit(tx, v3, "m2", "leadership.multiplier", { expectation: "Develops managers and team leads, and builds hiring, onboarding and career processes that scale." });
      // The new top level starts from Principal's text, as the editor does; one cell is rewritten and one still to write.
      tx.insert(levels).values({ key: "ic7", trackKey: "ic" }).onConflictDoNothing().run();
      tx.insert(versionLevels).values({ versionId: v3, levelKey: "ic7", trackKey: "ic", code: "IC7", name: "Distinguished Engineer", summary: "Rare: sets technical direction across the industry as well as the company.", position: 6 }).run();
      tx.run(sql`insert into cells (version_id, level_key, competency_key, theme_key, expectation, description, examples) select ${v3}, 'ic7', competency_key, theme_key, expectation, description, examples from cells where version_id = ${v3} and level_key = 'ic6'`);
      edit(tx, v3, "ic7", "technical.complexity", { expectation: "Solves problems the industry has not solved yet, and changes how the company and others build software." });
      edit(tx, v3, "ic7", "leadership.multiplier", { expectation: "", description: "", examples: [] });

      const audit = (daysAgo: number, action: string, recordId: number, summary: string) => tx.insert(auditLog).values({ at: at(daysAgo), actorId: morgan, action, recordType: "framework-version", recordId: String(recordId), summary }).run();
      audit(110, "framework.draft", v2, "Demo data: started draft version 2 from version 1");
      audit(100, "framework.publish", v2, "Demo data: published version 2, replacing version 1");
      audit(3, "framework.draft", v3, "Demo data: started draft version 3 from version 2");
    },
    { behavior: "immediate" },
  );
}
