/*
 * The fixed vocabularies of the product, shared by the database schema, the
 * access rules and the pages. A leaf module: it imports nothing, so every layer
 * may depend on it without reaching into another.
 */
export const ROLES = ["engineer", "manager", "admin"] as const;
export type Role = (typeof ROLES)[number];

export const FRAMEWORK_VERSION_STATUSES = ["draft", "published"] as const;
export type FrameworkVersionStatus = (typeof FRAMEWORK_VERSION_STATUSES)[number];

export const ACCOUNT_LINK_PURPOSES = ["invite", "reset"] as const;
export type AccountLinkPurpose = (typeof ACCOUNT_LINK_PURPOSES)[number];

export const OVER_BALANCE_MODES = ["refuse", "flag"] as const;
export type OverBalanceMode = (typeof OVER_BALANCE_MODES)[number];

export const CLAIM_STATUSES = ["pending", "approved", "rejected", "reimbursed", "withdrawn"] as const;
export type ClaimStatus = (typeof CLAIM_STATUSES)[number];

/* A self-assessment's or a manager review's progress. "shared" and "acknowledged" belong to the manager's side. */
export const SELF_STATUSES = ["not-started", "draft", "submitted"] as const;
export type SelfStatus = (typeof SELF_STATUSES)[number];

export const MANAGER_STATUSES = ["not-started", "draft", "shared", "acknowledged"] as const;
export type ManagerStatus = (typeof MANAGER_STATUSES)[number];

export const CYCLE_STATUSES = ["open", "closed"] as const;
export type CycleStatus = (typeof CYCLE_STATUSES)[number];

/* The fixed rating scale against a person's level; "exceeds" means already operating at the next level. */
export const RATINGS = ["not-yet", "developing", "meets", "exceeds"] as const;
export type Rating = (typeof RATINGS)[number];

/*
 * A promotion packet's life. Open: draft (the author writes; also where a
 * returned packet goes back to), submitted (with the direct manager),
 * endorsed (by the manager, which puts it with the committee). Closed:
 * approved or declined (by the committee's decision, recorded by an admin),
 * withdrawn. A declined packet may be reopened: a new draft that links back.
 */
export const PACKET_STATUSES = ["draft", "submitted", "endorsed", "approved", "declined", "withdrawn"] as const;
export type PacketStatus = (typeof PACKET_STATUSES)[number];
export const OPEN_PACKET_STATUSES = ["draft", "submitted", "endorsed"] as const satisfies readonly PacketStatus[];

/* The manager's rating of a packet cell against the target level. */
export const PACKET_RATINGS = ["not-yet", "meets", "exceeds"] as const;
export type PacketRating = (typeof PACKET_RATINGS)[number];

/* A packet asks for the next level on the person's track, or a move to the equivalent level on another track. */
export const PACKET_KINDS = ["promotion", "track-move"] as const;
export type PacketKind = (typeof PACKET_KINDS)[number];

/*
 * Endorsements: the author asks a colleague about some of the packet's cells.
 * A request waits (pending), is answered (each asked cell endorsed or
 * questioned), is declined by the colleague, or is cancelled by the author.
 */
export const ENDORSEMENT_REQUEST_STATUSES = ["pending", "answered", "declined", "cancelled"] as const;
export type EndorsementRequestStatus = (typeof ENDORSEMENT_REQUEST_STATUSES)[number];
export const ENDORSEMENT_STANCES = ["endorse", "question"] as const;
export type EndorsementStance = (typeof ENDORSEMENT_STANCES)[number];

/* A committee member's vote on a packet in committee, and the decision an admin records. */
export const COMMITTEE_VOTES = ["approve", "decline"] as const;
export type CommitteeVote = (typeof COMMITTEE_VOTES)[number];
export const PACKET_OUTCOMES = ["approved", "declined"] as const;
export type PacketOutcome = (typeof PACKET_OUTCOMES)[number];

/*
 * Notifications. A kind names the event; the packet issue adds its kinds here
 * (the column is plain text, so a new kind needs no migration).
 */
export const NOTIFICATION_KINDS = [
  "review-self-due-soon",
  "review-self-overdue",
  "review-manager-due-soon",
  "review-manager-overdue",
  "review-self-submitted",
  "review-shared",
  "review-acknowledged",
  "claim-filed",
  "claim-approved",
  "claim-to-reimburse",
  "claim-rejected",
  "claim-reimbursed",
  "packet-started",
  "packet-submitted",
  "packet-returned",
  "packet-endorsed",
  "packet-withdrawn",
  "packet-in-committee",
  "packet-approved",
  "packet-declined",
  "packet-reopened",
  "endorsement-requested",
  "endorsement-answered",
] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];

/* The records a notification can point at; each has an access rule in lib/policies/notifications.ts. */
export const NOTIFIED_RECORD_TYPES = ["review", "stipend-claim", "packet", "committee-packet", "endorsement-request"] as const;
export type NotifiedRecordType = (typeof NOTIFIED_RECORD_TYPES)[number];

/* How a person wants notifications by email. */
export const EMAIL_PREFERENCES = ["immediate", "digest", "off"] as const;
export type EmailPreference = (typeof EMAIL_PREFERENCES)[number];

/* A notification's email: none (off, or no mail server), queued on its own, waiting for the digest, digested, skipped (read before the digest). */
export const NOTIFICATION_EMAIL_STATES = ["none", "queued", "digest", "digested", "skipped"] as const;
export type NotificationEmailState = (typeof NOTIFICATION_EMAIL_STATES)[number];

/* An outbox message: waiting (or waiting to retry), being sent under a lease, sent, given up on, or withdrawn before sending. */
export const OUTBOX_STATUSES = ["pending", "sending", "sent", "failed", "cancelled"] as const;
export type OutboxStatus = (typeof OUTBOX_STATUSES)[number];

export const OUTBOX_CATEGORIES = ["notification", "digest", "account-link"] as const;
export type OutboxCategory = (typeof OUTBOX_CATEGORIES)[number];
