/*
 * npm run bench:profile [-- --path /framework --as engineer --org demo|large --duration 10]
 *
 * Where a page's time goes: `next start` under `node --cpu-prof` while
 * autocannon drives the page, then the samples summed by category (rendering,
 * DAL, crypto, GC, module loading) and the busiest functions. The profile is
 * kept in bench/.data/profile/ for Chrome DevTools.
 */
import fs from "node:fs";
import path from "node:path";
import { parseArgs } from "node:util";
import { DEMO_PASSWORD } from "@/db/seed/demo-people";
import { load } from "./load";
import { prepareOrgs } from "./orgs";
import { summariseProfile } from "./profile-summary";
import { ensureBuild, signIn, startServer } from "./server";
import type { Role } from "./types";

const { values } = parseArgs({
  options: {
    path: { type: "string", default: "/framework" },
    as: { type: "string", default: "engineer" },
    org: { type: "string", default: "demo" },
    duration: { type: "string", default: "10" },
    large: { type: "string", default: path.join("data", "large.db") },
  },
});

async function main() {
  await ensureBuild(false);
  const work = path.join(process.cwd(), "bench", ".data", "profile");
  const target = prepareOrgs(work, { largeSource: values.large!, largePeople: "10000" }).find((t) => t.key === values.org);
  if (!target) throw new Error("--org is demo or large");
  const profiles = path.join(work, "cpu");
  const server = await startServer(3105, { dataDir: path.dirname(target.databasePath), databasePath: target.databasePath, nodeArgs: ["--cpu-prof", `--cpu-prof-dir=${profiles}`] });
  try {
    const cookie = await signIn(server.origin, target.accounts[values.as as Role], DEMO_PASSWORD);
    const result = await load(server.origin + values.path, { cookie, connections: 10, duration: Number(values.duration) });
    console.log(`${values.path} as ${values.as} (${target.label}): ${result.requestsPerSecond.toFixed(1)} req/s, p50 ${result.p50} ms, p99 ${result.p99} ms, ${result.requests} requests`);
  } finally {
    await server.stop();
  }
  const file = fs.readdirSync(profiles).filter((f) => f.endsWith(".cpuprofile")).map((f) => path.join(profiles, f)).sort((a, b) => fs.statSync(b).size - fs.statSync(a).size)[0]!;
  console.log(summariseProfile(JSON.parse(fs.readFileSync(file, "utf8"))));
  console.log(`Profile: ${path.relative(process.cwd(), file)} (open in Chrome DevTools, Performance)`);
}

main().catch((error) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
