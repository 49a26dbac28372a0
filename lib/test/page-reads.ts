import { listActionItems } from "@/lib/dal/action-items";
import { listEvidence, listLearningByCell } from "@/lib/dal/evidence";
import { getCells, getFrameworkStructure, listVisibleVersions } from "@/lib/dal/framework";
import { getManagerPart } from "@/lib/dal/manager-reviews";
import { orgTimeZone, orgToday, orgYear } from "@/lib/dal/org-settings";
import { getPacketNotes } from "@/lib/dal/packet-notes";
import { getPacket, listPackets } from "@/lib/dal/packets";
import { getPersonProfile, getViewerById } from "@/lib/dal/people";
import { getRatingHistory, latestSharedRatings } from "@/lib/dal/review-history";
import { getPrivateNotes } from "@/lib/dal/review-notes";
import { getCalibration, listTeamReviews } from "@/lib/dal/review-team";
import { getReview, listMyReviews, listReportsReviews } from "@/lib/dal/reviews";
import { checkSession } from "@/lib/dal/sessions";
import { getStipendYear } from "@/lib/dal/stipend-claims";
import { listTeamClaims } from "@/lib/dal/stipend-approvals";
import { listStipendYears } from "@/lib/dal/stipend-years";
import type { Viewer } from "@/lib/domain/viewer";
import { canReadPrivateNotes } from "@/lib/policies/reviews";

/*
 * What each page reads, in the DAL calls its page.tsx makes (the benchmarked
 * pages first), for the query-plan test. `record` is a review or packet id
 * where the page shows one. Keep in step with the pages.
 */
export type PageRead = (viewer: Viewer, record: { reviewId?: string; personId?: string; packetId?: string }) => unknown;

export const PAGE_READS: Record<string, PageRead> = {
  framework: (viewer) => {
    const structure = getFrameworkStructure(viewer)!;
    return [getCells(structure, [viewer.levelKey]), listVisibleVersions(viewer)];
  },
  compare: (viewer) => {
    const structure = getFrameworkStructure(viewer)!;
    return getCells(structure, [viewer.levelKey, structure.levels.find((l) => l.trackKey === viewer.trackKey && l.key !== viewer.levelKey)!.key]);
  },
  review: (viewer, { reviewId }) => {
    const review = getReview(viewer, reviewId!);
    const part = getManagerPart(viewer, reviewId!);
    const notes = canReadPrivateNotes(viewer, review.relationship) ? getPrivateNotes(viewer, reviewId!) : null;
    const own = review.canWriteSelf ? [listEvidence(viewer, viewer.id), listLearningByCell(viewer, viewer.id), orgTimeZone()] : null;
    return [review, part, notes, own, orgToday()];
  },
  packet: (viewer, { packetId }) => {
    const data = getPacket(viewer, packetId!);
    const notes = data.can.readNotes ? getPacketNotes(viewer, packetId!) : null;
    const own = data.role === "author" ? listEvidence(viewer, viewer.id) : null;
    return [data, notes, latestSharedRatings(viewer, data.packet.personId), listLearningByCell(viewer, data.packet.personId), own, orgTimeZone()];
  },
  packets: (viewer) => listPackets(viewer),
  team: (viewer) => listTeamReviews(viewer, {}).rows,
  calibration: (viewer) => getCalibration(viewer, {})!.people,
  stipend: (viewer) => {
    const year = orgYear();
    return [getStipendYear(viewer, viewer.id, year).claims, listStipendYears(viewer, year)];
  },
  "needs-my-action": (viewer) => listActionItems(viewer),
  reviews: (viewer) => [listMyReviews(viewer), viewer.hasReports ? listReportsReviews(viewer) : []],
  evidence: (viewer, { personId }) => listEvidence(viewer, personId ?? viewer.id),
  profile: (viewer, { personId }) => getPersonProfile(viewer, personId ?? viewer.id),
  history: (viewer, { personId }) => getRatingHistory(viewer, personId ?? viewer.id),
  "stipend-team": (viewer) => listTeamClaims(viewer, orgYear()).claims,
};

/* What every signed-in request runs before its page: the session check and the viewer. */
export function shellRead(sessionToken: string) {
  const session = checkSession(sessionToken);
  return session.valid ? getViewerById(session.personId) : null;
}
