/*
 * A separate OS process for lib/dal/packet-race.test.ts: waits for a shared
 * start time, then starts a packet for one person against the same SQLite
 * file as its siblings, and prints what happened as JSON.
 */
import { getViewerById } from "@/lib/dal/people";
import { startPacket } from "@/lib/dal/packet-start";

async function main() {
  const [starterId, personId, startAt] = process.argv.slice(2);
  const viewer = getViewerById(starterId!);
  if (!viewer) throw new Error("no such person");
  while (Date.now() < Number(startAt)) await new Promise((r) => setTimeout(r, 2));
  const outcome = { started: 0, refused: 0, errors: [] as string[] };
  try {
    if (startPacket(viewer, personId!, "ic3").ok) outcome.started++;
    else outcome.refused++;
  } catch (error) {
    outcome.errors.push(error instanceof Error ? error.message : String(error));
  }
  process.stdout.write(JSON.stringify(outcome));
}

main().catch((error) => {
  process.stdout.write(JSON.stringify({ started: 0, refused: 0, errors: [String(error)] }));
});
