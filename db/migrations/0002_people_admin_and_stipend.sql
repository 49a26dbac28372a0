CREATE TABLE `account_links` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`purpose` text NOT NULL,
	`token_hash` text NOT NULL,
	`created_by_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`expires_at` integer NOT NULL,
	`used_at` integer,
	`revoked_at` integer,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `account_links_token` ON `account_links` (`token_hash`);--> statement-breakpoint
CREATE INDEX `account_links_person` ON `account_links` (`person_id`);--> statement-breakpoint
CREATE TABLE `committee_members` (
	`person_id` text PRIMARY KEY NOT NULL,
	`added_by_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`added_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `receipts` (
	`id` text PRIMARY KEY NOT NULL,
	`stored_name` text NOT NULL,
	`original_name` text NOT NULL,
	`content_type` text NOT NULL,
	`size_bytes` integer NOT NULL,
	`sha256` text NOT NULL,
	`uploaded_by_id` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`uploaded_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `receipts_stored_name_unique` ON `receipts` (`stored_name`);--> statement-breakpoint
CREATE TABLE `stipend_claim_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`claim_id` text NOT NULL,
	`at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`actor_id` text,
	`from_status` text,
	`to_status` text NOT NULL,
	`reason` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`claim_id`) REFERENCES `stipend_claims`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`actor_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `stipend_claim_events_claim` ON `stipend_claim_events` (`claim_id`,`at`);--> statement-breakpoint
CREATE TABLE `stipend_claims` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`year` integer NOT NULL,
	`purchase_date` text NOT NULL,
	`item` text NOT NULL,
	`vendor` text NOT NULL,
	`category` text NOT NULL,
	`amount_paid_minor` integer NOT NULL,
	`currency_paid` text NOT NULL,
	`amount_charged_minor` integer NOT NULL,
	`receipt_id` text,
	`receipt_url` text,
	`note` text DEFAULT '' NOT NULL,
	`competency_key` text,
	`theme_key` text,
	`status` text DEFAULT 'pending' NOT NULL,
	`over_balance` integer DEFAULT false NOT NULL,
	`decided_by_id` text,
	`decided_at` integer,
	`decision_reason` text,
	`reimbursed_by_id` text,
	`reimbursed_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`receipt_id`) REFERENCES `receipts`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`competency_key`) REFERENCES `competencies`(`key`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`theme_key`) REFERENCES `themes`(`key`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reimbursed_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stipend_claims_amounts" CHECK("stipend_claims"."amount_paid_minor" > 0 and "stipend_claims"."amount_charged_minor" > 0),
	CONSTRAINT "stipend_claims_receipt" CHECK("stipend_claims"."receipt_id" is not null or "stipend_claims"."receipt_url" is not null),
	CONSTRAINT "stipend_claims_cell" CHECK(("stipend_claims"."competency_key" is null) = ("stipend_claims"."theme_key" is null))
);
--> statement-breakpoint
CREATE INDEX `stipend_claims_person_year` ON `stipend_claims` (`person_id`,`year`);--> statement-breakpoint
CREATE INDEX `stipend_claims_status` ON `stipend_claims` (`status`);--> statement-breakpoint
CREATE TABLE `stipend_policies` (
	`year` integer PRIMARY KEY NOT NULL,
	`allowance_minor` integer NOT NULL,
	`currency` text NOT NULL,
	`categories` text NOT NULL,
	`over_balance` text DEFAULT 'refuse' NOT NULL,
	`prorate_new_starters` integer DEFAULT true NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by_id` text,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`updated_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "stipend_policies_allowance" CHECK("stipend_policies"."allowance_minor" >= 0),
	CONSTRAINT "stipend_policies_currency" CHECK(length("stipend_policies"."currency") = 3)
);
