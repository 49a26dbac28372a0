import type { SeedContext } from "./context";

/*
 * HOOK (issues 12 and 13, promotion packets): generate packets in every state
 * here once their tables exist: draft, submitted, manager-endorsed, returned,
 * in committee review, approved and declined, with per-cell cases citing
 * `ctx.evidence`, endorsement requests to peers and each transition's history.
 * For example one packet for ~3% of people (more for those rated "exceeds" in
 * the last closed cycle), and one submitted packet by LARGE_ACCOUNTS.engineer
 * for the page benchmark (scripts/bench/pages.ts has its row waiting).
 * Use `inserter(ctx, table, columns)` from ./context and `ctx.rng` only, so
 * the data stays the same for the same seed. Returns the packets written.
 */
export function seedPackets(ctx: SeedContext): number {
  void ctx;
  return 0;
}
