/*
 * A separate OS process for lib/dal/stipend-concurrency.test.ts: waits for a
 * shared start time, then files claims as fast as it can against the same
 * SQLite file as its siblings, and prints what happened as JSON.
 */
import { createClaim } from "@/lib/dal/stipend-claims";
import { getViewerById } from "@/lib/dal/people";
import { claimInput, TEST_TODAY } from "./builders";

async function main() {
  const [personId, startAt, count, amount] = process.argv.slice(2);
  const viewer = getViewerById(personId!);
  if (!viewer) throw new Error("no such person");
  while (Date.now() < Number(startAt)) await new Promise((r) => setTimeout(r, 2));
  const outcome = { filed: 0, refused: 0, errors: [] as string[] };
  for (let i = 0; i < Number(count); i++) {
    try {
      const result = await createClaim(viewer, claimInput({ item: `Race ${process.pid}-${i}`, vendor: "Race", amountPaidMinor: Number(amount) }), TEST_TODAY);
      if (result.ok) outcome.filed++;
      else outcome.refused++;
    } catch (error) {
      outcome.errors.push(error instanceof Error ? error.message : String(error));
    }
  }
  process.stdout.write(JSON.stringify(outcome));
}

main().catch((error) => {
  process.stdout.write(JSON.stringify({ filed: 0, refused: 0, errors: [String(error)] }));
});
