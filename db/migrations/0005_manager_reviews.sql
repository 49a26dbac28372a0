CREATE TABLE `review_private_notes` (
	`review_id` text PRIMARY KEY NOT NULL,
	`body` text DEFAULT '' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`updated_by_id` text,
	`updated_at` integer,
	FOREIGN KEY (`review_id`) REFERENCES `reviews`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`updated_by_id`) REFERENCES `people`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
ALTER TABLE `reviews` ADD `engineer_response` text DEFAULT '' NOT NULL;--> statement-breakpoint
CREATE INDEX `reviews_cycle_manager_status` ON `reviews` (`cycle_id`,`manager_status`);