import { performance } from "node:perf_hooks";
import { db } from "@/db";
import { getViewerById } from "@/lib/dal/people";
import { PAGE_READS } from "@/lib/test/page-reads";
import { queryPlan, recordStatements } from "@/lib/test/statement-log";
const s = db().$client;
const v = (email: string) => getViewerById((s.prepare("select id from people where email = ?").get(email) as { id: string }).id)!;
const who = { engineer: v("engineer@large.example.com"), manager: v("manager@large.example.com"), director: v("director@large.example.com") };
const review = (s.prepare("select r.id from reviews r join review_cycles c on c.id = r.cycle_id where r.person_id = ? and c.status = 'open'").get(who.engineer.id) as { id: string }).id;
const pages: [string, keyof typeof who][] = [["framework","engineer"],["compare","engineer"],["review","engineer"],["team","manager"],["calibration","director"],["stipend","engineer"],["needs-my-action","manager"]];
for (const [page, as] of pages) {
  const read = PAGE_READS[page]!;
  read(who[as], { reviewId: review });
  const t = performance.now();
  for (let i = 0; i < 20; i++) read(who[as], { reviewId: review });
  const ms = (performance.now() - t) / 20;
  const { statements } = recordStatements(s, () => read(who[as], { reviewId: review }));
  console.log(`\n### ${page}: ${ms.toFixed(2)} ms per call, ${statements.length} statements`);
  if (process.argv.includes("--plans")) for (const st of statements) {
    const t0 = performance.now(); for (let i = 0; i < 5; i++) s.prepare(st.sql).all(...st.params); const each = (performance.now() - t0) / 5;
    if (each > 0.3) { console.log(`  ${each.toFixed(2)} ms  ${st.sql.slice(0, 400)}`); for (const d of queryPlan(s, st)) console.log("      " + d); }
  }
}
