CREATE TABLE `evidence_cells` (
	`entry_id` text NOT NULL,
	`competency_key` text NOT NULL,
	`theme_key` text NOT NULL,
	PRIMARY KEY(`entry_id`, `competency_key`, `theme_key`),
	FOREIGN KEY (`entry_id`) REFERENCES `evidence_entries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`competency_key`) REFERENCES `competencies`(`key`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`theme_key`) REFERENCES `themes`(`key`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `evidence_entries` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`title` text NOT NULL,
	`occurred_on` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`links` text NOT NULL,
	`removed_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `evidence_entries_person_date` ON `evidence_entries` (`person_id`,`occurred_on`);--> statement-breakpoint
CREATE TABLE `org_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`time_zone` text DEFAULT 'UTC' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by_id` text,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`updated_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "org_settings_single_row" CHECK("org_settings"."id" = 1)
);
--> statement-breakpoint
CREATE TABLE `review_cells` (
	`review_id` text NOT NULL,
	`competency_key` text NOT NULL,
	`theme_key` text NOT NULL,
	`self_rating` text,
	`self_evidence` text DEFAULT '' NOT NULL,
	`manager_rating` text,
	`manager_comment` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`review_id`, `competency_key`, `theme_key`),
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`competency_key`) REFERENCES `competencies`(`key`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`theme_key`) REFERENCES `themes`(`key`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `review_citations` (
	`review_id` text NOT NULL,
	`competency_key` text NOT NULL,
	`theme_key` text NOT NULL,
	`entry_id` text NOT NULL,
	PRIMARY KEY(`review_id`, `competency_key`, `theme_key`, `entry_id`),
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entry_id`) REFERENCES `evidence_entries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`review_id`,`competency_key`,`theme_key`) REFERENCES `review_cells`(`review_id`,`competency_key`,`theme_key`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `review_citations_entry` ON `review_citations` (`entry_id`);--> statement-breakpoint
CREATE TABLE `review_cycles` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`self_due_on` text NOT NULL,
	`manager_due_on` text NOT NULL,
	`status` text DEFAULT 'open' NOT NULL,
	`framework_version_id` integer NOT NULL,
	`opened_by_id` text,
	`opened_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`closed_by_id` text,
	`closed_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	FOREIGN KEY (`framework_version_id`) REFERENCES `framework_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`opened_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`closed_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "review_cycles_due_order" CHECK("review_cycles"."self_due_on" <= "review_cycles"."manager_due_on")
);
--> statement-breakpoint
CREATE INDEX `review_cycles_status` ON `review_cycles` (`status`);--> statement-breakpoint
CREATE TABLE `reviews` (
	`id` text PRIMARY KEY NOT NULL,
	`cycle_id` text NOT NULL,
	`person_id` text NOT NULL,
	`framework_version_id` integer NOT NULL,
	`track_key` text NOT NULL,
	`level_key` text NOT NULL,
	`self_status` text DEFAULT 'not-started' NOT NULL,
	`self_version` integer DEFAULT 1 NOT NULL,
	`self_saved_at` integer,
	`self_submitted_at` integer,
	`manager_status` text DEFAULT 'not-started' NOT NULL,
	`manager_version` integer DEFAULT 1 NOT NULL,
	`manager_summary` text DEFAULT '' NOT NULL,
	`manager_author_id` text,
	`shared_at` integer,
	`acknowledged_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`cycle_id`) REFERENCES `review_cycles`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`framework_version_id`) REFERENCES `framework_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`track_key`) REFERENCES `tracks`(`key`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`level_key`) REFERENCES `levels`(`key`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`manager_author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`framework_version_id`,`level_key`) REFERENCES `version_levels`(`version_id`,`level_key`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `reviews_cycle_person` ON `reviews` (`cycle_id`,`person_id`);--> statement-breakpoint
CREATE INDEX `reviews_person` ON `reviews` (`person_id`);--> statement-breakpoint
CREATE INDEX `reviews_cycle_self_status` ON `reviews` (`cycle_id`,`self_status`);