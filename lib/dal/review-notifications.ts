import "server-only";
import { eq } from "drizzle-orm";
import { alias } from "drizzle-orm/sqlite-core";
import type { Executor } from "@/db";
import { people, reviewCycles, reviews } from "@/db/schema";
import { reviewMessages } from "@/lib/notifications/messages";
import { notify } from "./notifications";

/*
 * Who hears about a review step, called inside the transaction that takes it:
 * the direct manager when a self-assessment is submitted (their review can
 * start in earnest) and when the engineer acknowledges; the engineer when the
 * manager shares. Due-date reminders are in notification-reminders.ts.
 */
export type ReviewStep = "self-submitted" | "shared" | "acknowledged";

export function notifyReviewStep(tx: Executor, reviewId: string, step: ReviewStep, actorId: string) {
  const manager = alias(people, "manager");
  const r = tx
    .select({ personId: reviews.personId, personName: people.name, managerId: people.managerId, managerName: manager.name, cycleName: reviewCycles.name, response: reviews.engineerResponse })
    .from(reviews)
    .innerJoin(reviewCycles, eq(reviewCycles.id, reviews.cycleId))
    .innerJoin(people, eq(people.id, reviews.personId))
    .leftJoin(manager, eq(manager.id, people.managerId))
    .where(eq(reviews.id, reviewId))
    .get()!;
  const record = { type: "review" as const, id: reviewId, ownerId: r.personId };
  switch (step) {
    case "self-submitted":
      if (r.managerId) notify(tx, { kind: "review-self-submitted", recipients: [r.managerId], record, actorId, ...reviewMessages.selfSubmitted(r) });
      return;
    case "shared":
      notify(tx, { kind: "review-shared", recipients: [r.personId], record, actorId, ...reviewMessages.shared(r) });
      return;
    case "acknowledged":
      if (r.managerId) notify(tx, { kind: "review-acknowledged", recipients: [r.managerId], record, actorId, ...reviewMessages.acknowledged(r, r.response) });
      return;
  }
}
