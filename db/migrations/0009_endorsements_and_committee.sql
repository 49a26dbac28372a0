CREATE TABLE `committee_votes` (
	`packet_id` text NOT NULL,
	`member_id` text NOT NULL,
	`vote` text NOT NULL,
	`comment` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	PRIMARY KEY(`packet_id`, `member_id`),
	FOREIGN KEY (`packet_id`) REFERENCES `packets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`member_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE TABLE `endorsement_cells` (
	`request_id` text NOT NULL,
	`competency_key` text NOT NULL,
	`theme_key` text NOT NULL,
	`stance` text,
	`comment` text DEFAULT '' NOT NULL,
	`text_version` integer,
	`answered_text` text,
	`answered_at` integer,
	PRIMARY KEY(`request_id`, `competency_key`, `theme_key`),
	FOREIGN KEY (`request_id`) REFERENCES `endorsement_requests`(`id`) ON UPDATE no action ON DELETE cascade
);
--> statement-breakpoint
CREATE TABLE `endorsement_requests` (
	`id` text PRIMARY KEY NOT NULL,
	`packet_id` text NOT NULL,
	`endorser_id` text NOT NULL,
	`requested_by_id` text NOT NULL,
	`message` text DEFAULT '' NOT NULL,
	`status` text DEFAULT 'pending' NOT NULL,
	`decline_reason` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`answered_at` integer,
	`closed_at` integer,
	FOREIGN KEY (`packet_id`) REFERENCES `packets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`endorser_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`requested_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE UNIQUE INDEX `endorsement_requests_one_live` ON `endorsement_requests` (`packet_id`,`endorser_id`) WHERE "endorsement_requests"."status" <> 'cancelled';--> statement-breakpoint
CREATE INDEX `endorsement_requests_endorser` ON `endorsement_requests` (`endorser_id`,`status`);--> statement-breakpoint
CREATE TABLE `packet_decisions` (
	`packet_id` text PRIMARY KEY NOT NULL,
	`outcome` text NOT NULL,
	`reasons` text NOT NULL,
	`effective_date` text,
	`decided_by_id` text NOT NULL,
	`decided_at` integer NOT NULL,
	FOREIGN KEY (`packet_id`) REFERENCES `packets`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`decided_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "packet_decisions_effective_date" CHECK(("packet_decisions"."outcome" = 'approved') = ("packet_decisions"."effective_date" is not null))
);
--> statement-breakpoint
ALTER TABLE `packet_cells` ADD `missing` text DEFAULT '' NOT NULL;--> statement-breakpoint
ALTER TABLE `packets` ADD `reopened_from_id` text REFERENCES packets(id);--> statement-breakpoint
CREATE UNIQUE INDEX `packets_reopened_once` ON `packets` (`reopened_from_id`) WHERE "packets"."reopened_from_id" is not null;