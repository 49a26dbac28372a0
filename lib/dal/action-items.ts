import "server-only";
import { peopleAdminActionItems } from "./admin-people";
import { stipendActionItems } from "./stipend";
import type { Viewer } from "@/lib/domain/viewer";

/*
 * "Needs my action": what is waiting on this viewer. Each feature contributes
 * a source (stipend approvals, reviews to write, endorsements, ...); a source
 * only ever returns items for records the viewer may act on.
 */
export type ActionItem = { id: string; kind: string; title: string; detail: string; href: string; cta: string; dueAt?: Date | null };

type ActionSource = (viewer: Viewer) => ActionItem[];

const sources: ActionSource[] = [stipendActionItems, (viewer) => peopleAdminActionItems(viewer)];

export function listActionItems(viewer: Viewer): ActionItem[] {
  return sources.flatMap((source) => source(viewer)).sort((a, b) => (a.dueAt?.getTime() ?? Infinity) - (b.dueAt?.getTime() ?? Infinity));
}
