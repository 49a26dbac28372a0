/*
 * Runs Lighthouse jobs in plain Node (tsx would rewrite Lighthouse's own code
 * with helpers that then break inside the page it audits). Reads
 * {chromium, jobs: [{url, cookie, formFactor}]} as JSON on stdin and writes
 * one trimmed result per job as JSON on stdout.
 */
import * as chromeLauncher from "chrome-launcher";
import lighthouse from "lighthouse";
import desktopConfig from "lighthouse/core/config/desktop-config.js";

const input = JSON.parse(await new Promise((resolve) => {
  let text = "";
  process.stdin.on("data", (chunk) => (text += chunk)).on("end", () => resolve(text));
}));
const chrome = await chromeLauncher.launch({ chromePath: input.chromium, chromeFlags: ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"] });
const results = [];
try {
  for (const job of input.jobs) {
    let lhr;
    // A trace that failed to record (NO_NAVSTART on a busy machine) is run again, up to twice.
    for (let attempt = 0; attempt < 3 && (!lhr || lhr.runtimeError); attempt++) {
      const run = await lighthouse(job.url, { port: chrome.port, output: "json", logLevel: "error", onlyCategories: ["performance", "accessibility"], extraHeaders: job.cookie ? { Cookie: job.cookie } : undefined }, job.formFactor === "desktop" ? desktopConfig : undefined);
      lhr = run.lhr;
    }
    const value = (id) => lhr.audits[id]?.numericValue ?? null;
    results.push({
      finalUrl: lhr.finalDisplayedUrl,
      performance: Math.round((lhr.categories.performance?.score ?? 0) * 100),
      accessibility: Math.round((lhr.categories.accessibility?.score ?? 0) * 100),
      failing: lhr.categories.accessibility.auditRefs.filter((r) => r.weight > 0 && lhr.audits[r.id]?.score === 0).map((r) => r.id),
      lcpMs: Math.round(value("largest-contentful-paint")),
      tbtMs: Math.round(value("total-blocking-time")),
      cls: Number((value("cumulative-layout-shift") ?? 0).toFixed(3)),
      runtimeError: lhr.runtimeError?.message ?? null,
    });
  }
} finally {
  chrome.kill();
}
process.stdout.write(JSON.stringify(results));
