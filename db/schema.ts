import { sql } from "drizzle-orm";
import { type AnySQLiteColumn, check, foreignKey, index, integer, primaryKey, sqliteTable, text, uniqueIndex } from "drizzle-orm/sqlite-core";
// Relative, not "@/": drizzle-kit loads this file without the tsconfig paths.
import {
  ACCOUNT_LINK_PURPOSES,
  CLAIM_STATUSES,
  COMMITTEE_VOTES,
  CYCLE_STATUSES,
  ENDORSEMENT_REQUEST_STATUSES,
  ENDORSEMENT_STANCES,
  FRAMEWORK_VERSION_STATUSES,
  MANAGER_STATUSES,
  OVER_BALANCE_MODES,
  PACKET_KINDS,
  PACKET_OUTCOMES,
  PACKET_RATINGS,
  PACKET_STATUSES,
  EMAIL_PREFERENCES,
  NOTIFICATION_EMAIL_STATES,
  NOTIFICATION_KINDS,
  NOTIFIED_RECORD_TYPES,
  OUTBOX_CATEGORIES,
  OUTBOX_STATUSES,
  RATINGS,
  ROLES,
  SELF_STATUSES,
} from "../lib/domain/enums";

const now = sql`(unixepoch('subsec') * 1000)`;
const createdAt = () => integer("created_at", { mode: "timestamp_ms" }).notNull().default(now);


/*
 * Framework identity. A track, level, competency or theme has a stable key that
 * outlives every version of the framework, so people, level history, reviews
 * and packets point at something that lasts while its wording changes.
 */
export const tracks = sqliteTable("tracks", {
  key: text("key").primaryKey(),
  createdAt: createdAt(),
});

export const levels = sqliteTable("levels", {
  key: text("key").primaryKey(),
  trackKey: text("track_key")
    .notNull()
    .references(() => tracks.key),
  createdAt: createdAt(),
});

export const competencies = sqliteTable("competencies", {
  key: text("key").primaryKey(),
  createdAt: createdAt(),
});

export const themes = sqliteTable("themes", {
  key: text("key").primaryKey(),
  createdAt: createdAt(),
});

/* Framework content, one copy per version. Publishing freezes a version. */
export const frameworkVersions = sqliteTable(
  "framework_versions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    number: integer("number").notNull().unique(),
    name: text("name").notNull(),
    description: text("description").notNull().default(""),
    status: text("status", { enum: FRAMEWORK_VERSION_STATUSES }).notNull().default("draft"),
    notes: text("notes").notNull().default(""),
    createdAt: createdAt(),
    createdById: text("created_by_id").references(() => people.id),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    publishedById: text("published_by_id").references(() => people.id),
    // The published version a draft started from, to say when the current one has moved on since.
    basedOnId: integer("based_on_id").references((): AnySQLiteColumn => frameworkVersions.id),
    // A draft's structure (names, order, tracks, levels) changes only against the revision the editor loaded.
    revision: integer("revision").notNull().default(1),
  },
  (t) => [
    check("framework_versions_published_has_date", sql`${t.status} = 'draft' or ${t.publishedAt} is not null`),
    // One draft at a time, so version numbers stay in publishing order.
    uniqueIndex("framework_versions_one_draft").on(t.status).where(sql`${t.status} = 'draft'`),
  ],
);

export const versionTracks = sqliteTable(
  "version_tracks",
  {
    versionId: integer("version_id")
      .notNull()
      .references(() => frameworkVersions.id, { onDelete: "cascade" }),
    trackKey: text("track_key")
      .notNull()
      .references(() => tracks.key),
    name: text("name").notNull(),
    summary: text("summary").notNull().default(""),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.trackKey] })],
);

export const versionLevels = sqliteTable(
  "version_levels",
  {
    versionId: integer("version_id")
      .notNull()
      .references(() => frameworkVersions.id, { onDelete: "cascade" }),
    levelKey: text("level_key")
      .notNull()
      .references(() => levels.key),
    trackKey: text("track_key").notNull(),
    code: text("code").notNull(),
    name: text("name").notNull(),
    summary: text("summary").notNull().default(""),
    position: integer("position").notNull(),
    // The level on the other track that counts as the same seniority (Senior <-> Engineering Manager).
    equivalentLevelKey: text("equivalent_level_key").references(() => levels.key),
  },
  (t) => [
    primaryKey({ columns: [t.versionId, t.levelKey] }),
    foreignKey({ columns: [t.versionId, t.trackKey], foreignColumns: [versionTracks.versionId, versionTracks.trackKey] }),
    uniqueIndex("version_levels_position").on(t.versionId, t.trackKey, t.position),
  ],
);

export const versionCompetencies = sqliteTable(
  "version_competencies",
  {
    versionId: integer("version_id")
      .notNull()
      .references(() => frameworkVersions.id, { onDelete: "cascade" }),
    competencyKey: text("competency_key")
      .notNull()
      .references(() => competencies.key),
    name: text("name").notNull(),
    summary: text("summary").notNull().default(""),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.competencyKey] })],
);

export const versionThemes = sqliteTable(
  "version_themes",
  {
    versionId: integer("version_id")
      .notNull()
      .references(() => frameworkVersions.id, { onDelete: "cascade" }),
    themeKey: text("theme_key")
      .notNull()
      .references(() => themes.key),
    name: text("name").notNull(),
    summary: text("summary").notNull().default(""),
    position: integer("position").notNull(),
  },
  (t) => [primaryKey({ columns: [t.versionId, t.themeKey] })],
);

export const cells = sqliteTable(
  "cells",
  {
    versionId: integer("version_id").notNull(),
    levelKey: text("level_key").notNull(),
    competencyKey: text("competency_key").notNull(),
    themeKey: text("theme_key").notNull(),
    expectation: text("expectation").notNull(),
    description: text("description").notNull(),
    examples: text("examples", { mode: "json" }).$type<string[]>().notNull(),
    // Each cell of a draft autosaves on its own, against the revision its editor loaded.
    revision: integer("revision").notNull().default(1),
  },
  (t) => [
    primaryKey({ columns: [t.versionId, t.levelKey, t.competencyKey, t.themeKey] }),
    foreignKey({ columns: [t.versionId, t.levelKey], foreignColumns: [versionLevels.versionId, versionLevels.levelKey] }).onDelete("cascade"),
    foreignKey({
      columns: [t.versionId, t.competencyKey],
      foreignColumns: [versionCompetencies.versionId, versionCompetencies.competencyKey],
    }).onDelete("cascade"),
    foreignKey({ columns: [t.versionId, t.themeKey], foreignColumns: [versionThemes.versionId, versionThemes.themeKey] }).onDelete("cascade"),
  ],
);

/* People and their levels. */
export const people = sqliteTable(
  "people",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    email: text("email").notNull(),
    role: text("role", { enum: ROLES }).notNull().default("engineer"),
    trackKey: text("track_key")
      .notNull()
      .references(() => tracks.key),
    levelKey: text("level_key")
      .notNull()
      .references(() => levels.key),
    managerId: text("manager_id").references((): AnySQLiteColumn => people.id),
    team: text("team").notNull().default(""),
    startDate: text("start_date").notNull(),
    active: integer("active", { mode: "boolean" }).notNull().default(true),
    passwordHash: text("password_hash"),
    passwordChangedAt: integer("password_changed_at", { mode: "timestamp_ms" }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [
    uniqueIndex("people_email").on(t.email),
    index("people_manager").on(t.managerId),
    // People with no password yet (invited, or SSO before first use): admins' "Needs my action" lists them by name.
    index("people_without_password").on(t.name).where(sql`${t.passwordHash} is null`),
    check("people_not_own_manager", sql`${t.managerId} is null or ${t.managerId} <> ${t.id}`),
  ],
);

export const levelHistory = sqliteTable(
  "level_history",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    trackKey: text("track_key")
      .notNull()
      .references(() => tracks.key),
    levelKey: text("level_key")
      .notNull()
      .references(() => levels.key),
    effectiveDate: text("effective_date").notNull(),
    reason: text("reason").notNull(),
    recordedById: text("recorded_by_id").references(() => people.id),
    createdAt: createdAt(),
  },
  (t) => [index("level_history_person").on(t.personId, t.effectiveDate)],
);

/*
 * Auth.js tables. Sign-in uses JWT cookies (the Credentials provider needs them),
 * but each cookie names a row here, so sessions can be listed, timed out and
 * ended by an admin; linked SSO identities live in accounts.
 */
export const accounts = sqliteTable(
  "accounts",
  {
    provider: text("provider").notNull(),
    providerAccountId: text("provider_account_id").notNull(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    type: text("type").notNull(),
    createdAt: createdAt(),
  },
  (t) => [primaryKey({ columns: [t.provider, t.providerAccountId] }), index("accounts_person").on(t.personId)],
);

export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    provider: text("provider").notNull(),
    createdAt: integer("created_at", { mode: "timestamp_ms" }).notNull(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
    endedAt: integer("ended_at", { mode: "timestamp_ms" }),
    endedReason: text("ended_reason"),
  },
  (t) => [index("sessions_person").on(t.personId)],
);

/* Failed sign-ins per account and per client address, to slow and then refuse guessing. */
export const signInThrottle = sqliteTable("sign_in_throttle", {
  key: text("key").primaryKey(),
  failures: integer("failures").notNull(),
  firstFailureAt: integer("first_failure_at", { mode: "timestamp_ms" }).notNull(),
  lockedUntil: integer("locked_until", { mode: "timestamp_ms" }),
});

/* Append-only: a trigger in the migrations refuses UPDATE and DELETE. */
export const auditLog = sqliteTable(
  "audit_log",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    at: integer("at", { mode: "timestamp_ms" }).notNull().default(now),
    actorId: text("actor_id"),
    action: text("action").notNull(),
    recordType: text("record_type").notNull(),
    recordId: text("record_id").notNull(),
    summary: text("summary").notNull(),
  },
  (t) => [index("audit_log_at").on(t.at), index("audit_log_record").on(t.recordType, t.recordId), index("audit_log_actor").on(t.actorId, t.at)],
);

/* One-time links: an invitation to set a first password, or an admin-issued password reset. Only a hash of the token is stored. */
export const accountLinks = sqliteTable(
  "account_links",
  {
    id: text("id").primaryKey(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    purpose: text("purpose", { enum: ACCOUNT_LINK_PURPOSES }).notNull(),
    tokenHash: text("token_hash").notNull(),
    createdById: text("created_by_id").references(() => people.id),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
  },
  (t) => [uniqueIndex("account_links_token").on(t.tokenHash), index("account_links_person").on(t.personId)],
);

/* The promotion committee, named by an admin. */
export const committeeMembers = sqliteTable("committee_members", {
  personId: text("person_id")
    .primaryKey()
    .references(() => people.id),
  addedById: text("added_by_id").references(() => people.id),
  addedAt: createdAt(),
});

/* Education stipend settings, one row per calendar year (the table keeps its first name, stipend_policies). Money is integer minor units of `currency`. */
export const stipendYearSettings = sqliteTable(
  "stipend_policies",
  {
    year: integer("year").primaryKey(),
    allowanceMinor: integer("allowance_minor").notNull(),
    currency: text("currency").notNull(),
    categories: text("categories", { mode: "json" }).$type<string[]>().notNull(),
    overBalance: text("over_balance", { enum: OVER_BALANCE_MODES }).notNull().default("refuse"),
    prorateNewStarters: integer("prorate_new_starters", { mode: "boolean" }).notNull().default(true),
    version: integer("version").notNull().default(1),
    updatedById: text("updated_by_id").references(() => people.id),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [check("stipend_policies_allowance", sql`${t.allowanceMinor} >= 0`), check("stipend_policies_currency", sql`length(${t.currency}) = 3`)],
);

/*
 * An uploaded receipt, stored in the data directory under a random name. When
 * the retention rule deletes the file, the row stays with `removedAt` set: the
 * claim page says what happened, and the upload still counts toward its
 * uploader's limits (created_at is the upload time).
 */
export const receipts = sqliteTable(
  "receipts",
  {
    id: text("id").primaryKey(),
    storedName: text("stored_name").notNull().unique(),
    originalName: text("original_name").notNull(),
    contentType: text("content_type").notNull(),
    sizeBytes: integer("size_bytes").notNull(),
    sha256: text("sha256").notNull(),
    uploadedById: text("uploaded_by_id")
      .notNull()
      .references(() => people.id),
    createdAt: createdAt(),
    removedAt: integer("removed_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("receipts_uploader_time").on(t.uploadedById, t.createdAt)],
);

/* Stipend settings that are not per year: a single row (id 1), absent until an admin first saves. */
export const stipendSettings = sqliteTable(
  "stipend_settings",
  {
    id: integer("id").primaryKey(),
    rejectedReceiptRetentionDays: integer("rejected_receipt_retention_days").notNull(),
    version: integer("version").notNull().default(1),
    updatedById: text("updated_by_id").references(() => people.id),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [check("stipend_settings_single_row", sql`${t.id} = 1`), check("stipend_settings_retention", sql`${t.rejectedReceiptRetentionDays} between 0 and 3650`)],
);


export const stipendClaims = sqliteTable(
  "stipend_claims",
  {
    id: text("id").primaryKey(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    year: integer("year").notNull(),
    purchaseDate: text("purchase_date").notNull(),
    item: text("item").notNull(),
    vendor: text("vendor").notNull(),
    category: text("category").notNull(),
    amountPaidMinor: integer("amount_paid_minor").notNull(),
    currencyPaid: text("currency_paid").notNull(),
    // In the currency of `year`; what the allowance is charged.
    amountChargedMinor: integer("amount_charged_minor").notNull(),
    receiptId: text("receipt_id").references(() => receipts.id),
    receiptUrl: text("receipt_url"),
    note: text("note").notNull().default(""),
    competencyKey: text("competency_key").references(() => competencies.key),
    themeKey: text("theme_key").references(() => themes.key),
    status: text("status", { enum: CLAIM_STATUSES }).notNull().default("pending"),
    // Set when the year's settings flag (rather than refuses) a claim over the remaining balance.
    overBalance: integer("over_balance", { mode: "boolean" }).notNull().default(false),
    decidedById: text("decided_by_id").references(() => people.id),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }),
    decisionReason: text("decision_reason"),
    reimbursedById: text("reimbursed_by_id").references(() => people.id),
    reimbursedAt: integer("reimbursed_at", { mode: "timestamp_ms" }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [
    index("stipend_claims_person_year").on(t.personId, t.year),
    index("stipend_claims_status").on(t.status),
    // A year across the whole org: the admin's team claims and reports.
    index("stipend_claims_year").on(t.year),
    check("stipend_claims_amounts", sql`${t.amountPaidMinor} > 0 and ${t.amountChargedMinor} > 0`),
    check("stipend_claims_receipt", sql`${t.receiptId} is not null or ${t.receiptUrl} is not null`),
    check("stipend_claims_cell", sql`(${t.competencyKey} is null) = (${t.themeKey} is null)`),
  ],
);

/* Every status change of a claim: who, when, from what to what, and why. */
export const stipendClaimEvents = sqliteTable(
  "stipend_claim_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    claimId: text("claim_id")
      .notNull()
      .references(() => stipendClaims.id),
    at: integer("at", { mode: "timestamp_ms" }).notNull().default(now),
    actorId: text("actor_id").references(() => people.id),
    fromStatus: text("from_status", { enum: CLAIM_STATUSES }),
    toStatus: text("to_status", { enum: CLAIM_STATUSES }).notNull(),
    reason: text("reason").notNull().default(""),
  },
  (t) => [index("stipend_claim_events_claim").on(t.claimId, t.at)],
);

/* Organisation-wide settings: one row (id 1). "Today", due dates and overdue are computed in time_zone. */
export const orgSettings = sqliteTable(
  "org_settings",
  {
    id: integer("id").primaryKey(),
    timeZone: text("time_zone").notNull().default("UTC"),
    version: integer("version").notNull().default(1),
    updatedById: text("updated_by_id").references(() => people.id),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [check("org_settings_single_row", sql`${t.id} = 1`)],
);

/*
 * The evidence log: wins a person records as they happen, each tagged to one
 * or more cells by stable keys. An entry cited by a submitted self-assessment
 * is never deleted, only marked removed (removed_at), so the review still reads.
 */
export const evidenceEntries = sqliteTable(
  "evidence_entries",
  {
    id: text("id").primaryKey(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    title: text("title").notNull(),
    occurredOn: text("occurred_on").notNull(),
    description: text("description").notNull().default(""),
    links: text("links", { mode: "json" }).$type<string[]>().notNull(),
    removedAt: integer("removed_at", { mode: "timestamp_ms" }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [index("evidence_entries_person_date").on(t.personId, t.occurredOn)],
);

export const evidenceCells = sqliteTable(
  "evidence_cells",
  {
    entryId: text("entry_id")
      .notNull()
      .references(() => evidenceEntries.id, { onDelete: "cascade" }),
    competencyKey: text("competency_key")
      .notNull()
      .references(() => competencies.key),
    themeKey: text("theme_key")
      .notNull()
      .references(() => themes.key),
  },
  (t) => [primaryKey({ columns: [t.entryId, t.competencyKey, t.themeKey] })],
);

/* A review cycle, pinned to the framework version published when it opened. */
export const reviewCycles = sqliteTable(
  "review_cycles",
  {
    id: text("id").primaryKey(),
    name: text("name").notNull(),
    selfDueOn: text("self_due_on").notNull(),
    managerDueOn: text("manager_due_on").notNull(),
    status: text("status", { enum: CYCLE_STATUSES }).notNull().default("open"),
    frameworkVersionId: integer("framework_version_id")
      .notNull()
      .references(() => frameworkVersions.id),
    openedById: text("opened_by_id").references(() => people.id),
    openedAt: integer("opened_at", { mode: "timestamp_ms" }).notNull().default(now),
    closedById: text("closed_by_id").references(() => people.id),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    version: integer("version").notNull().default(1),
  },
  (t) => [index("review_cycles_status").on(t.status), check("review_cycles_due_order", sql`${t.selfDueOn} <= ${t.managerDueOn}`)],
);

/*
 * One review per person per cycle, pinned to their track and level when it was
 * created. Its self part and manager part move separately, each with its own
 * version for autosave. The manager is whoever manages the person now
 * (people.manager_id at read time), so it is not stored.
 */
export const reviews = sqliteTable(
  "reviews",
  {
    id: text("id").primaryKey(),
    cycleId: text("cycle_id")
      .notNull()
      .references(() => reviewCycles.id),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    frameworkVersionId: integer("framework_version_id")
      .notNull()
      .references(() => frameworkVersions.id),
    trackKey: text("track_key")
      .notNull()
      .references(() => tracks.key),
    levelKey: text("level_key")
      .notNull()
      .references(() => levels.key),
    selfStatus: text("self_status", { enum: SELF_STATUSES }).notNull().default("not-started"),
    selfVersion: integer("self_version").notNull().default(1),
    selfSavedAt: integer("self_saved_at", { mode: "timestamp_ms" }),
    selfSubmittedAt: integer("self_submitted_at", { mode: "timestamp_ms" }),
    managerStatus: text("manager_status", { enum: MANAGER_STATUSES }).notNull().default("not-started"),
    managerVersion: integer("manager_version").notNull().default(1),
    managerSummary: text("manager_summary").notNull().default(""),
    managerAuthorId: text("manager_author_id").references(() => people.id),
    sharedAt: integer("shared_at", { mode: "timestamp_ms" }),
    engineerResponse: text("engineer_response").notNull().default(""),
    acknowledgedAt: integer("acknowledged_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("reviews_cycle_person").on(t.cycleId, t.personId),
    index("reviews_person").on(t.personId),
    index("reviews_cycle_self_status").on(t.cycleId, t.selfStatus),
    index("reviews_cycle_manager_status").on(t.cycleId, t.managerStatus),
    foreignKey({ columns: [t.frameworkVersionId, t.levelKey], foreignColumns: [versionLevels.versionId, versionLevels.levelKey] }),
  ],
);

/* The cells of a review, one per cell of its framework version: the person's rating and evidence, and the manager's rating and comment. */
export const reviewCells = sqliteTable(
  "review_cells",
  {
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    competencyKey: text("competency_key")
      .notNull()
      .references(() => competencies.key),
    themeKey: text("theme_key")
      .notNull()
      .references(() => themes.key),
    selfRating: text("self_rating", { enum: RATINGS }),
    selfEvidence: text("self_evidence").notNull().default(""),
    managerRating: text("manager_rating", { enum: RATINGS }),
    managerComment: text("manager_comment").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.reviewId, t.competencyKey, t.themeKey] })],
);

/* Evidence-log entries cited from a review cell. */
export const reviewCitations = sqliteTable(
  "review_citations",
  {
    reviewId: text("review_id")
      .notNull()
      .references(() => reviews.id, { onDelete: "cascade" }),
    competencyKey: text("competency_key").notNull(),
    themeKey: text("theme_key").notNull(),
    entryId: text("entry_id")
      .notNull()
      .references(() => evidenceEntries.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.reviewId, t.competencyKey, t.themeKey, t.entryId] }),
    foreignKey({ columns: [t.reviewId, t.competencyKey, t.themeKey], foreignColumns: [reviewCells.reviewId, reviewCells.competencyKey, reviewCells.themeKey] }).onDelete("cascade"),
    index("review_citations_entry").on(t.entryId),
  ],
);

/*
 * Private manager notes, one per review: read and written by the person's
 * manager chain and admins only. A table of its own, so no query of reviews
 * can carry them to the engineer by accident.
 */
export const reviewPrivateNotes = sqliteTable("review_private_notes", {
  reviewId: text("review_id")
    .primaryKey()
    .references(() => reviews.id, { onDelete: "cascade" }),
  body: text("body").notNull().default(""),
  version: integer("version").notNull().default(1),
  updatedById: text("updated_by_id").references(() => people.id),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
});

/*
 * A promotion packet: the written case that a person (its author) is ready
 * for a target level, pinned to the framework version published when it was
 * started. The author's part (summary and each cell's case) and the direct
 * manager's part (a rating, comment and justification per cell) move with a
 * version each, for autosave. At most one open packet per person, enforced
 * here as well as in the DAL.
 */
export const packets = sqliteTable(
  "packets",
  {
    id: text("id").primaryKey(),
    personId: text("person_id")
      .notNull()
      .references(() => people.id),
    startedById: text("started_by_id")
      .notNull()
      .references(() => people.id),
    frameworkVersionId: integer("framework_version_id")
      .notNull()
      .references(() => frameworkVersions.id),
    fromLevelKey: text("from_level_key").notNull(),
    targetLevelKey: text("target_level_key").notNull(),
    kind: text("kind", { enum: PACKET_KINDS }).notNull(),
    status: text("status", { enum: PACKET_STATUSES }).notNull().default("draft"),
    summary: text("summary").notNull().default(""),
    caseVersion: integer("case_version").notNull().default(1),
    caseSavedAt: integer("case_saved_at", { mode: "timestamp_ms" }),
    managerVersion: integer("manager_version").notNull().default(1),
    managerAuthorId: text("manager_author_id").references(() => people.id),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    endorsedAt: integer("endorsed_at", { mode: "timestamp_ms" }),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
    // A packet reopened from a declined one names it; the declined one keeps its own history.
    reopenedFromId: text("reopened_from_id").references((): AnySQLiteColumn => packets.id),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [
    uniqueIndex("packets_reopened_once").on(t.reopenedFromId).where(sql`${t.reopenedFromId} is not null`),
    uniqueIndex("packets_one_open_per_person").on(t.personId).where(sql`${t.status} in ('draft', 'submitted', 'endorsed')`),
    index("packets_person").on(t.personId, t.createdAt),
    index("packets_status").on(t.status),
    foreignKey({ columns: [t.frameworkVersionId, t.fromLevelKey], foreignColumns: [versionLevels.versionId, versionLevels.levelKey] }),
    foreignKey({ columns: [t.frameworkVersionId, t.targetLevelKey], foreignColumns: [versionLevels.versionId, versionLevels.levelKey] }),
    check("packets_target_differs", sql`${t.fromLevelKey} <> ${t.targetLevelKey}`),
  ],
);

/*
 * One row per cell of the pinned version: the author's case, and the
 * manager's rating, comment and justification (for a gap). text_version
 * counts changes to the case text, so an endorsement can say which wording
 * it was given to.
 */
export const packetCells = sqliteTable(
  "packet_cells",
  {
    packetId: text("packet_id")
      .notNull()
      .references(() => packets.id, { onDelete: "cascade" }),
    competencyKey: text("competency_key")
      .notNull()
      .references(() => competencies.key),
    themeKey: text("theme_key")
      .notNull()
      .references(() => themes.key),
    caseText: text("case_text").notNull().default(""),
    textVersion: integer("text_version").notNull().default(1),
    managerRating: text("manager_rating", { enum: PACKET_RATINGS }),
    managerComment: text("manager_comment").notNull().default(""),
    managerJustification: text("manager_justification").notNull().default(""),
    // The committee's "what is missing" for this cell, when the packet is declined.
    missing: text("missing").notNull().default(""),
  },
  (t) => [primaryKey({ columns: [t.packetId, t.competencyKey, t.themeKey] })],
);

/* Evidence-log entries cited from a packet cell. */
export const packetCitations = sqliteTable(
  "packet_citations",
  {
    packetId: text("packet_id")
      .notNull()
      .references(() => packets.id, { onDelete: "cascade" }),
    competencyKey: text("competency_key").notNull(),
    themeKey: text("theme_key").notNull(),
    entryId: text("entry_id")
      .notNull()
      .references(() => evidenceEntries.id, { onDelete: "cascade" }),
  },
  (t) => [
    primaryKey({ columns: [t.packetId, t.competencyKey, t.themeKey, t.entryId] }),
    foreignKey({ columns: [t.packetId, t.competencyKey, t.themeKey], foreignColumns: [packetCells.packetId, packetCells.competencyKey, packetCells.themeKey] }).onDelete("cascade"),
    index("packet_citations_entry").on(t.entryId),
  ],
);

/* The packet's timeline: every step, who took it, when and why. Also in the audit log. */
export const packetEvents = sqliteTable(
  "packet_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    packetId: text("packet_id")
      .notNull()
      .references(() => packets.id, { onDelete: "cascade" }),
    at: integer("at", { mode: "timestamp_ms" }).notNull().default(now),
    actorId: text("actor_id").references(() => people.id),
    step: text("step").notNull(),
    fromStatus: text("from_status", { enum: PACKET_STATUSES }),
    toStatus: text("to_status", { enum: PACKET_STATUSES }).notNull(),
    note: text("note").notNull().default(""),
  },
  (t) => [index("packet_events_packet").on(t.packetId, t.at)],
);

/* Private manager notes on a packet, in a table of their own like a review's, so no packet query can carry them to the author. */
export const packetPrivateNotes = sqliteTable("packet_private_notes", {
  packetId: text("packet_id")
    .primaryKey()
    .references(() => packets.id, { onDelete: "cascade" }),
  body: text("body").notNull().default(""),
  version: integer("version").notNull().default(1),
  updatedById: text("updated_by_id").references(() => people.id),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }),
});

/* The readiness rule (lib/packets/readiness.ts): one row (id 1), absent until an admin first saves; null max means any number of justified gaps. */
export const packetSettings = sqliteTable(
  "packet_settings",
  {
    id: integer("id").primaryKey(),
    minimumRating: text("minimum_rating", { enum: ["meets", "exceeds"] }).notNull().default("meets"),
    maxJustifiedGaps: integer("max_justified_gaps"),
    version: integer("version").notNull().default(1),
    updatedById: text("updated_by_id").references(() => people.id),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [check("packet_settings_single_row", sql`${t.id} = 1`), check("packet_settings_max_gaps", sql`${t.maxJustifiedGaps} is null or ${t.maxJustifiedGaps} between 0 and 99`)],
);

/*
 * Endorsement requests: the author asks a colleague about some cells. One
 * live request per colleague and packet (a cancelled one frees the place).
 * The version guards the endorser's answer against a second tab.
 */
export const endorsementRequests = sqliteTable(
  "endorsement_requests",
  {
    id: text("id").primaryKey(),
    packetId: text("packet_id")
      .notNull()
      .references(() => packets.id, { onDelete: "cascade" }),
    endorserId: text("endorser_id")
      .notNull()
      .references(() => people.id),
    requestedById: text("requested_by_id")
      .notNull()
      .references(() => people.id),
    message: text("message").notNull().default(""),
    status: text("status", { enum: ENDORSEMENT_REQUEST_STATUSES }).notNull().default("pending"),
    declineReason: text("decline_reason").notNull().default(""),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    answeredAt: integer("answered_at", { mode: "timestamp_ms" }),
    closedAt: integer("closed_at", { mode: "timestamp_ms" }),
  },
  (t) => [
    uniqueIndex("endorsement_requests_one_live").on(t.packetId, t.endorserId).where(sql`${t.status} <> 'cancelled'`),
    index("endorsement_requests_endorser").on(t.endorserId, t.status),
  ],
);

/*
 * The cells a request asks about, and the answer to each: endorsed or
 * questioned with a comment, tied to the case's text_version and words it
 * was given to (so a later edit shows it as given to an earlier version).
 */
export const endorsementCells = sqliteTable(
  "endorsement_cells",
  {
    requestId: text("request_id")
      .notNull()
      .references(() => endorsementRequests.id, { onDelete: "cascade" }),
    competencyKey: text("competency_key").notNull(),
    themeKey: text("theme_key").notNull(),
    stance: text("stance", { enum: ENDORSEMENT_STANCES }),
    comment: text("comment").notNull().default(""),
    textVersion: integer("text_version"),
    answeredText: text("answered_text"),
    answeredAt: integer("answered_at", { mode: "timestamp_ms" }),
  },
  (t) => [primaryKey({ columns: [t.requestId, t.competencyKey, t.themeKey] })],
);

/* A committee member's vote on a packet in committee, with their comment; changeable until the decision. */
export const committeeVotes = sqliteTable(
  "committee_votes",
  {
    packetId: text("packet_id")
      .notNull()
      .references(() => packets.id, { onDelete: "cascade" }),
    memberId: text("member_id")
      .notNull()
      .references(() => people.id),
    vote: text("vote", { enum: COMMITTEE_VOTES }).notNull(),
    comment: text("comment").notNull(),
    createdAt: createdAt(),
    updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
  },
  (t) => [primaryKey({ columns: [t.packetId, t.memberId] }), index("committee_votes_member").on(t.memberId)],
);

/* The decision an admin records for the committee: approved (with the level change's effective date) or declined. */
export const packetDecisions = sqliteTable(
  "packet_decisions",
  {
    packetId: text("packet_id")
      .primaryKey()
      .references(() => packets.id, { onDelete: "cascade" }),
    outcome: text("outcome", { enum: PACKET_OUTCOMES }).notNull(),
    reasons: text("reasons").notNull(),
    effectiveDate: text("effective_date"),
    decidedById: text("decided_by_id")
      .notNull()
      .references(() => people.id),
    decidedAt: integer("decided_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [check("packet_decisions_effective_date", sql`(${t.outcome} = 'approved') = (${t.effectiveDate} is not null)`)],
);

/*
 * Email waiting to go out, written in the same transaction as the event it
 * tells about. A sender claims a row (status "sending" with a lease) before
 * talking to the mail server, so two senders never send it twice; a row whose
 * lease ran out mid-send is marked failed, never sent again. Bodies of rows
 * that carry a one-time link are sealed with a key derived from the auth
 * secret and wiped once sent.
 */
export const emailOutbox = sqliteTable(
  "email_outbox",
  {
    id: text("id").primaryKey(),
    recipientId: text("recipient_id")
      .notNull()
      .references(() => people.id),
    toAddress: text("to_address").notNull(),
    category: text("category", { enum: OUTBOX_CATEGORIES }).notNull(),
    subject: text("subject").notNull(),
    textBody: text("text_body").notNull(),
    htmlBody: text("html_body").notNull(),
    sealed: integer("sealed", { mode: "boolean" }).notNull().default(false),
    // At most one message per key (a person's digest for a day).
    dedupeKey: text("dedupe_key"),
    status: text("status", { enum: OUTBOX_STATUSES }).notNull().default("pending"),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: integer("next_attempt_at", { mode: "timestamp_ms" }).notNull().default(now),
    leaseUntil: integer("lease_until", { mode: "timestamp_ms" }),
    lastError: text("last_error"),
    sentAt: integer("sent_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [uniqueIndex("email_outbox_dedupe").on(t.dedupeKey), index("email_outbox_due").on(t.status, t.nextAttemptAt), index("email_outbox_recipient").on(t.recipientId, t.category)],
);

/*
 * A person's notifications: an event that hands them work or answers them,
 * one click from its record. Reminders carry a dedupe key, so the same
 * reminder is never written (or sent) twice.
 */
export const notifications = sqliteTable(
  "notifications",
  {
    id: text("id").primaryKey(),
    recipientId: text("recipient_id")
      .notNull()
      .references(() => people.id),
    kind: text("kind", { enum: NOTIFICATION_KINDS }).notNull(),
    recordType: text("record_type", { enum: NOTIFIED_RECORD_TYPES }).notNull(),
    recordId: text("record_id").notNull(),
    actorId: text("actor_id").references(() => people.id),
    title: text("title").notNull(),
    detail: text("detail").notNull().default(""),
    dedupeKey: text("dedupe_key"),
    createdAt: createdAt(),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
    emailState: text("email_state", { enum: NOTIFICATION_EMAIL_STATES }).notNull().default("none"),
    outboxId: text("outbox_id").references(() => emailOutbox.id),
  },
  (t) => [
    uniqueIndex("notifications_dedupe").on(t.dedupeKey),
    index("notifications_recipient_time").on(t.recipientId, t.createdAt),
    index("notifications_unread").on(t.recipientId).where(sql`${t.readAt} is null`),
    index("notifications_digest").on(t.recipientId).where(sql`${t.emailState} = 'digest'`),
  ],
);

/* How each person wants email; no row means the default (immediate). */
export const notificationSettings = sqliteTable("notification_settings", {
  personId: text("person_id")
    .primaryKey()
    .references(() => people.id),
  email: text("email", { enum: EMAIL_PREFERENCES }).notNull().default("immediate"),
  version: integer("version").notNull().default(1),
  updatedAt: integer("updated_at", { mode: "timestamp_ms" }).notNull().default(now),
});
