CREATE TABLE `packet_cells` (
	`packet_id` text NOT NULL,
	`competency_key` text NOT NULL,
	`theme_key` text NOT NULL,
	`case_text` text DEFAULT '' NOT NULL,
	`text_version` integer DEFAULT 1 NOT NULL,
	`manager_rating` text,
	`manager_comment` text DEFAULT '' NOT NULL,
	`manager_justification` text DEFAULT '' NOT NULL,
	PRIMARY KEY(`packet_id`, `competency_key`, `theme_key`),
	FOREIGN KEY (`packet_id`) REFERENCES `packets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`competency_key`) REFERENCES `competencies`(`key`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`theme_key`) REFERENCES `themes`(`key`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `packet_citations` (
	`packet_id` text NOT NULL,
	`competency_key` text NOT NULL,
	`theme_key` text NOT NULL,
	`entry_id` text NOT NULL,
	PRIMARY KEY(`packet_id`, `competency_key`, `theme_key`, `entry_id`),
	FOREIGN KEY (`packet_id`) REFERENCES `packets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`entry_id`) REFERENCES `evidence_entries`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`packet_id`,`competency_key`,`theme_key`) REFERENCES `packet_cells`(`packet_id`,`competency_key`,`theme_key`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE INDEX `packet_citations_entry` ON `packet_citations` (`entry_id`);--> statement-breakpoint
CREATE TABLE `packet_events` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`packet_id` text NOT NULL,
	`at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`actor_id` text,
	`step` text NOT NULL,
	`from_status` text,
	`to_status` text NOT NULL,
	`note` text DEFAULT '' NOT NULL,
	FOREIGN KEY (`packet_id`) REFERENCES `packets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`actor_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `packet_events_packet` ON `packet_events` (`packet_id`,`at`);--> statement-breakpoint
CREATE TABLE `packet_private_notes` (
	`packet_id` text PRIMARY KEY NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by_id` text,
	`updated_at` integer,
	FOREIGN KEY (`packet_id`) REFERENCES `packets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `packet_settings` (
	`id` integer PRIMARY KEY NOT NULL,
	`minimum_rating` text DEFAULT 'meets' NOT NULL,
	`max_justified_gaps` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by_id` text,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`updated_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "packet_settings_single_row" CHECK("packet_settings"."id" = 1),
	CONSTRAINT "packet_settings_max_gaps" CHECK("packet_settings"."max_justified_gaps" is null or "packet_settings"."max_justified_gaps" between 0 and 99)
);
--> statement-breakpoint
CREATE TABLE `packets` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`started_by_id` text NOT NULL,
	`framework_version_id` integer NOT NULL,
	`from_level_key` text NOT NULL,
	`target_level_key` text NOT NULL,
	`kind` text NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`case_version` integer DEFAULT 1 NOT NULL,
	`case_saved_at` integer,
	`manager_version` integer DEFAULT 1 NOT NULL,
	`manager_author_id` text,
	`submitted_at` integer,
	`endorsed_at` integer,
	`closed_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`started_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`framework_version_id`) REFERENCES `framework_versions`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`manager_author_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`framework_version_id`,`from_level_key`) REFERENCES `version_levels`(`version_id`,`level_key`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`framework_version_id`,`target_level_key`) REFERENCES `version_levels`(`version_id`,`level_key`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "packets_target_differs" CHECK("packets"."from_level_key" <> "packets"."target_level_key")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `packets_one_open_per_person` ON `packets` (`person_id`) WHERE "packets"."status" in ('draft', 'submitted', 'endorsed');--> statement-breakpoint
CREATE INDEX `packets_person` ON `packets` (`person_id`,`created_at`);--> statement-breakpoint
CREATE INDEX `packets_status` ON `packets` (`status`);