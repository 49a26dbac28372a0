import type { NotificationKind, NotifiedRecordType } from "@/lib/domain/enums";

/*
 * What each kind of notification is about: the area it is grouped under (in
 * the list's badges and the daily digest) and what its email's button says.
 * A new record type adds its path below.
 */
export const AREAS = ["Reviews", "Promotion packets", "Stipend"] as const;
export type NotificationArea = (typeof AREAS)[number];

export const KINDS: Record<NotificationKind, { area: NotificationArea; label: string; cta: string }> = {
  "review-self-due-soon": { area: "Reviews", label: "Due soon", cta: "Write your self-assessment" },
  "review-self-overdue": { area: "Reviews", label: "Overdue", cta: "Write your self-assessment" },
  "review-manager-due-soon": { area: "Reviews", label: "Due soon", cta: "Write the review" },
  "review-manager-overdue": { area: "Reviews", label: "Overdue", cta: "Write the review" },
  "review-self-submitted": { area: "Reviews", label: "Ready for you", cta: "Open the review" },
  "review-shared": { area: "Reviews", label: "Shared with you", cta: "Read and acknowledge" },
  "review-acknowledged": { area: "Reviews", label: "Acknowledged", cta: "Open the review" },
  "claim-filed": { area: "Stipend", label: "To decide", cta: "Review the claim" },
  "claim-approved": { area: "Stipend", label: "Approved", cta: "Open the claim" },
  "claim-to-reimburse": { area: "Stipend", label: "To reimburse", cta: "Open the claim" },
  "claim-rejected": { area: "Stipend", label: "Rejected", cta: "Open the claim" },
  "claim-reimbursed": { area: "Stipend", label: "Reimbursed", cta: "Open the claim" },
  "packet-started": { area: "Promotion packets", label: "Started for you", cta: "Write your packet" },
  "packet-submitted": { area: "Promotion packets", label: "To review", cta: "Review the packet" },
  "packet-returned": { area: "Promotion packets", label: "Returned", cta: "Read the feedback" },
  "packet-endorsed": { area: "Promotion packets", label: "Endorsed", cta: "Open the packet" },
  "packet-withdrawn": { area: "Promotion packets", label: "Withdrawn", cta: "Open the packet" },
  "packet-in-committee": { area: "Promotion packets", label: "For the committee", cta: "Read and vote" },
  "packet-approved": { area: "Promotion packets", label: "Approved", cta: "Open the packet" },
  "packet-declined": { area: "Promotion packets", label: "Declined", cta: "Read what is missing" },
  "packet-reopened": { area: "Promotion packets", label: "Reopened", cta: "Open the new draft" },
  "endorsement-requested": { area: "Promotion packets", label: "Endorsement asked", cta: "Answer the request" },
  "endorsement-answered": { area: "Promotion packets", label: "Endorsement answered", cta: "Read the answer" },
};

/* Where a notification's one click leads. */
export function recordPath(record: { type: NotifiedRecordType; id: string }): string {
  const id = encodeURIComponent(record.id);
  switch (record.type) {
    case "review":
      return `/reviews/${id}`;
    case "stipend-claim":
      return `/stipend/claims/${id}`;
    case "packet":
      return `/packets/${id}`;
    case "committee-packet":
      return `/committee/${id}`;
    case "endorsement-request":
      return `/endorsements/${id}`;
  }
}
