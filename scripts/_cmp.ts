import { performance } from "node:perf_hooks";
import { db } from "@/db";
import { getViewerById } from "@/lib/dal/people";
import { PAGE_READS } from "@/lib/test/page-reads";
import { recordStatements } from "@/lib/test/statement-log";
const s = db().$client;
const [eng, mgr, dir] = process.argv.slice(2);
const v = (email: string) => getViewerById((s.prepare("select id from people where email = ?").get(email) as { id: string }).id)!;
const who = { engineer: v(eng!), manager: v(mgr!), director: v(dir!) };
const review = (s.prepare("select r.id from reviews r join review_cycles c on c.id = r.cycle_id where r.person_id = ? and c.status = 'open'").get(who.engineer.id) as { id: string }).id;
const pages: [string, keyof typeof who][] = [["framework","engineer"],["compare","engineer"],["review","engineer"],["team","manager"],["calibration","director"],["calibration","manager"],["stipend","engineer"],["needs-my-action","manager"]];
for (const [page, as] of pages) {
  const read = PAGE_READS[page]!;
  for (let i = 0; i < 5; i++) read(who[as], { reviewId: review });
  const t = performance.now();
  for (let i = 0; i < 50; i++) read(who[as], { reviewId: review });
  const ms = (performance.now() - t) / 50;
  const { statements } = recordStatements(s, () => read(who[as], { reviewId: review }));
  const slow: string[] = [];
  for (const st of statements) { const p = s.prepare(st.sql); const t0 = performance.now(); for (let i = 0; i < 10; i++) p.all(...st.params); const each = (performance.now() - t0) / 10; if (each > 0.2) slow.push(`${each.toFixed(2)}ms ${st.sql.slice(0, 150)}`); }
  console.log(`${page}/${as}: ${ms.toFixed(2)} ms, ${statements.length} statements${slow.length ? "\n   " + slow.join("\n   ") : ""}`);
}
