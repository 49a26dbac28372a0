/*
 * A separate OS process for lib/dal/stipend-concurrency.test.ts: waits for a
 * shared start time, then files claims as fast as it can against the same
 * SQLite file as its siblings, and prints what happened as JSON.
 */
import { createClaim } from "@/lib/dal/stipend-claims";
import { getViewerById } from "@/lib/dal/people";

async function main() {
  const [personId, startAt, count, amount] = process.argv.slice(2);
  const viewer = getViewerById(personId!);
  if (!viewer) throw new Error("no such person");
  while (Date.now() < Number(startAt)) await new Promise((r) => setTimeout(r, 2));
  const outcome = { filed: 0, refused: 0, errors: [] as string[] };
  for (let i = 0; i < Number(count); i++) {
    try {
      const result = await createClaim(viewer, {
        purchaseDate: "2026-03-10",
        item: `Race ${process.pid}-${i}`,
        vendor: "Race",
        category: "Books",
        amountPaidMinor: Number(amount),
        currencyPaid: "USD",
        amountChargedMinor: null,
        receiptUrl: "https://shop.example.com/race",
        receiptFile: null,
        note: "",
        cell: null,
      }, "2026-11-22");
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
