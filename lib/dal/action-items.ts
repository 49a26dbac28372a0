import "server-only";
import type { ActionItem } from "@/lib/domain/action-item";
import type { Viewer } from "@/lib/domain/viewer";
import { accountLinkActionItems } from "./account-links";
import { committeeActionItems } from "./committee-packets";
import { endorsementActionItems } from "./endorsement-answers";
import { managerReviewActionItems } from "./manager-reviews";
import { packetActionItems } from "./packets";
import { reviewActionItems } from "./reviews";
import { stipendActionItems } from "./stipend-approvals";

/*
 * "Needs my action": what is waiting on this viewer. Each feature contributes
 * a source (stipend approvals, reviews to write, endorsements, ...); a source
 * only ever returns items for records the viewer may act on. Features export
 * their sources and never import this module.
 */
export type { ActionItem };

type ActionSource = (viewer: Viewer) => ActionItem[];

const sources: ActionSource[] = [(viewer) => reviewActionItems(viewer), (viewer) => managerReviewActionItems(viewer), stipendActionItems, packetActionItems, endorsementActionItems, committeeActionItems, (viewer) => accountLinkActionItems(viewer)];

export function listActionItems(viewer: Viewer): ActionItem[] {
  return sources.flatMap((source) => source(viewer)).sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity));
}
