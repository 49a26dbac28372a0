/*
 * npm run bench: prints timings for the hot paths, on a synthetic org in a
 * throwaway database. Targets are printed beside each figure; nothing here
 * fails a build, it informs one.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { performance } from "node:perf_hooks";
import { machineInfo, machineLine, table, writeJson, writeSection } from "./bench/report";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "trellis-bench-"));
process.env.TRELLIS_DATA_DIR = dir;

type Result = { name: string; n: number; p50: number; p95: number; target: number };

async function measureAsync(name: string, n: number, target: number, fn: () => Promise<unknown>): Promise<Result> {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    await fn();
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, n, p50: times[Math.floor(n * 0.5)]!, p95: times[Math.floor(n * 0.95)]!, target };
}

function measure(name: string, n: number, target: number, fn: (i: number) => unknown): Result {
  const times: number[] = [];
  for (let i = 0; i < n; i++) {
    const start = performance.now();
    fn(i);
    times.push(performance.now() - start);
  }
  times.sort((a, b) => a - b);
  return { name, n, p50: times[Math.floor(n * 0.5)]!, p95: times[Math.floor(n * 0.95)]!, target };
}

async function main() {
  const { db } = await import("@/db");
  const { installDefaultFramework } = await import("@/lib/dal/framework-install");
  const { insertPerson } = await import("@/lib/test/factory");
  const { createSession, checkSession } = await import("@/lib/dal/sessions");
  const { getPersonProfile, getViewerById, relationshipTo } = await import("@/lib/dal/people");
  const { createClaim, getStipendYear } = await import("@/lib/dal/stipend-claims");
  const { openCycle } = await import("@/lib/dal/review-cycles");
  const { getReview, listMyReviews, reviewActionItems, saveSelfAssessment } = await import("@/lib/dal/reviews");
  const { createEvidence, listEvidence } = await import("@/lib/dal/evidence");
  const { currentCellIds } = await import("@/lib/dal/framework");
  const { packetPdfBench } = await import("./bench-packet-pdf");

  installDefaultFramework(db());
  // 2,000 people: 10 directors, 100 managers, the rest engineers; six levels deep at most.
  const directors = Array.from({ length: 10 }, () => insertPerson(db(), { role: "manager", trackKey: "mgmt", levelKey: "m3" }));
  const managers = Array.from({ length: 100 }, (_, i) => insertPerson(db(), { role: "manager", trackKey: "mgmt", levelKey: "m1", managerId: directors[i % 10]!.id }));
  const engineers = Array.from({ length: 1890 }, (_, i) => insertPerson(db(), { managerId: managers[i % 100]!.id }));
  const sessions = engineers.slice(0, 500).map((e) => createSession(e.id, "credentials"));
  const director = getViewerById(directors[0]!.id)!;
  // One engineer with 50 stipend claims of $10 each.
  const claimant = getViewerById(engineers[0]!.id)!;
  const year = new Date().getUTCFullYear();
  for (let i = 0; i < 50; i++) {
    await createClaim(claimant, { purchaseDate: `${year}-01-02`, item: `Book ${i}`, vendor: "Bookshop", category: "Books", amountPaidMinor: 1000, currencyPaid: "USD", amountChargedMinor: null, receiptUrl: "https://example.com/r", receiptFile: null, note: "", cell: null }, `${year}-06-01`);
  }

  const admin = getViewerById(insertPerson(db(), { role: "admin", trackKey: "mgmt", levelKey: "m4" }).id)!;
  // The cells of whatever framework is installed, so the bench follows its shape.
  const cellIds = [...currentCellIds()];
  for (let i = 0; i < 100; i++) createEvidence(claimant, { title: `Win ${i}`, occurredOn: `${year}-01-02`, description: "Shipped it", links: [], cells: [{ competencyKey: "technical", themeKey: "complexity" }] });
  let version = 1;
  let reviewId = "";
  const entryIds = listEvidence(claimant, claimant.id).map((e) => e.id);
  const packetPdf = await packetPdfBench({ author: claimant, manager: getViewerById(managers[0]!.id)!, reader: director, entryIds });
  // The first PDF of a process reads and parses the fonts once; it is timed on its own.
  const firstPdf = await measureAsync("packet PDF, first in a process (fonts)", 1, 3000, packetPdf);
  const pdf = await measureAsync("packet PDF, largest demo packet", 50, 300, packetPdf);

  const results = [
    measure("open a cycle for everyone (one-off)", 1, 3000, () => openCycle(admin, { name: "Bench", selfDueOn: `${year + 1}-03-01`, managerDueOn: `${year + 1}-03-15` })),
    measure("review page data", 1000, 5, (i) => {
      reviewId ||= listMyReviews(claimant)[0]!.id;
      getReview(i % 2 ? director : claimant, reviewId);
    }),
    measure("self-assessment autosave", 500, 10, (i) => {
      const result = saveSelfAssessment(claimant, reviewId, version, cellIds.map((cell) => ({ cell, rating: "meets", evidence: `Draft ${i}`, citations: [] })));
      if (!("version" in result) || !result.version) throw new Error("autosave refused");
      version = result.version;
    }),
    measure("needs my action: reviews (with viewer)", 2000, 5, (i) => reviewActionItems(getViewerById(engineers[i % engineers.length]!.id)!)),
    measure("evidence log, 100 entries", 1000, 5, () => listEvidence(claimant, claimant.id)),

    measure("session check per request", 5000, 0.5, (i) => checkSession(sessions[i % sessions.length]!)),
    measure("viewer lookup per request", 5000, 0.5, (i) => getViewerById(engineers[i % engineers.length]!.id)),
    measure("reporting-line check (skip level)", 5000, 0.5, (i) => relationshipTo(director.id, engineers[i % engineers.length]!.id)),
    measure("profile page data", 2000, 5, (i) => {
      try {
        getPersonProfile(director, engineers[(i * 10) % engineers.length]!.id);
      } catch {
        // Profiles outside this director's org are refused; the refusal is part of the cost.
      }
    }),
    measure("stipend year, 50 claims", 1000, 5, () => getStipendYear(claimant, claimant.id, year)),
    firstPdf,
    pdf,
  ];

  const people = engineers.length + managers.length + directors.length;
  console.log(`Trellis benchmarks (${people} people, SQLite at ${dir})\n`);
  console.log("what".padEnd(40) + "n".padStart(7) + "p50 ms".padStart(10) + "p95 ms".padStart(10) + "target p95".padStart(13));
  for (const r of results) {
    const verdict = r.p95 <= r.target ? "ok" : "SLOW";
    console.log(r.name.padEnd(40) + String(r.n).padStart(7) + r.p50.toFixed(3).padStart(10) + r.p95.toFixed(3).padStart(10) + `${r.target.toFixed(1)} ${verdict}`.padStart(13));
  }
  writeJson("dal", { generatedAt: new Date().toISOString(), machine: machineInfo(), people, results });
  writeSection(
    "bench:dal",
    [
      "## Data-access hot paths (`npm run bench`)",
      "",
      `DAL functions called directly (no HTTP, no rendering) on a synthetic ${people.toLocaleString("en")}-person org in a throwaway database, on ${machineLine()}.`,
      "",
      table(["what", "n", "p50 ms", "p95 ms", "target p95 ms", ""], results.map((r) => [r.name, r.n, r.p50.toFixed(3), r.p95.toFixed(3), r.target.toFixed(1), r.p95 <= r.target ? "ok" : "**slow**"])),
      "",
      "Reproduce: `npm run bench`. JSON: `bench/results/dal.json`.",
    ].join("\n"),
  );
  db().$client.close();
  fs.rmSync(dir, { recursive: true, force: true });
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
