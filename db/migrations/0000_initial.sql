CREATE TABLE `accounts` (
	`provider` text NOT NULL,
	`provider_account_id` text NOT NULL,
	`person_id` text NOT NULL,
	`type` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`provider`, `provider_account_id`),
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `accounts_person` ON `accounts` (`person_id`);--> statement-breakpoint
CREATE TABLE `audit_log` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`actor_id` text,
	`action` text NOT NULL,
	`record_type` text NOT NULL,
	`record_id` text NOT NULL,
	`summary` text NOT NULL
);
--> statement-breakpoint
CREATE INDEX `audit_log_at` ON `audit_log` (`at`);--> statement-breakpoint
CREATE INDEX `audit_log_record` ON `audit_log` (`record_type`,`record_id`);--> statement-breakpoint
CREATE INDEX `audit_log_actor` ON `audit_log` (`actor_id`,`at`);--> statement-breakpoint
CREATE TABLE `cells` (
	`version_id` integer NOT NULL,
	`level_key` text NOT NULL,
	`competency_key` text NOT NULL,
	`theme_key` text NOT NULL,
	`expectation` text NOT NULL,
	`description` text NOT NULL,
	`examples` text NOT NULL,
	PRIMARY KEY(`version_id`, `level_key`, `competency_key`, `theme_key`),
	FOREIGN KEY (`version_id`,`level_key`) REFERENCES `version_levels`(`version_id`,`level_key`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`,`competency_key`) REFERENCES `version_competencies`(`version_id`,`competency_key`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`version_id`,`theme_key`) REFERENCES `version_themes`(`version_id`,`theme_key`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `competencies` (
	`key` text PRIMARY KEY NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `framework_versions` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`number` integer NOT NULL,
	`name` text NOT NULL,
	`description` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'draft' NOT NULL,
	`notes` text DEFAULT '' NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`created_by_id` text,
	`published_at` integer,
	`published_by_id` text,
	FOREIGN KEY (`created_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`published_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "framework_versions_published_has_date" CHECK("framework_versions"."status" = 'draft' or "framework_versions"."published_at" is not null)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `framework_versions_number_unique` ON `framework_versions` (`number`);--> statement-breakpoint
CREATE TABLE `level_history` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`person_id` text NOT NULL,
	`track_key` text NOT NULL,
	`level_key` text NOT NULL,
	`effective_date` text NOT NULL,
	`reason` text NOT NULL,
	`recorded_by_id` text,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`track_key`) REFERENCES `tracks`(`key`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`level_key`) REFERENCES `levels`(`key`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`recorded_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `level_history_person` ON `level_history` (`person_id`,`effective_date`);--> statement-breakpoint
CREATE TABLE `levels` (
	`key` text PRIMARY KEY NOT NULL,
	`track_key` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`track_key`) REFERENCES `tracks`(`key`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `people` (
	`id` text PRIMARY KEY NOT NULL,
	`name` text NOT NULL,
	`email` text NOT NULL,
	`role` text DEFAULT 'engineer' NOT NULL,
	`track_key` text NOT NULL,
	`level_key` text NOT NULL,
	`manager_id` text,
	`team` text DEFAULT '' NOT NULL,
	`start_date` text NOT NULL,
	`active` integer DEFAULT true NOT NULL,
	`password_hash` text,
	`password_changed_at` integer,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`track_key`) REFERENCES `tracks`(`key`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`level_key`) REFERENCES `levels`(`key`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`manager_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "people_not_own_manager" CHECK("people"."manager_id" is null or "people"."manager_id" <> "people"."id")
);
--> statement-breakpoint
CREATE UNIQUE INDEX `people_email` ON `people` (`email`);--> statement-breakpoint
CREATE INDEX `people_manager` ON `people` (`manager_id`);--> statement-breakpoint
CREATE TABLE `sessions` (
	`id` text PRIMARY KEY NOT NULL,
	`person_id` text NOT NULL,
	`provider` text NOT NULL,
	`created_at` integer NOT NULL,
	`last_seen_at` integer NOT NULL,
	`ended_at` integer,
	`ended_reason` text,
	FOREIGN KEY (`person_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `sessions_person` ON `sessions` (`person_id`);--> statement-breakpoint
CREATE TABLE `sign_in_throttle` (
	`key` text PRIMARY KEY NOT NULL,
	`failures` integer NOT NULL,
	`first_failure_at` integer NOT NULL,
	`locked_until` integer
);
--> statement-breakpoint
CREATE TABLE `themes` (
	`key` text PRIMARY KEY NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `tracks` (
	`key` text PRIMARY KEY NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE TABLE `version_competencies` (
	`version_id` integer NOT NULL,
	`competency_key` text NOT NULL,
	`name` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`version_id`, `competency_key`),
	FOREIGN KEY (`version_id`) REFERENCES `framework_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`competency_key`) REFERENCES `competencies`(`key`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `version_levels` (
	`version_id` integer NOT NULL,
	`level_key` text NOT NULL,
	`track_key` text NOT NULL,
	`code` text NOT NULL,
	`name` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`position` integer NOT NULL,
	`equivalent_level_key` text,
	PRIMARY KEY(`version_id`, `level_key`),
	FOREIGN KEY (`version_id`) REFERENCES `framework_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`level_key`) REFERENCES `levels`(`key`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`equivalent_level_key`) REFERENCES `levels`(`key`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`version_id`,`track_key`) REFERENCES `version_tracks`(`version_id`,`track_key`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `version_levels_position` ON `version_levels` (`version_id`,`track_key`,`position`);--> statement-breakpoint
CREATE TABLE `version_themes` (
	`version_id` integer NOT NULL,
	`theme_key` text NOT NULL,
	`name` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`version_id`, `theme_key`),
	FOREIGN KEY (`version_id`) REFERENCES `framework_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`theme_key`) REFERENCES `themes`(`key`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `version_tracks` (
	`version_id` integer NOT NULL,
	`track_key` text NOT NULL,
	`name` text NOT NULL,
	`summary` text DEFAULT '' NOT NULL,
	`position` integer NOT NULL,
	PRIMARY KEY(`version_id`, `track_key`),
	FOREIGN KEY (`version_id`) REFERENCES `framework_versions`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`track_key`) REFERENCES `tracks`(`key`) ON UPDATE no action ON DELETE no action
);
