import { eq } from "drizzle-orm";
import { db } from "@/db";
import { reviews } from "@/db/schema";
import { openCycle } from "@/lib/dal/review-cycles";
import { listMyReviews, saveSelfAssessment, submitSelfAssessment, type SelfCell } from "@/lib/dal/reviews";
import type { Actor, Org } from "@/lib/test/org";
import { ALL_CELLS, mustSucceed } from "./harness";

/*
 * The review cycle the access-control rows of reviews run in (evidence,
 * cycles and self-assessments; manager reviews, notes, team, calibration and
 * history): each feature opens it in its own setup, on its own database.
 */
const CYCLE_NAME = "Access-control cycle";

export const selfCells = (rating: SelfCell["rating"]): SelfCell[] => ALL_CELLS.map((cell) => ({ cell, rating, evidence: "Shipped it", citations: [] }));
export const reviewIdOf = (org: Org, owner: Actor) => listMyReviews(org.as[owner]).find((r) => r.cycleName === CYCLE_NAME)!.id;
export const reviewRow = (id: string) => db().select().from(reviews).where(eq(reviews.id, id)).get()!;

/* Opens the access-control cycle for everyone; the peer and the outsider submit their self-assessments ("meets" in every cell). Returns the cycle's id. */
export function openAccessCycle(org: Org): string {
  const cycle = mustSucceed(openCycle(org.as.admin, { name: CYCLE_NAME, selfDueOn: "2026-08-01", managerDueOn: "2026-08-31" }, "2026-01-01")) as { value: { id: string } };
  for (const who of ["peer", "outsider"] as const) {
    const id = reviewIdOf(org, who);
    mustSucceed(saveSelfAssessment(org.as[who], id, 1, selfCells("meets")));
    mustSucceed(submitSelfAssessment(org.as[who], id, 2));
  }
  return cycle.value.id;
}
