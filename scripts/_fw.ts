import { performance } from "node:perf_hooks";
import { db } from "@/db";
import { getViewerById } from "@/lib/dal/people";
import { PAGE_READS } from "@/lib/test/page-reads";
const s = db().$client;
const v = getViewerById((s.prepare("select id from people where email = ?").get("engineer@large.example.com") as { id: string }).id)!;
const page = process.argv[2] ?? "framework";
for (let round = 0; round < 3; round++) {
  const t = performance.now();
  for (let i = 0; i < 200; i++) PAGE_READS[page]!(v, {});
  console.log(page, ((performance.now() - t) / 200).toFixed(3), "ms");
}
const t = performance.now(); for (let i = 0; i < 20000; i++) s.prepare("select 1").get(); console.log("select 1:", ((performance.now() - t) / 20000 * 1000).toFixed(1), "us");
